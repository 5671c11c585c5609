package io.shaledb.jdbc;

import static io.shaledb.jdbc.FakeShaleServer.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.jdbc.FakeShaleServer.Answer;
import io.shaledb.jdbc.proto.ClientMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorsAndLifecycleTest {
  private FakeShaleServer fake;
  private Connection conn;

  @BeforeEach
  void setUp() throws Exception {
    fake = FakeShaleServer.start();
    fake.on(
        "SELECT 1",
        Answer.rows(List.of(col("?column?", Types.BIGINT, "INT8")), List.of(List.of(1L))));
    conn = DriverManager.getConnection(fake.url());
  }

  @AfterEach
  void tearDown() throws Exception {
    conn.close();
    fake.close();
  }

  private SQLException failWith(String state) {
    fake.on("FAIL", Answer.error(state, "boom " + state, 7));
    return assertThrows(SQLException.class, () -> conn.createStatement().execute("FAIL"));
  }

  @Test
  void serverErrorsMapToExceptionClassesBySqlState() throws SQLException {
    assertInstanceOf(SQLTransactionRollbackException.class, failWith("40001"));
    assertInstanceOf(SQLIntegrityConstraintViolationException.class, failWith("23505"));
    assertInstanceOf(SQLSyntaxErrorException.class, failWith("42P01"));
    assertInstanceOf(SQLFeatureNotSupportedException.class, failWith("0A000"));
    assertInstanceOf(SQLNonTransientConnectionException.class, failWith("08004"));
    assertInstanceOf(SQLTimeoutException.class, failWith("57014"));
    SQLException plain = failWith("XX000");
    assertEquals(SQLException.class, plain.getClass());
    assertEquals("XX000", plain.getSQLState());
    assertTrue(plain.getMessage().startsWith("boom XX000"));
    assertTrue(plain.getMessage().contains("Position: 7"), plain.getMessage());
    assertEquals("23505", failWith("23505").getSQLState());
    // a server error leaves the connection usable
    assertTrue(conn.isValid(2));
    try (ResultSet rs = conn.createStatement().executeQuery("SELECT 1")) {
      assertTrue(rs.next());
    }
  }

  @Test
  void serverDyingMidQueryClosesTheConnectionWith08006() throws SQLException {
    fake.on("SLOW", Answer.killServer());
    Statement st = conn.createStatement();
    SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("SLOW"));
    assertEquals("08006", e.getSQLState());
    assertInstanceOf(SQLNonTransientConnectionException.class, e);
    assertTrue(conn.isClosed());
    assertFalse(conn.isValid(1));
    assertEquals(
        "08003", assertThrows(SQLException.class, () -> conn.createStatement()).getSQLState());
  }

  @Test
  void streamFailureClosesTheConnection() throws SQLException {
    fake.on("FAILSTREAM", Answer.failStream());
    SQLException e =
        assertThrows(SQLException.class, () -> conn.createStatement().execute("FAILSTREAM"));
    assertEquals("08006", e.getSQLState());
    assertTrue(e.getMessage().contains("UNAVAILABLE"), e.getMessage());
    assertTrue(conn.isClosed());
  }

  @Test
  void networkTimeoutFailsWith57014AndClosesTheConnection() throws SQLException {
    fake.on("HANG", Answer.hang());
    conn.setNetworkTimeout(null, 200);
    assertEquals(200, conn.getNetworkTimeout());
    long start = System.nanoTime();
    SQLException e = assertThrows(SQLException.class, () -> conn.createStatement().execute("HANG"));
    assertEquals("57014", e.getSQLState());
    assertInstanceOf(SQLTimeoutException.class, e);
    assertTrue(System.nanoTime() - start < 5_000_000_000L);
    assertTrue(conn.isClosed());
  }

  @Test
  void queryTimeoutFailsOnlyTheStatementAndTheLateAnswerIsDiscarded() throws SQLException {
    CountDownLatch release = new CountDownLatch(1);
    fake.on(
        "SLOWQ",
        Answer.rows(List.of(col("late", Types.BIGINT, "INT8")), List.of(List.of(99L)))
            .after(release));
    Statement st = conn.createStatement();
    st.setQueryTimeout(1);
    SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("SLOWQ"));
    assertEquals("57014", e.getSQLState());
    assertFalse(conn.isClosed());
    release.countDown();
    try (ResultSet rs = conn.createStatement().executeQuery("SELECT 1")) {
      assertTrue(rs.next());
      assertEquals(1L, rs.getLong(1));
      assertEquals("?column?", rs.getMetaData().getColumnLabel(1));
    }
  }

  @Test
  void cancelFromAnotherThreadStopsTheWaitingStatement() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    fake.on("GATED", Answer.update(1).after(release));
    Statement st = conn.createStatement();
    java.util.concurrent.ExecutorService other =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      var outcome = other.submit(() -> assertThrows(SQLException.class, () -> st.execute("GATED")));
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (fake.received(ClientMessage.KindCase.EXECUTE).isEmpty()
          && System.nanoTime() < deadline) {
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
      SQLException e;
      do {
        st.cancel(); // repeated until the statement is really waiting (cancel is a no-op otherwise)
        try {
          e = outcome.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
          break;
        } catch (java.util.concurrent.TimeoutException notYet) {
          e = null;
        }
      } while (System.nanoTime() < deadline);
      assertEquals("57014", e.getSQLState());
      assertTrue(e.getMessage().contains("user request"));
    } finally {
      release.countDown();
      other.shutdownNow();
    }
    assertFalse(conn.isClosed());
    try (ResultSet rs = conn.createStatement().executeQuery("SELECT 1")) {
      assertTrue(rs.next());
    }
  }

  @Test
  void autocommitOnlyTransactionsBehaveLikePgjdbc() throws SQLException {
    conn.setAutoCommit(true);
    assertTrue(conn.getAutoCommit());
    SQLFeatureNotSupportedException e =
        assertThrows(SQLFeatureNotSupportedException.class, () -> conn.setAutoCommit(false));
    assertEquals("0A000", e.getSQLState());
    assertTrue(e.getMessage().contains("explicit transactions are not supported yet"));
    SQLException commit = assertThrows(SQLException.class, conn::commit);
    assertTrue(commit.getMessage().contains("Cannot commit when autoCommit is enabled"));
    int before = fake.received.size();
    conn.rollback();
    assertEquals(before, fake.received.size(), "rollback must not make a round trip");
    assertEquals(Connection.TRANSACTION_SERIALIZABLE, conn.getTransactionIsolation());
    conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    assertEquals(Connection.TRANSACTION_SERIALIZABLE, conn.getTransactionIsolation());
  }

  @Test
  void connectionStateMethods() throws SQLException {
    assertEquals("public", conn.getSchema());
    conn.setReadOnly(true);
    assertTrue(conn.isReadOnly());
    assertTrue(conn.getTypeMap().isEmpty());
    assertEquals("SELECT 1", conn.nativeSQL("SELECT 1"));
    conn.clearWarnings();
    assertEquals(null, conn.getWarnings());
    assertTrue(conn.isWrapperFor(ShaleConnection.class));
    assertTrue(conn.unwrap(ShaleConnection.class) == conn);
    assertThrows(SQLException.class, () -> conn.unwrap(String.class));
    conn.setCatalog("other");
    assertEquals("other", conn.getCatalog());
    var options = fake.received(ClientMessage.KindCase.SET_OPTION);
    assertEquals("database", options.get(0).getSetOption().getName());
    assertEquals("other", options.get(0).getSetOption().getValue());
  }

  @Test
  void isValidPingsAndCloseEndsTheStream() throws Exception {
    assertTrue(conn.isValid(2));
    assertEquals(1, fake.received(ClientMessage.KindCase.PING).size());
    conn.close();
    assertTrue(conn.isClosed());
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (fake.sessionsEnded.get() == 0 && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
    assertEquals(1, fake.sessionsEnded.get());
  }

  @Test
  void abortClosesImmediately() throws SQLException {
    conn.abort(Runnable::run);
    assertTrue(conn.isClosed());
    assertFalse(conn.isValid(1));
  }
}
