package io.shaledb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.tests.cluster.NodeProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client saw committed survives {@code kill -9} of the node process: SIGKILL runs no shutdown
 * hook and flushes nothing, so the rows must come back from RocksDB's WAL on restart. (SIGKILL keeps
 * the OS page cache, so this checks recovery, not fsync; power loss is tested elsewhere later.)
 */
class KillNineDurabilityTest {
  private static final Duration START = Duration.ofSeconds(90);

  @Test
  void committedRowsSurviveKillNine(@TempDir Path store) throws Exception {
    int rows = 200;
    long expectedSum = 0;
    try (NodeProcess node = NodeProcess.start(store, START)) {
      try (Connection c = DriverManager.getConnection(node.jdbcUrl("defaultdb"));
           Statement s = c.createStatement()) {
        s.execute("CREATE TABLE acked (id INT PRIMARY KEY, v BIGINT NOT NULL, note TEXT)");
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO acked VALUES (?, ?, ?)")) {
          for (int i = 0; i < rows; i++) {
            ins.setInt(1, i);
            ins.setLong(2, i * 7L);
            ins.setString(3, "row " + i);
            assertEquals(1, ins.executeUpdate());
            expectedSum += i * 7L;
          }
        }
        s.execute("CREATE INDEX acked_v ON acked (v)");
      }
      node.kill9();
    }

    try (NodeProcess node = NodeProcess.start(store, START);
         Connection c = DriverManager.getConnection(node.jdbcUrl("defaultdb"));
         Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(*), sum(v) FROM acked")) {
        rs.next();
        assertEquals(rows, rs.getLong(1));
        assertEquals(expectedSum, rs.getLong(2));
      }
      try (ResultSet rs = s.executeQuery("SELECT note FROM acked WHERE id = 123")) {
        rs.next();
        assertEquals("row 123", rs.getString(1));
      }
      // The index survived too, and still agrees with the rows.
      try (ResultSet rs = s.executeQuery("SELECT id FROM acked WHERE v = 861")) {
        rs.next();
        assertEquals(123, rs.getInt(1));
      }
      // SIGTERM: the JVM runs the shutdown hook and exits with 128 + 15.
      int exit = node.stop(Duration.ofSeconds(30));
      assertTrue(exit == 0 || exit == 143, "exit code " + exit + "\n" + node.output());
    }
  }
}
