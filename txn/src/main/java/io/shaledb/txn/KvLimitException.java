package io.shaledb.txn;

/** A key or value exceeds a size limit (SQLSTATE 54000 at the SQL edge). */
public class KvLimitException extends IllegalArgumentException {
  public KvLimitException(String message) {
    super(message);
  }
}
