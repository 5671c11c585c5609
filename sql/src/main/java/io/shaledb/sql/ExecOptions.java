package io.shaledb.sql;

/**
 * Per-execution options.
 *
 * @param maxRows at most this many result rows are returned; 0 means no limit
 * @param returnGeneratedKeys whether to return the key values an INSERT generated
 */
public record ExecOptions(int maxRows, boolean returnGeneratedKeys) {
  public static final ExecOptions DEFAULT = new ExecOptions(0, false);

  public ExecOptions {
    if (maxRows < 0) {
      throw new IllegalArgumentException("maxRows < 0: " + maxRows);
    }
  }
}
