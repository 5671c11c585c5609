package io.shaledb.jdbc.client;

/**
 * A failed request: either an {@code Error} answered by the server or a client-side failure (lost
 * stream, timeout, cancel). Always carries a five-character PostgreSQL SQLSTATE.
 */
public final class WireException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Connection could not be established (no listed host answered). */
  public static final String UNABLE_TO_CONNECT = "08001";

  /** The stream failed or ended; the session is unusable. */
  public static final String CONNECTION_FAILURE = "08006";

  /** Using a session after it was closed. */
  public static final String CONNECTION_DOES_NOT_EXIST = "08003";

  /** The server broke the request/answer ordering contract. */
  public static final String PROTOCOL_VIOLATION = "08P01";

  /** A deadline expired or the request was cancelled. */
  public static final String QUERY_CANCELED = "57014";

  private final String sqlState;
  private final int position;
  private final String detail;
  private final String hint;
  private final boolean sessionLost;

  /**
   * @param sqlState five-character SQLSTATE (an invalid value is replaced by XX000)
   * @param message human-readable message without position/detail decoration
   * @param position 1-based character position in the statement, 0 = none
   * @param detail optional detail, may be empty or null
   * @param hint optional hint, may be empty or null
   * @param sessionLost whether the session can no longer be used
   * @param cause optional cause
   */
  public WireException(
      String sqlState,
      String message,
      int position,
      String detail,
      String hint,
      boolean sessionLost,
      Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState != null && sqlState.length() == 5 ? sqlState : "XX000";
    this.position = Math.max(0, position);
    this.detail = detail == null ? "" : detail;
    this.hint = hint == null ? "" : hint;
    this.sessionLost = sessionLost;
  }

  /** A client-side failure with only a state and a message. */
  public static WireException of(String sqlState, String message) {
    return new WireException(sqlState, message, 0, null, null, false, null);
  }

  /** A failure after which the session is unusable (SQLSTATE 08006 unless given otherwise). */
  public static WireException sessionLost(String sqlState, String message, Throwable cause) {
    return new WireException(sqlState, message, 0, null, null, true, cause);
  }

  public String sqlState() {
    return sqlState;
  }

  /** 1-based position of the error in the statement text, 0 when unknown. */
  public int position() {
    return position;
  }

  /** Detail text, empty when none. */
  public String detail() {
    return detail;
  }

  /** Hint text, empty when none. */
  public String hint() {
    return hint;
  }

  /** Whether the session is closed as a consequence of this failure. */
  public boolean sessionLost() {
    return sessionLost;
  }
}
