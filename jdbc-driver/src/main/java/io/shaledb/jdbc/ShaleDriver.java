package io.shaledb.jdbc;

import io.shaledb.jdbc.client.SessionSettings;
import io.shaledb.jdbc.client.WireException;
import io.shaledb.jdbc.client.WireSession;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:shale://} driver. Registers itself with {@link DriverManager} when loaded (also
 * found through {@code META-INF/services/java.sql.Driver}). Stateless and thread-safe.
 *
 * <p>URL: {@code jdbc:shale://host[:port][,host[:port]...][/database][?prop=value&...]}; properties
 * are listed in {@link ConnectionProperty}. Hosts are tried in order until one answers Hello within
 * {@code connectTimeout}; if none does, 08001.
 */
public final class ShaleDriver implements Driver {
  public static final String DRIVER_NAME = "ShaleDB JDBC Driver";
  public static final int MAJOR_VERSION = 0;
  public static final int MINOR_VERSION = 1;
  public static final String DRIVER_VERSION = "0.1.0";
  static final String CLIENT_NAME = "shale-jdbc " + DRIVER_VERSION;

  private static final Logger LOG = Logger.getLogger("io.shaledb.jdbc");
  private static final ShaleDriver INSTANCE = new ShaleDriver();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Connects, or returns null when the URL is not a {@code jdbc:shale:} URL.
   *
   * @throws SQLException 08001 for a malformed URL or when no host answered; the server's error
   *     when the chosen host refused the session (e.g. 3D000 unknown database)
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ShaleUrl parsed = parse(url);
    Properties props = merged(parsed, info);
    String user = ConnectionProperty.USER.get(props);
    long connectMillis = ConnectionProperty.CONNECT_TIMEOUT.getInt(props) * 1000L;
    int loginSeconds = ConnectionProperty.LOGIN_TIMEOUT.getInt(props);
    if (loginSeconds == 0) {
      loginSeconds = DriverManager.getLoginTimeout();
    }
    long networkMillis = ConnectionProperty.SOCKET_TIMEOUT.getInt(props);
    SessionSettings settings =
        new SessionSettings(
            parsed.database(),
            user,
            CLIENT_NAME,
            Map.of("application_name", ConnectionProperty.APPLICATION_NAME.get(props)),
            connectMillis,
            loginSeconds * 1000L);
    WireSession session;
    try {
      session = WireSession.connect(parsed.hosts(), settings);
    } catch (WireException e) {
      throw ShaleSqlExceptions.from(e);
    }
    session.setNetworkTimeoutMillis(networkMillis);
    LOG.fine(() -> "connected to " + session.address() + " for " + url);
    return new ShaleConnection(session, url, user);
  }

  private static ShaleUrl parse(String url) throws SQLException {
    try {
      return ShaleUrl.parse(url);
    } catch (IllegalArgumentException e) {
      throw new SQLNonTransientConnectionException("invalid URL: " + e.getMessage(), "08001");
    }
  }

  /** info first, then the URL's query parameters on top (the URL wins, as in pgjdbc). */
  private static Properties merged(ShaleUrl url, Properties info) {
    Properties props = new Properties();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        props.setProperty(name, info.getProperty(name));
      }
    }
    for (String name : url.properties().stringPropertyNames()) {
      props.setProperty(name, url.properties().getProperty(name));
    }
    return props;
  }

  @Override
  public boolean acceptsURL(String url) {
    return ShaleUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties props = acceptsURL(url) ? merged(parse(url), info) : new Properties();
    ConnectionProperty[] all = ConnectionProperty.values();
    DriverPropertyInfo[] out = new DriverPropertyInfo[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = all[i].toPropertyInfo(props);
    }
    return out;
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  /** Not JDBC compliant: no explicit transactions, no stored procedures, no scrollable results. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return LOG;
  }
}
