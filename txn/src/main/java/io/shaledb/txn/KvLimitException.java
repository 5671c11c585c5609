package io.shaledb.txn;

/**
 * A key or value is larger than the transactional KV layer accepts. The SQL layer reports it as
 * SQLSTATE 54000 (program_limit_exceeded).
 */
public class KvLimitException extends IllegalArgumentException {
  public KvLimitException(String message) {
    super(message);
  }
}
