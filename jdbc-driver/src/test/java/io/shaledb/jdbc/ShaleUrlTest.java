package io.shaledb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.jdbc.client.HostAddress;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ShaleUrlTest {
  @Test
  void defaultsPortAndDatabase() {
    ShaleUrl url = ShaleUrl.parse("jdbc:shale://db1");
    assertEquals(List.of(new HostAddress("db1", 26257)), url.hosts());
    assertEquals("defaultdb", url.database());
  }

  @Test
  void parsesHostListDatabaseAndProperties() {
    ShaleUrl url =
        ShaleUrl.parse(
            "jdbc:shale://a:1,b,[::1]:3/bank?user=alice&applicationName=my%20app&connectTimeout=2");
    assertEquals(
        List.of(new HostAddress("a", 1), new HostAddress("b", 26257), new HostAddress("::1", 3)),
        url.hosts());
    assertEquals("bank", url.database());
    assertEquals("alice", url.properties().getProperty("user"));
    assertEquals("my app", url.properties().getProperty("applicationName"));
    assertEquals("2", url.properties().getProperty("connectTimeout"));
  }

  @Test
  void rejectsMalformedUrls() {
    assertThrows(IllegalArgumentException.class, () -> ShaleUrl.parse("jdbc:shale://h:x/db"));
    assertThrows(IllegalArgumentException.class, () -> ShaleUrl.parse("jdbc:shale://h:0/db"));
    assertThrows(IllegalArgumentException.class, () -> ShaleUrl.parse("jdbc:shale://a,,b/db"));
    assertThrows(IllegalArgumentException.class, () -> ShaleUrl.parse("jdbc:postgresql://h/db"));
  }

  @Test
  void driverIgnoresForeignUrlsAndRejectsMalformedOnes() throws SQLException {
    ShaleDriver driver = new ShaleDriver();
    assertNull(driver.connect("jdbc:postgresql://localhost/db", new Properties()));
    assertFalse(driver.acceptsURL("jdbc:postgresql://localhost/db"));
    assertTrue(driver.acceptsURL("jdbc:shale://localhost/db"));
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> driver.connect("jdbc:shale://h:notaport/db", new Properties()));
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void propertyInfoListsEveryPropertyWithUrlValues() throws SQLException {
    DriverPropertyInfo[] info =
        new ShaleDriver().getPropertyInfo("jdbc:shale://h/db?socketTimeout=250", new Properties());
    assertEquals(ConnectionProperty.values().length, info.length);
    DriverPropertyInfo socket =
        Arrays.stream(info).filter(i -> i.name.equals("socketTimeout")).findFirst().orElseThrow();
    assertEquals("250", socket.value);
    assertTrue(socket.description.contains("milliseconds"));
  }

  @Test
  void networkTimeoutIsAnAliasOfSocketTimeout() throws SQLException {
    Properties p = new Properties();
    p.setProperty("networkTimeout", "1500");
    assertEquals(1500, ConnectionProperty.SOCKET_TIMEOUT.getInt(p));
    p.setProperty("connectTimeout", "-1");
    assertThrows(SQLException.class, () -> ConnectionProperty.CONNECT_TIMEOUT.getInt(p));
  }
}
