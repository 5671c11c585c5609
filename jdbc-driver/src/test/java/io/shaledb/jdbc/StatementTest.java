package io.shaledb.jdbc;

import static io.shaledb.jdbc.FakeShaleServer.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.jdbc.FakeShaleServer.Answer;
import io.shaledb.jdbc.proto.ClientMessage;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementTest {
  static final LocalDate DAY = LocalDate.of(2024, 2, 29);
  static final LocalDateTime TS = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123456000);

  private FakeShaleServer fake;
  private Connection conn;

  @BeforeEach
  void setUp() throws Exception {
    fake = FakeShaleServer.start();
    fake.on(
        "SELECT * FROM t",
        Answer.rows(
            List.of(
                col("i2", Types.SMALLINT, "INT2"),
                col("i4", Types.INTEGER, "INT4"),
                col("i8", Types.BIGINT, "INT8"),
                col("f4", Types.REAL, "FLOAT4"),
                col("f8", Types.DOUBLE, "FLOAT8"),
                col("d", Types.NUMERIC, "NUMERIC"),
                col("s", Types.VARCHAR, "VARCHAR"),
                col("b", Types.BOOLEAN, "BOOL"),
                col("y", Types.BINARY, "BYTEA"),
                col("day", Types.DATE, "DATE"),
                col("ts", Types.TIMESTAMP, "TIMESTAMP")),
            List.of(
                Arrays.asList(
                    7L,
                    42L,
                    5_000_000_000L,
                    1.5d,
                    2.25d,
                    new BigDecimal("12.340"),
                    "hi",
                    true,
                    new byte[] {1, 2},
                    DAY,
                    TS),
                Arrays.asList(null, null, 3L, null, null, null, null, null, null, null, null),
                Arrays.asList(
                    1L, 2L, 3L, 4d, 5d, BigDecimal.ONE, "x", false, new byte[0], DAY, TS))));
    fake.on("INSERT INTO t VALUES (1)", Answer.update(1));
    fake.on("CREATE TABLE t (a INT)", Answer.update(0));
    Properties p = new Properties();
    p.setProperty("user", "alice");
    conn = DriverManager.getConnection(fake.url() + "?applicationName=tests", p);
  }

  @AfterEach
  void tearDown() throws Exception {
    conn.close();
    fake.close();
  }

  @Test
  void helloCarriesDatabaseUserClientAndApplicationName() throws SQLException {
    assertEquals(1, fake.hellos.size());
    var hello = fake.hellos.get(0);
    assertEquals("defaultdb", hello.getDatabase());
    assertEquals("alice", hello.getUser());
    assertTrue(hello.getClientName().startsWith("shale-jdbc"));
    assertEquals("tests", hello.getPropertiesMap().get("application_name"));
    assertEquals("defaultdb", conn.getCatalog());
    assertInstanceOf(ShaleConnection.class, conn);
  }

  @Test
  void getObjectFollowsPgjdbcTypes() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM t")) {
      assertTrue(rs.next());
      assertEquals(Integer.valueOf(7), rs.getObject(1));
      assertEquals(Integer.valueOf(42), rs.getObject("I4"));
      assertEquals(Long.valueOf(5_000_000_000L), rs.getObject(3));
      assertEquals(Float.valueOf(1.5f), rs.getObject(4));
      assertEquals(Double.valueOf(2.25d), rs.getObject(5));
      assertEquals(new BigDecimal("12.340"), rs.getObject(6));
      assertEquals("hi", rs.getObject(7));
      assertEquals(Boolean.TRUE, rs.getObject(8));
      assertArrayEquals(new byte[] {1, 2}, (byte[]) rs.getObject(9));
      assertEquals(Date.valueOf(DAY), rs.getObject(10));
      assertEquals(Timestamp.valueOf(TS), rs.getObject(11));
      assertEquals(DAY, rs.getObject(10, LocalDate.class));
      assertEquals(TS, rs.getObject(11, LocalDateTime.class));
      assertEquals(5_000_000_000L, rs.getObject(3, Long.class));
      assertEquals("12.340", rs.getObject(6, String.class));
    }
  }

  @Test
  void gettersConvertSensibly() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM t")) {
      assertTrue(rs.next());
      assertEquals(7, rs.getInt("i2"));
      assertEquals(42L, rs.getLong(2));
      SQLException range = assertThrows(SQLException.class, () -> rs.getInt(3));
      assertEquals("22003", range.getSQLState());
      assertEquals("5000000000", rs.getString(3));
      assertEquals(1.5f, rs.getFloat(4));
      assertEquals(new BigDecimal("2.25"), rs.getBigDecimal(5));
      assertEquals(12, rs.getInt(6));
      assertEquals("12.340", rs.getString(6));
      assertEquals("true", rs.getString(8));
      assertTrue(rs.getBoolean(8));
      assertEquals("\\x0102", rs.getString(9));
      assertEquals("2024-02-29", rs.getString(10));
      assertEquals("2024-02-29 13:14:15.123456", rs.getString(11));
      assertEquals(Date.valueOf(DAY), rs.getDate(10));
      assertEquals(Timestamp.valueOf(TS), rs.getTimestamp(11));
      assertEquals(Date.valueOf(DAY), rs.getDate(11));
      assertEquals(Timestamp.valueOf(DAY.atStartOfDay()), rs.getTimestamp(10));
      assertFalse(rs.wasNull());

      assertTrue(rs.next());
      assertEquals(0, rs.getInt(1));
      assertTrue(rs.wasNull());
      assertNull(rs.getString(7));
      assertTrue(rs.wasNull());
      assertNull(rs.getObject(10));
      assertNull(rs.getBigDecimal(6));
      assertFalse(rs.getBoolean(8));
      assertEquals(3, rs.getInt(3));
      assertFalse(rs.wasNull());

      assertTrue(rs.next());
      assertFalse(rs.next());
      assertFalse(rs.next());
    }
  }

  @Test
  void resultSetMetaDataComesFromColumnMeta() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM t")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(11, md.getColumnCount());
      assertEquals("i8", md.getColumnLabel(3));
      assertEquals("i8", md.getColumnName(3));
      assertEquals(Types.BIGINT, md.getColumnType(3));
      assertEquals("INT8", md.getColumnTypeName(3));
      assertEquals("java.lang.Integer", md.getColumnClassName(2));
      assertEquals("java.lang.Long", md.getColumnClassName(3));
      assertEquals("java.math.BigDecimal", md.getColumnClassName(6));
      assertEquals("java.sql.Timestamp", md.getColumnClassName(11));
      assertEquals(ResultSetMetaData.columnNullable, md.isNullable(1));
      assertEquals(20, md.getColumnDisplaySize(3));
      assertEquals(7, rs.findColumn("S"));
      SQLException e = assertThrows(SQLException.class, () -> rs.findColumn("nope"));
      assertEquals("42703", e.getSQLState());
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
      assertEquals(st, rs.getStatement());
    }
  }

  @Test
  void executeReportsResultSetsAndUpdateCounts() throws SQLException {
    try (Statement st = conn.createStatement()) {
      assertTrue(st.execute("SELECT * FROM t"));
      assertEquals(-1, st.getUpdateCount());
      ResultSet rs = st.getResultSet();
      assertTrue(rs.next());
      assertFalse(st.getMoreResults());
      assertTrue(rs.isClosed());
      assertNull(st.getResultSet());
      assertEquals(-1, st.getUpdateCount());

      assertFalse(st.execute("INSERT INTO t VALUES (1)"));
      assertEquals(1, st.getUpdateCount());
      assertNull(st.getResultSet());
      assertEquals(1, st.executeUpdate("INSERT INTO t VALUES (1)"));
      assertEquals(1L, st.executeLargeUpdate("INSERT INTO t VALUES (1)"));
      assertEquals(0, st.executeUpdate("CREATE TABLE t (a INT)"));

      SQLException noRows =
          assertThrows(SQLException.class, () -> st.executeQuery("INSERT INTO t VALUES (1)"));
      assertEquals("02000", noRows.getSQLState());
      assertThrows(SQLException.class, () -> st.executeUpdate("SELECT * FROM t"));
    }
  }

  @Test
  void maxRowsIsSentAndEnforced() throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.setMaxRows(2);
      try (ResultSet rs = st.executeQuery("SELECT * FROM t")) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        assertEquals(2, n);
      }
      List<ClientMessage> executes = fake.received(ClientMessage.KindCase.EXECUTE);
      assertEquals(2, executes.get(executes.size() - 1).getExecute().getMaxRows());
    }
  }

  @Test
  void statementBatchRunsSequentiallyAndStopsAtFailure() throws SQLException {
    fake.on("BROKEN", Answer.error("42601", "syntax error", 1));
    try (Statement st = conn.createStatement()) {
      st.addBatch("INSERT INTO t VALUES (1)");
      st.addBatch("CREATE TABLE t (a INT)");
      assertArrayEquals(new int[] {1, 0}, st.executeBatch());
      assertArrayEquals(new int[0], st.executeBatch());

      st.addBatch("INSERT INTO t VALUES (1)");
      st.addBatch("BROKEN");
      st.addBatch("INSERT INTO t VALUES (1)");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, st::executeBatch);
      assertEquals("42601", e.getSQLState());
      assertArrayEquals(new int[] {1}, e.getUpdateCounts());
    }
  }

  @Test
  void generatedKeysAreRequestedAndReturned() throws SQLException {
    fake.on(
        "INSERT INTO k (v) VALUES ('a')",
        call ->
            call.returnGeneratedKeys()
                ? Answer.update(1)
                    .withKeys(
                        List.of(
                            col("id", Types.BIGINT, "INT8"), col("v", Types.VARCHAR, "VARCHAR")),
                        List.of(List.of(77L, "a")))
                : Answer.update(1));
    try (Statement st = conn.createStatement()) {
      assertEquals(
          1, st.executeUpdate("INSERT INTO k (v) VALUES ('a')", Statement.RETURN_GENERATED_KEYS));
      try (ResultSet keys = st.getGeneratedKeys()) {
        assertTrue(keys.next());
        assertEquals(77L, keys.getLong(1));
        assertEquals(2, keys.getMetaData().getColumnCount());
      }
      assertEquals(1, st.executeUpdate("INSERT INTO k (v) VALUES ('a')", new String[] {"ID"}));
      try (ResultSet keys = st.getGeneratedKeys()) {
        assertEquals(1, keys.getMetaData().getColumnCount());
        assertTrue(keys.next());
        assertEquals(77L, keys.getLong("id"));
      }
      st.executeUpdate("INSERT INTO k (v) VALUES ('a')");
      assertFalse(st.getGeneratedKeys().next());
    }
    List<ClientMessage> executes = fake.received(ClientMessage.KindCase.EXECUTE);
    assertTrue(executes.get(0).getExecute().getReturnGeneratedKeys());
    assertFalse(executes.get(2).getExecute().getReturnGeneratedKeys());
  }

  @Test
  void forwardOnlyRefusesScrollingAndScrollInsensitiveScrolls() throws SQLException {
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM t")) {
      assertTrue(rs.next());
      assertEquals("24000", assertThrows(SQLException.class, rs::previous).getSQLState());
      assertThrows(SQLException.class, rs::first);
    }
    assertThrows(
        java.sql.SQLFeatureNotSupportedException.class,
        () -> conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
    try (Statement st =
            conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet rs = st.executeQuery("SELECT * FROM t")) {
      assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
      assertTrue(rs.last());
      assertEquals(3, rs.getRow());
      assertEquals(2, rs.getInt("i4"));
      assertTrue(rs.previous());
      assertTrue(rs.previous());
      assertEquals(42, rs.getInt("i4"));
      assertFalse(rs.previous());
      assertTrue(rs.isBeforeFirst());
      assertTrue(rs.absolute(-2));
      assertEquals(2, rs.getRow());
      assertFalse(rs.relative(5));
      assertTrue(rs.isAfterLast());
      assertTrue(rs.first());
      assertTrue(rs.isFirst());
      rs.beforeFirst();
      assertTrue(rs.next());
      assertEquals(7, rs.getInt(1));
    }
  }

  @Test
  void closedObjectsRefuseUse() throws SQLException {
    Statement st = conn.createStatement();
    ResultSet rs = st.executeQuery("SELECT * FROM t");
    rs.close();
    assertTrue(rs.isClosed());
    assertEquals("55000", assertThrows(SQLException.class, rs::next).getSQLState());
    st.close();
    assertTrue(st.isClosed());
    assertEquals(
        "55000",
        assertThrows(SQLException.class, () -> st.executeQuery("SELECT * FROM t")).getSQLState());
    Statement open = conn.createStatement();
    conn.close();
    assertTrue(conn.isClosed());
    assertTrue(open.isClosed());
    assertEquals("08003", assertThrows(SQLException.class, conn::createStatement).getSQLState());
    assertFalse(conn.isValid(1));
  }
}
