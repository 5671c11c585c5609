package io.shaledb.jdbc;

import io.shaledb.jdbc.client.HostAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A parsed {@code jdbc:shale://host[:port][,host[:port]...][/database][?name=value&...]} URL. IPv6
 * literals are written in brackets. Defaults: port 26257, database "defaultdb".
 *
 * @param hosts hosts in failover order, at least one
 * @param database database name
 * @param properties the URL's query parameters (decoded)
 */
public record ShaleUrl(List<HostAddress> hosts, String database, Properties properties) {
  /** Prefix of every URL this driver accepts. */
  public static final String PREFIX = "jdbc:shale://";

  public static final int DEFAULT_PORT = 26257;
  public static final String DEFAULT_DATABASE = "defaultdb";

  public ShaleUrl {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no host");
    }
  }

  /** Whether the URL is meant for this driver (it may still be malformed). */
  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * Parses a URL.
   *
   * @throws IllegalArgumentException with a message naming the problem
   */
  public static ShaleUrl parse(String url) {
    if (!accepts(url)) {
      throw new IllegalArgumentException("not a jdbc:shale:// URL: " + url);
    }
    String rest = url.substring(PREFIX.length());
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    String database = DEFAULT_DATABASE;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      String db = decode(rest.substring(slash + 1));
      if (!db.isEmpty()) {
        database = db;
      }
      rest = rest.substring(0, slash);
    }
    List<HostAddress> hosts = new ArrayList<>();
    for (String part : rest.split(",", -1)) {
      hosts.add(parseHost(part.trim(), url));
    }
    Properties props = new Properties();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq >= 0 ? pair.substring(0, eq) : pair);
      String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
      props.setProperty(name, value);
    }
    return new ShaleUrl(hosts, database, props);
  }

  private static HostAddress parseHost(String part, String url) {
    if (part.isEmpty()) {
      throw new IllegalArgumentException("empty host in " + url);
    }
    String host;
    String port = null;
    if (part.startsWith("[")) {
      int close = part.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unterminated IPv6 literal in " + url);
      }
      host = part.substring(1, close);
      String tail = part.substring(close + 1);
      if (tail.startsWith(":")) {
        port = tail.substring(1);
      } else if (!tail.isEmpty()) {
        throw new IllegalArgumentException("bad host '" + part + "' in " + url);
      }
    } else {
      int colon = part.lastIndexOf(':');
      host = colon >= 0 ? part.substring(0, colon) : part;
      port = colon >= 0 ? part.substring(colon + 1) : null;
    }
    int p = DEFAULT_PORT;
    if (port != null) {
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad port '" + port + "' in " + url);
      }
    }
    try {
      return new HostAddress(host, p);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " in " + url);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
