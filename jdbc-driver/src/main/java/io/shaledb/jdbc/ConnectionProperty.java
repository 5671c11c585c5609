package io.shaledb.jdbc;

import java.sql.DriverPropertyInfo;
import java.util.List;
import java.util.Properties;

/**
 * Every connection property the driver understands: name, default and documentation. Properties
 * come from the {@link Properties} passed to {@code connect} and from the URL query string (the URL
 * wins).
 */
public enum ConnectionProperty {
  USER("user", null, "User name sent to the server in Hello."),
  PASSWORD("password", null, "Password (not checked by the walking-skeleton server)."),
  CONNECT_TIMEOUT(
      "connectTimeout",
      "10",
      "Seconds to wait for one host to answer Hello before trying the next host; 0 = no limit."),
  SOCKET_TIMEOUT(
      "socketTimeout",
      "0",
      "Network timeout in milliseconds (also accepted as 'networkTimeout'): the longest silence "
          + "tolerated while waiting for an answer; when it expires the connection is closed. "
          + "0 = no limit. Connection.setNetworkTimeout changes it per connection.",
      "networkTimeout"),
  APPLICATION_NAME(
      "applicationName",
      "shale-jdbc",
      "Name of the application, sent to the server as the session property application_name."),
  LOGIN_TIMEOUT(
      "loginTimeout",
      "0",
      "Seconds allowed for establishing the connection over all listed hosts; 0 = use "
          + "DriverManager.getLoginTimeout(), where 0 means no limit.");

  private final String propertyName;
  private final String defaultValue;
  private final String description;
  private final List<String> aliases;

  ConnectionProperty(String name, String defaultValue, String description, String... aliases) {
    this.propertyName = name;
    this.defaultValue = defaultValue;
    this.description = description;
    this.aliases = List.of(aliases);
  }

  /** The property's name as used in URLs and {@link Properties}. */
  public String propertyName() {
    return propertyName;
  }

  /** Default value, or null when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The value in {@code props} (by name or alias), else the default. */
  public String get(Properties props) {
    String v = props.getProperty(propertyName);
    for (int i = 0; v == null && i < aliases.size(); i++) {
      v = props.getProperty(aliases.get(i));
    }
    return v != null ? v : defaultValue;
  }

  /**
   * The value as a non-negative integer.
   *
   * @throws java.sql.SQLException 22023 (as SQLNonTransientConnectionException) if not a number
   */
  public int getInt(Properties props) throws java.sql.SQLException {
    String v = get(props);
    try {
      int n = v == null ? 0 : Integer.parseInt(v.trim());
      if (n < 0) {
        throw new NumberFormatException("negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ShaleSqlExceptions.invalidProperty(propertyName, v);
    }
  }

  /** The {@link DriverPropertyInfo} describing this property with its current value. */
  public DriverPropertyInfo toPropertyInfo(Properties props) {
    DriverPropertyInfo info = new DriverPropertyInfo(propertyName, get(props));
    info.description = description;
    info.required = false;
    return info;
  }

  /** Whether {@code name} is this property's name or an alias. */
  boolean matches(String name) {
    return propertyName.equals(name) || aliases.contains(name);
  }
}
