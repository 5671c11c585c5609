package io.shaledb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.server.cli.CliContext;
import io.shaledb.server.cli.ShaleMain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real stack: JDBC driver -> gRPC -> SqlService -> SQL engine -> transactions -> RocksDB. */
class EndToEndTest {
  @TempDir Path store;

  @Test
  void sqlThroughTheDriverPersistsAcrossARestart() throws Exception {
    try (Node node = Node.start(NodeConfig.forTest(store));
        Connection conn = DriverManager.getConnection(node.jdbcUrl("defaultdb"), "root", "");
        Statement st = conn.createStatement()) {
      assertEquals(0, st.executeUpdate("CREATE TABLE kv (k INT PRIMARY KEY, v VARCHAR(10))"));
      assertEquals(2, st.executeUpdate("INSERT INTO kv VALUES (1, 'one'), (2, 'two')"));
      SQLException e = assertThrows(SQLException.class,
          () -> st.executeQuery("SELECT * FROM missing"));
      assertEquals("42P01", e.getSQLState());
      try (ResultSet rs = st.executeQuery("SELECT v FROM kv WHERE k = 2")) {
        assertTrue(rs.next());
        assertEquals("two", rs.getString(1));
      }
    }
    try (Node node = Node.start(NodeConfig.forTest(store));
        Connection conn = DriverManager.getConnection(node.jdbcUrl("defaultdb"), "root", "");
        Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT k, v FROM kv ORDER BY k")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
      assertEquals("one", rs.getString(2));
      assertTrue(rs.next());
      assertEquals(2, rs.getInt(1));
    }
  }

  @Test
  void unknownDatabaseIsRefusedAt3D000AndCloseLeavesNoThreads() throws Exception {
    Set<Thread> before = ThreadLeaks.snapshot();
    try (Node node = Node.start(NodeConfig.forTest(store))) {
      SQLException e = assertThrows(SQLException.class,
          () -> DriverManager.getConnection(node.jdbcUrl("nosuchdb"), "root", ""));
      assertEquals("3D000", e.getSQLState());
      try (Connection conn = DriverManager.getConnection(node.jdbcUrl("defaultdb"), "root", "")) {
        assertTrue(conn.isValid(5));
      }
    }
    ThreadLeaks.assertNoneLeftSince(before, java.time.Duration.ofSeconds(10));
  }


  @Test
  void demoRunsAScriptOnTheRealStack() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx = new CliContext(LocalSqlLayer::open, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, false,
        CliContext.ShutdownHooks.RUNTIME);
    int code = new ShaleMain(ctx).run("demo", "-e",
        "CREATE TABLE t (id INT PRIMARY KEY, name TEXT); "
            + "INSERT INTO t VALUES (2, 'b'), (1, NULL); SELECT id, name FROM t ORDER BY id;",
        "-e", "SELECT 1");
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, stderr);
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.startsWith("id\tname\n1\tNULL\n2\tb\n"), stdout);
    assertEquals("CREATE TABLE\nINSERT 0 2\n", stderr);
  }
}
