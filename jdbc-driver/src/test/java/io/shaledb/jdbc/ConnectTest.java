package io.shaledb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ConnectTest {
  /** A port nothing listens on (bound, then released). */
  private static int deadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  void driverIsRegisteredThroughTheServiceFile() {
    boolean found = false;
    for (Driver d : ServiceLoader.load(Driver.class)) {
      found |= d instanceof ShaleDriver;
    }
    assertTrue(found);
  }

  @Test
  void failsOverToTheNextHostWhenTheFirstIsDead() throws Exception {
    try (FakeShaleServer alive = FakeShaleServer.start()) {
      String url =
          "jdbc:shale://127.0.0.1:"
              + deadPort()
              + ",127.0.0.1:"
              + alive.port()
              + "/bank?connectTimeout=5";
      try (Connection c = DriverManager.getConnection(url)) {
        assertTrue(c.isValid(2));
        assertEquals("bank", c.getCatalog());
        assertEquals(1, alive.hellos.size());
      }
    }
  }

  @Test
  void noLiveHostGives08001() throws Exception {
    String url = "jdbc:shale://127.0.0.1:" + deadPort() + ",127.0.0.1:" + deadPort() + "/db";
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("could not connect"), e.getMessage());
  }

  @Test
  void helloErrorIsReportedWithoutTryingOtherHosts() throws Exception {
    try (FakeShaleServer refusing = FakeShaleServer.start();
        FakeShaleServer other = FakeShaleServer.start()) {
      refusing.helloErrorState = "3D000";
      String url =
          "jdbc:shale://127.0.0.1:" + refusing.port() + ",127.0.0.1:" + other.port() + "/nosuchdb";
      SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
      assertEquals("3D000", e.getSQLState());
      assertTrue(e.getMessage().contains("nosuchdb"));
      assertEquals(0, other.hellos.size());
    }
  }

  @Test
  void silentHostTimesOutAfterConnectTimeoutThenNextHostIsUsed() throws Exception {
    try (ServerSocket blackHole =
            new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
        FakeShaleServer alive = FakeShaleServer.start()) {
      // accepts TCP but never speaks HTTP/2: Hello cannot be answered
      String url =
          "jdbc:shale://127.0.0.1:"
              + blackHole.getLocalPort()
              + ",127.0.0.1:"
              + alive.port()
              + "/db?connectTimeout=1";
      long start = System.nanoTime();
      try (Connection c = DriverManager.getConnection(url)) {
        assertFalse(c.isClosed());
      }
      assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }
  }

  @Test
  void loginTimeoutBoundsTheWholeAttempt() throws Exception {
    try (ServerSocket blackHole =
        new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      String url =
          "jdbc:shale://127.0.0.1:"
              + blackHole.getLocalPort()
              + ",127.0.0.1:"
              + blackHole.getLocalPort()
              + "/db?connectTimeout=0&loginTimeout=1";
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertEquals("08001", e.getSQLState());
      assertTrue(elapsedMillis >= 900 && elapsedMillis < 5_000, "took " + elapsedMillis + " ms");
    }
  }

  @Test
  void urlPropertiesOverrideInfo() throws Exception {
    try (FakeShaleServer fake = FakeShaleServer.start()) {
      Properties info = new Properties();
      info.setProperty("user", "info-user");
      info.setProperty("socketTimeout", "1000");
      try (Connection c = DriverManager.getConnection(fake.url() + "?user=url-user", info)) {
        assertEquals("url-user", fake.hellos.get(0).getUser());
        assertEquals(1000, c.getNetworkTimeout());
        assertEquals("url-user", c.getMetaData().getUserName());
      }
    }
  }

  @Test
  void connectWithDriverDirectly() throws Exception {
    try (FakeShaleServer fake = FakeShaleServer.start()) {
      Connection c = new ShaleDriver().connect(fake.url(), null);
      assertInstanceOf(ShaleConnection.class, c);
      c.close();
    }
  }
}
