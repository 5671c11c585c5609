package io.shaledb.sql;

/**
 * A SQL-level failure with a PostgreSQL SQLSTATE, produced once at the edge of the SQL layer from
 * typed internal errors, and carried to the client unchanged.
 */
public class SqlError extends RuntimeException {
  private final SqlState state;
  private final int position;
  private final String detail;
  private final String hint;

  public SqlError(SqlState state, String message) {
    this(state, message, 0, null, null, null);
  }

  public SqlError(SqlState state, String message, Throwable cause) {
    this(state, message, 0, null, null, cause);
  }

  /**
   * @param position 1-based character position in the statement where the error was found, 0 if none
   */
  public SqlError(SqlState state, String message, int position, String detail, String hint, Throwable cause) {
    super(message, cause);
    this.state = state;
    this.position = position;
    this.detail = detail;
    this.hint = hint;
  }

  public SqlState state() {
    return state;
  }

  public int position() {
    return position;
  }

  public String detail() {
    return detail;
  }

  public String hint() {
    return hint;
  }
}
