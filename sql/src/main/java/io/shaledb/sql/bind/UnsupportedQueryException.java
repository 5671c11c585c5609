package io.shaledb.sql.bind;

/**
 * Thrown by the direct converter when a query (or a part of it) is outside the subset it binds
 * itself; the caller falls back to the validator path. Cheap: no stack trace.
 */
public final class UnsupportedQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param reason a short, stable description of the unsupported construct (diagnostics) */
  public UnsupportedQueryException(String reason) {
    super(reason, null, false, false);
  }

  /** The unsupported construct, e.g. {@code "sub-query"}. */
  public String reason() {
    return getMessage();
  }
}
