package io.shaledb.jdbc;

import static io.shaledb.jdbc.FakeShaleServer.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.jdbc.FakeShaleServer.Answer;
import io.shaledb.jdbc.proto.ClientMessage;
import io.shaledb.jdbc.proto.Value;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreparedStatementTest {
  private static final String INSERT = "INSERT INTO t VALUES (?, ?)";
  private static final String ECHO = "SELECT ?";
  private FakeShaleServer fake;
  private Connection conn;
  private final List<List<Object>> inserted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    fake = FakeShaleServer.start();
    fake.prepared(
        INSERT,
        List.of(col("$1", Types.BIGINT, "INT8"), col("$2", Types.VARCHAR, "VARCHAR")),
        List.of());
    fake.on(
        INSERT,
        call -> {
          if ("dup".equals(call.params().get(1))) {
            return Answer.error(
                "23505", "duplicate key value violates unique constraint \"t_pkey\"", 0);
          }
          inserted.add(call.params());
          return call.returnGeneratedKeys()
              ? Answer.update(1)
                  .withKeys(
                      List.of(col("id", Types.BIGINT, "INT8")),
                      List.of(List.of(call.params().get(0))))
              : Answer.update(1);
        });
    fake.prepared(
        ECHO,
        List.of(col("$1", Types.OTHER, "UNKNOWN")),
        List.of(col("v", Types.VARCHAR, "VARCHAR")));
    fake.on(
        ECHO,
        call ->
            Answer.rows(
                List.of(col("v", Types.VARCHAR, "VARCHAR")),
                List.of(Arrays.asList(call.params().get(0)))));
    conn = DriverManager.getConnection(fake.url());
  }

  @AfterEach
  void tearDown() throws Exception {
    conn.close();
    fake.close();
  }

  /** The wire value of the single parameter of the last ExecutePrepared. */
  private Value lastParam() {
    List<ClientMessage> eps = fake.received(ClientMessage.KindCase.EXECUTE_PREPARED);
    return eps.get(eps.size() - 1).getExecutePrepared().getParamRows(0).getValues(0);
  }

  @Test
  void preparesOnceAndExecutesWithParameters() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
      for (int i = 1; i <= 3; i++) {
        ps.setInt(1, i);
        ps.setString(2, "v" + i);
        assertEquals(1, ps.executeUpdate());
      }
    }
    assertEquals(1, fake.received(ClientMessage.KindCase.PREPARE).size());
    assertEquals(3, fake.received(ClientMessage.KindCase.EXECUTE_PREPARED).size());
    assertEquals(1, fake.received(ClientMessage.KindCase.CLOSE_PREPARED).size());
    assertEquals(List.of(List.of(1L, "v1"), List.of(2L, "v2"), List.of(3L, "v3")), inserted);
    long id =
        fake.received(ClientMessage.KindCase.EXECUTE_PREPARED)
            .get(0)
            .getExecutePrepared()
            .getStatementId();
    assertEquals(
        id,
        fake.received(ClientMessage.KindCase.CLOSE_PREPARED)
            .get(0)
            .getClosePrepared()
            .getStatementId());
  }

  @Test
  void settersProduceTheCanonicalWireValues() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(ECHO)) {
      ps.setNull(1, Types.INTEGER);
      ps.execute();
      assertTrue(lastParam().getNull());
      ps.setBoolean(1, true);
      ps.execute();
      assertTrue(lastParam().getBoolValue());
      ps.setByte(1, (byte) 3);
      ps.execute();
      assertEquals(3, lastParam().getIntValue());
      ps.setShort(1, (short) -4);
      ps.execute();
      assertEquals(-4, lastParam().getIntValue());
      ps.setLong(1, Long.MAX_VALUE);
      ps.execute();
      assertEquals(Long.MAX_VALUE, lastParam().getIntValue());
      ps.setFloat(1, 0.5f);
      ps.execute();
      assertEquals(0.5d, lastParam().getDoubleValue());
      ps.setDouble(1, -2.5);
      ps.execute();
      assertEquals(-2.5d, lastParam().getDoubleValue());
      ps.setBigDecimal(1, new BigDecimal("123.4500"));
      ps.execute();
      assertEquals("123.4500", lastParam().getDecimalValue());
      ps.setBytes(1, new byte[] {9, 8});
      ps.execute();
      assertArrayEquals(new byte[] {9, 8}, lastParam().getBytesValue().toByteArray());
      ps.setDate(1, Date.valueOf("1970-01-11"));
      ps.execute();
      assertEquals(10, lastParam().getDateValue());
      ps.setTimestamp(1, Timestamp.valueOf("1970-01-01 00:00:01.000002"));
      ps.execute();
      assertEquals(1_000_002L, lastParam().getTimestampValue());
      ps.setObject(1, LocalDate.of(1969, 12, 31));
      ps.execute();
      assertEquals(-1, lastParam().getDateValue());
      ps.setObject(1, LocalDateTime.of(1970, 1, 1, 0, 0, 0, 5_000));
      ps.execute();
      assertEquals(5L, lastParam().getTimestampValue());
      ps.setObject(1, "42", Types.INTEGER);
      ps.execute();
      assertEquals(42, lastParam().getIntValue());
      ps.setObject(1, 7, Types.VARCHAR);
      ps.execute();
      assertEquals("7", lastParam().getStringValue());
      ps.setObject(1, "2024-01-02", Types.DATE);
      ps.execute();
      assertEquals(LocalDate.of(2024, 1, 2).toEpochDay(), lastParam().getDateValue());
      ps.setObject(1, 1.005, Types.DECIMAL, 2);
      ps.execute();
      assertEquals("1.01", lastParam().getDecimalValue());
      ps.setObject(1, null);
      ps.execute();
      assertTrue(lastParam().getNull());
    }
  }

  @Test
  void queryThroughPreparedStatementAndItsMetadata() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(ECHO)) {
      ResultSetMetaData md = ps.getMetaData();
      assertEquals(1, md.getColumnCount());
      assertEquals("v", md.getColumnLabel(1));
      ParameterMetaData pmd = ps.getParameterMetaData();
      assertEquals(1, pmd.getParameterCount());
      ps.setString(1, "hello");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("hello", rs.getString("v"));
      }
    }
    try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
      assertNull(ps.getMetaData());
      ParameterMetaData pmd = ps.getParameterMetaData();
      assertEquals(2, pmd.getParameterCount());
      assertEquals(Types.BIGINT, pmd.getParameterType(1));
      assertEquals("VARCHAR", pmd.getParameterTypeName(2));
      assertEquals("java.lang.Long", pmd.getParameterClassName(1));
      assertEquals(ParameterMetaData.parameterModeIn, pmd.getParameterMode(1));
    }
  }

  @Test
  void missingAndOutOfRangeParametersAreRefused() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
      ps.setInt(1, 1);
      assertEquals("07002", assertThrows(SQLException.class, ps::executeUpdate).getSQLState());
      assertEquals("07009", assertThrows(SQLException.class, () -> ps.setInt(3, 1)).getSQLState());
      ps.setString(2, "x");
      ps.clearParameters();
      assertEquals("07002", assertThrows(SQLException.class, ps::executeUpdate).getSQLState());
      assertInstanceOf(
          SQLFeatureNotSupportedException.class,
          assertThrows(SQLException.class, () -> ps.setTime(1, Time.valueOf("10:00:00"))));
      assertThrows(SQLException.class, () -> ps.executeQuery("SELECT 1"));
      assertThrows(SQLException.class, () -> ps.addBatch("SELECT 1"));
    }
  }

  @Test
  void batchIsOneExecutePreparedWithManyRows() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
      for (int i = 0; i < 5; i++) {
        ps.setInt(1, i);
        ps.setString(2, "b" + i);
        ps.addBatch();
      }
      assertArrayEquals(new int[] {1, 1, 1, 1, 1}, ps.executeBatch());
      assertArrayEquals(new int[0], ps.executeBatch());
    }
    List<ClientMessage> eps = fake.received(ClientMessage.KindCase.EXECUTE_PREPARED);
    assertEquals(1, eps.size());
    assertEquals(5, eps.get(0).getExecutePrepared().getParamRowsCount());
    List<Object> firstColumn = new ArrayList<>();
    for (List<Object> row : inserted) {
      firstColumn.add(row.get(0));
    }
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), firstColumn);
  }

  @Test
  void failedBatchThrowsBatchUpdateExceptionWithServerState() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
      ps.setInt(1, 1);
      ps.setString(2, "ok");
      ps.addBatch();
      ps.setInt(1, 2);
      ps.setString(2, "dup");
      ps.addBatch();
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23505", e.getSQLState());
      assertTrue(e.getMessage().contains("t_pkey"));
    }
    assertTrue(conn.isValid(1));
  }

  @Test
  void generatedKeysFromPreparedStatement() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, 55);
      ps.setString(2, "k");
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertTrue(keys.next());
        assertEquals(55L, keys.getLong("id"));
      }
    }
    assertTrue(
        fake.received(ClientMessage.KindCase.EXECUTE_PREPARED)
            .get(0)
            .getExecutePrepared()
            .getReturnGeneratedKeys());
  }

  @Test
  void prepareErrorSurfacesAtPrepareStatement() {
    SQLException e = assertThrows(SQLException.class, () -> conn.prepareStatement("BAD SQL"));
    assertInstanceOf(SQLSyntaxErrorException.class, e);
    assertTrue(e.getMessage().contains("Position: 1"));
  }
}
