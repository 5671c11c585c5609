package io.shaledb.txn;

/**
 * The transaction could not be committed as is and may succeed if run again from the start.
 * Reaches SQL clients as SQLSTATE 40001 with a message starting "restart transaction:".
 */
public class TransactionRetryException extends RuntimeException {

  /** Why the transaction must restart. */
  public enum Reason {
    /** Another transaction committed a write to a key this one writes, after this one's reads. */
    WRITE_WRITE_CONFLICT,
    /** A value this transaction read changed before it could commit. */
    READ_WITHIN_UNCERTAINTY_INTERVAL,
    /** Something this transaction read was overwritten before it committed. */
    SERIALIZABLE_CONFLICT
  }

  private final Reason reason;

  public TransactionRetryException(Reason reason, String detail) {
    super("restart transaction: " + reason + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
