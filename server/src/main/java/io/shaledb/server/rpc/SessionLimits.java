package io.shaledb.server.rpc;

/**
 * What a session stream tells clients about the server and enforces on them.
 *
 * @param serverVersion reported in {@code HelloOk}
 * @param maxStatementBytes statements longer than this many UTF-8 bytes are refused with 54000
 */
public record SessionLimits(String serverVersion, int maxStatementBytes) {
  public SessionLimits {
    if (serverVersion == null || serverVersion.isEmpty()) {
      throw new IllegalArgumentException("serverVersion is empty");
    }
    if (maxStatementBytes <= 0) {
      throw new IllegalArgumentException("maxStatementBytes must be positive: " + maxStatementBytes);
    }
  }
}
