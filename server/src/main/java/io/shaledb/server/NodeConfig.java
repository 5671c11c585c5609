package io.shaledb.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * A node's validated configuration.
 *
 * @param host interface to listen on (a name or an IP literal)
 * @param port TCP port, 0 for any free one
 * @param storeDir the node's data directory
 * @param maxStatementBytes see {@link ServerSetting#MAX_STATEMENT_BYTES}
 * @param sqlWorkers see {@link ServerSetting#SQL_WORKERS}
 * @param sqlIoThreads see {@link ServerSetting#SQL_IO_THREADS}
 * @param maxClockOffset see {@link ServerSetting#MAX_CLOCK_OFFSET}
 * @param shutdownGrace see {@link ServerSetting#SHUTDOWN_GRACE}
 */
public record NodeConfig(String host, int port, Path storeDir, int maxStatementBytes,
    int sqlWorkers, int sqlIoThreads, Duration maxClockOffset, Duration shutdownGrace) {

  public NodeConfig {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("listen host is empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (storeDir == null) {
      throw new IllegalArgumentException("store directory is required");
    }
    if (maxStatementBytes <= 0) {
      throw new IllegalArgumentException("max statement bytes must be positive");
    }
    if (sqlWorkers <= 0) {
      throw new IllegalArgumentException("sql workers must be positive");
    }
    if (sqlIoThreads <= 0) {
      throw new IllegalArgumentException("sql io threads must be positive");
    }
    if (maxClockOffset.isNegative() || shutdownGrace.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /** All defaults, listening on an ephemeral loopback port, storing in {@code storeDir}. */
  public static NodeConfig forTest(Path storeDir) {
    return from(s -> switch (s) {
      case STORE -> storeDir.toString();
      case LISTEN -> "127.0.0.1:0";
      default -> null;
    });
  }

  /**
   * Builds a configuration from setting values; a {@code null} value means the setting's default.
   *
   * @throws IllegalArgumentException naming the setting whose value does not parse
   */
  public static NodeConfig from(Function<ServerSetting, String> values) {
    Function<ServerSetting, String> v = s -> {
      String x = values.apply(s);
      return x == null ? s.defaultValue() : x.trim();
    };
    HostPort listen = parseListen(v.apply(ServerSetting.LISTEN));
    String store = v.apply(ServerSetting.STORE);
    if (store.isEmpty()) {
      throw new IllegalArgumentException("--" + ServerSetting.STORE.cliName() + " is required");
    }
    return new NodeConfig(listen.host(), listen.port(), Path.of(store),
        parseInt(ServerSetting.MAX_STATEMENT_BYTES, v.apply(ServerSetting.MAX_STATEMENT_BYTES)),
        parseInt(ServerSetting.SQL_WORKERS, v.apply(ServerSetting.SQL_WORKERS)),
        parseInt(ServerSetting.SQL_IO_THREADS, v.apply(ServerSetting.SQL_IO_THREADS)),
        parseDuration(ServerSetting.MAX_CLOCK_OFFSET, v.apply(ServerSetting.MAX_CLOCK_OFFSET)),
        parseDuration(ServerSetting.SHUTDOWN_GRACE, v.apply(ServerSetting.SHUTDOWN_GRACE)));
  }

  /** A listen address. */
  public record HostPort(String host, int port) {}

  /** Parses {@code HOST:PORT}, {@code [IPv6]:PORT} or {@code :PORT} (loopback). */
  public static HostPort parseListen(String text) {
    String s = text.trim();
    int colon = s.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "--" + ServerSetting.LISTEN.cliName() + " must be HOST:PORT, got \"" + text + "\"");
    }
    String host = s.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      host = "127.0.0.1";
    }
    int port = parseInt(ServerSetting.LISTEN, s.substring(colon + 1));
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range in \"" + text + "\"");
    }
    return new HostPort(host, port);
  }

  private static int parseInt(ServerSetting s, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + s.cliName() + ": not a number: \"" + text + "\"");
    }
  }

  /** Parses durations written as {@code 250ms}, {@code 5s} or {@code 2m}. */
  static Duration parseDuration(ServerSetting s, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException(
        "--" + s.cliName() + ": expected a duration like 500ms, 5s or 2m, got \"" + text + "\"");
  }
}
