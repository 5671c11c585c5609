package io.shaledb.jdbc.client;

/**
 * One host:port of a connection URL.
 *
 * @param host host name or IP literal (IPv6 without brackets)
 * @param port TCP port, 1..65535
 */
public record HostAddress(String host, int port) {
  public HostAddress {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("empty host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
