package io.shaledb.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole path — JDBC driver, gRPC stream, Calcite, MVCC on RocksDB — exercised through the
 * public driver against a real node process.
 */
class EndToEndJdbcTest {
  private Connection conn;
  private Statement st;

  @BeforeEach
  void connect() throws Exception {
    conn = DriverManager.getConnection(SharedNode.url());
    st = conn.createStatement();
  }

  @AfterEach
  void close() throws Exception {
    conn.close();
  }

  private List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private String sqlState(String sql) {
    SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
    return e.getSQLState();
  }

  @Test
  void createInsertSelectByPrimaryKey() throws Exception {
    st.execute("CREATE TABLE e2e_people (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, born DATE, score DECIMAL(6,2) DEFAULT 0)");
    assertEquals(3, st.executeUpdate(
        "INSERT INTO e2e_people (id, name, born) VALUES (1, 'ada', DATE '1815-12-10'), (2, 'alan', DATE '1912-06-23'), (3, 'grace', NULL)"));
    try (ResultSet rs = st.executeQuery("SELECT name, born, score FROM e2e_people WHERE id = 2")) {
      assertTrue(rs.next());
      assertEquals("alan", rs.getString(1));
      assertEquals(LocalDate.of(1912, 6, 23), rs.getObject(2, LocalDate.class));
      assertEquals(new BigDecimal("0.00"), rs.getBigDecimal(3));
      assertFalse(rs.next());
    }
    assertEquals(List.of(List.of(3L)), query("SELECT count(*) FROM e2e_people"));
    st.execute("DROP TABLE e2e_people");
  }

  @Test
  void updateDeleteAndAggregates() throws Exception {
    st.execute("CREATE TABLE e2e_acct (id BIGINT PRIMARY KEY, owner TEXT, balance BIGINT NOT NULL)");
    st.executeUpdate("INSERT INTO e2e_acct VALUES (1, 'a', 100), (2, 'b', 50), (3, 'a', 25), (4, 'c', 0)");
    assertEquals(2, st.executeUpdate("UPDATE e2e_acct SET balance = balance + 10 WHERE owner = 'a'"));
    assertEquals(1, st.executeUpdate("DELETE FROM e2e_acct WHERE id = 4"));
    List<List<Object>> rows = query(
        "SELECT owner, sum(balance) AS total, count(*) FROM e2e_acct GROUP BY owner HAVING sum(balance) > 40 ORDER BY owner");
    assertEquals(2, rows.size());
    assertEquals("a", rows.get(0).get(0));
    assertEquals(145L, ((Number) rows.get(0).get(1)).longValue());
    assertEquals("b", rows.get(1).get(0));
    st.execute("DROP TABLE e2e_acct");
  }

  @Test
  void joinsSubqueriesAndSetOperations() throws Exception {
    st.execute("CREATE TABLE e2e_dept (id INT PRIMARY KEY, name TEXT)");
    st.execute("CREATE TABLE e2e_emp (id INT PRIMARY KEY, dept INT, salary INT)");
    st.executeUpdate("INSERT INTO e2e_dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty')");
    st.executeUpdate("INSERT INTO e2e_emp VALUES (10, 1, 100), (11, 1, 200), (12, 2, 150), (13, NULL, 50)");
    assertEquals(List.of(List.of("eng", 2L), List.of("ops", 1L)),
        query("SELECT d.name, count(*) FROM e2e_emp e JOIN e2e_dept d ON e.dept = d.id GROUP BY d.name ORDER BY d.name"));
    assertEquals(4, query("SELECT e.id FROM e2e_emp e LEFT JOIN e2e_dept d ON e.dept = d.id").size());
    assertEquals(List.of(List.of(11)),
        query("SELECT id FROM e2e_emp e WHERE salary > (SELECT avg(salary) FROM e2e_emp WHERE dept = e.dept) ORDER BY id"));
    assertEquals(List.of(List.of("empty")),
        query("SELECT name FROM e2e_dept d WHERE NOT EXISTS (SELECT 1 FROM e2e_emp e WHERE e.dept = d.id)"));
    assertEquals(List.of(List.of(1), List.of(2), List.of(3)),
        query("SELECT id FROM e2e_dept UNION SELECT dept FROM e2e_emp WHERE dept IS NOT NULL ORDER BY 1"));
    assertEquals(List.of(List.of(3)), query("SELECT id FROM e2e_dept EXCEPT SELECT dept FROM e2e_emp"));
    st.execute("DROP TABLE e2e_emp");
    st.execute("DROP TABLE e2e_dept");
  }

  @Test
  void expressionsFollowPostgres() throws Exception {
    List<Object> row = query(
        "SELECT 7 / 2, -7 / 2, 7 % 3, CASE WHEN 1 < 2 THEN 'y' ELSE 'n' END, COALESCE(NULL, 5), NULLIF(3, 3), "
            + "upper('ab') || lower('CD'), CAST('42' AS INT) + 1, abs(-3), length('hello')").get(0);
    assertEquals(3, ((Number) row.get(0)).intValue());
    assertEquals(-3, ((Number) row.get(1)).intValue());
    assertEquals(1, ((Number) row.get(2)).intValue());
    assertEquals("y", row.get(3));
    assertEquals(5, ((Number) row.get(4)).intValue());
    assertNull(row.get(5));
    assertEquals("ABcd", row.get(6));
    assertEquals(43, ((Number) row.get(7)).intValue());
    assertEquals(3, ((Number) row.get(8)).intValue());
    assertEquals(5, ((Number) row.get(9)).intValue());
  }

  @Test
  void typesRoundTripThroughPreparedStatements() throws Exception {
    st.execute("CREATE TABLE e2e_types (k INT PRIMARY KEY, s SMALLINT, b BIGINT, d DECIMAL(10,3), r REAL, f DOUBLE PRECISION, "
        + "v VARCHAR(10), c CHAR(3), t TEXT, bo BOOLEAN, dt DATE, ts TIMESTAMP, bt BYTEA)");
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO e2e_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, 1);
      ps.setShort(2, (short) -7);
      ps.setLong(3, Long.MAX_VALUE);
      ps.setBigDecimal(4, new BigDecimal("1234.5"));
      ps.setFloat(5, 1.5f);
      ps.setDouble(6, -2.25);
      ps.setString(7, "héllo");
      ps.setString(8, "ab");
      ps.setString(9, "long text");
      ps.setBoolean(10, true);
      ps.setObject(11, LocalDate.of(2024, 1, 2));
      ps.setObject(12, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123456000));
      ps.setBytes(13, new byte[] {0, 1, (byte) 0xff});
      assertEquals(1, ps.executeUpdate());
      ps.setInt(1, 2);
      for (int i = 2; i <= 13; i++) {
        ps.setNull(i, java.sql.Types.NULL);
      }
      assertEquals(1, ps.executeUpdate());
    }
    try (PreparedStatement q = conn.prepareStatement("SELECT * FROM e2e_types WHERE k = ?")) {
      q.setInt(1, 1);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(-7, rs.getShort("s"));
        assertEquals(Long.MAX_VALUE, rs.getLong("b"));
        assertEquals(new BigDecimal("1234.500"), rs.getBigDecimal("d"));
        assertEquals(1.5f, rs.getFloat("r"));
        assertEquals(-2.25, rs.getDouble("f"));
        assertEquals("héllo", rs.getString("v"));
        assertEquals("ab ", rs.getString("c"));
        assertEquals("long text", rs.getString("t"));
        assertTrue(rs.getBoolean("bo"));
        assertEquals(LocalDate.of(2024, 1, 2), rs.getObject("dt", LocalDate.class));
        // TIMESTAMP keeps milliseconds: Calcite's runtime holds timestamps as epoch millis, so the
        // microseconds written are truncated (documented in the README as a known limitation).
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123000000), rs.getObject("ts", LocalDateTime.class));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, rs.getBytes("bt"));
      }
      q.setInt(1, 2);
      try (ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next());
        for (int i = 2; i <= 13; i++) {
          assertNull(rs.getObject(i), "column " + i);
        }
      }
    }
    st.execute("DROP TABLE e2e_types");
  }

  @Test
  void errorsCarrySqlStatesAndTheSessionSurvives() throws Exception {
    st.execute("CREATE TABLE e2e_err (id INT PRIMARY KEY, name VARCHAR(3) NOT NULL, u INT UNIQUE)");
    st.executeUpdate("INSERT INTO e2e_err VALUES (1, 'a', 1)");
    assertEquals("42601", sqlState("SELEC 1"));
    assertEquals("42P01", sqlState("SELECT * FROM no_such_table"));
    assertEquals("42703", sqlState("SELECT no_such_column FROM e2e_err"));
    assertEquals("23505", sqlState("INSERT INTO e2e_err VALUES (1, 'b', 2)"));
    assertEquals("23505", sqlState("INSERT INTO e2e_err VALUES (2, 'b', 1)"));
    assertEquals("23502", sqlState("INSERT INTO e2e_err (id, u) VALUES (3, 3)"));
    assertEquals("22001", sqlState("INSERT INTO e2e_err VALUES (4, 'toolong', 4)"));
    assertEquals("22012", sqlState("SELECT 1 / 0"));
    assertEquals("0A000", sqlState("BEGIN"));
    // A statement that fails half-way leaves nothing behind: the second row collides with the first.
    assertEquals("23505", sqlState("INSERT INTO e2e_err VALUES (10, 'x', 10), (11, 'y', 10)"));
    assertEquals(List.of(List.of(1L)), query("SELECT count(*) FROM e2e_err"));
    st.execute("DROP TABLE e2e_err");
  }

  @Test
  void secondaryIndexesAreMaintainedAndUsed() throws Exception {
    st.execute("CREATE TABLE e2e_idx (id INT PRIMARY KEY, email TEXT, age INT)");
    st.execute("CREATE UNIQUE INDEX e2e_idx_email ON e2e_idx (email)");
    st.execute("CREATE INDEX e2e_idx_age ON e2e_idx (age)");
    st.executeUpdate("INSERT INTO e2e_idx VALUES (1, 'a@x', 30), (2, 'b@x', 40), (3, 'c@x', 30)");
    st.executeUpdate("UPDATE e2e_idx SET age = 50 WHERE id = 1");
    st.executeUpdate("DELETE FROM e2e_idx WHERE id = 3");
    assertEquals(List.of(), query("SELECT id FROM e2e_idx WHERE age = 30"));
    assertEquals(List.of(List.of(1)), query("SELECT id FROM e2e_idx WHERE age = 50"));
    assertEquals(List.of(List.of(2)), query("SELECT id FROM e2e_idx WHERE email = 'b@x'"));
    assertEquals("23505", sqlState("INSERT INTO e2e_idx VALUES (9, 'a@x', 1)"));
    String plan = String.join("\n", query("EXPLAIN SELECT * FROM e2e_idx WHERE id = 2").stream()
        .map(r -> String.valueOf(r.get(0))).toList());
    assertTrue(plan.contains("e2e_idx_pkey") || plan.toLowerCase().contains("primary"), plan);
    st.execute("DROP INDEX e2e_idx_age");
    st.execute("DROP TABLE e2e_idx");
  }

  @Test
  void onConflictUpsertAndInsertSelect() throws Exception {
    st.execute("CREATE TABLE e2e_kv (k TEXT PRIMARY KEY, v INT)");
    st.executeUpdate("INSERT INTO e2e_kv VALUES ('a', 1), ('b', 2)");
    assertEquals(0, st.executeUpdate("INSERT INTO e2e_kv VALUES ('a', 9) ON CONFLICT DO NOTHING"));
    st.executeUpdate("INSERT INTO e2e_kv VALUES ('a', 5) ON CONFLICT (k) DO UPDATE SET v = e2e_kv.v + excluded.v");
    st.executeUpdate("UPSERT INTO e2e_kv VALUES ('b', 20), ('c', 30)");
    assertEquals(List.of(List.of("a", 6), List.of("b", 20), List.of("c", 30)), query("SELECT k, v FROM e2e_kv ORDER BY k"));
    st.execute("CREATE TABLE e2e_kv2 (k TEXT PRIMARY KEY, v INT)");
    assertEquals(2, st.executeUpdate("INSERT INTO e2e_kv2 SELECT k, v * 2 FROM e2e_kv WHERE v > 10"));
    assertEquals(List.of(List.of(100L)), query("SELECT sum(v) FROM e2e_kv2"));
    st.execute("DROP TABLE e2e_kv2");
    st.execute("DROP TABLE e2e_kv");
  }

  @Test
  void tablesWithoutPrimaryKeyGetHiddenRowIds() throws Exception {
    st.execute("CREATE TABLE e2e_nopk (a INT, b TEXT)");
    st.executeUpdate("INSERT INTO e2e_nopk VALUES (1, 'x'), (1, 'x'), (2, NULL)");
    try (ResultSet rs = st.executeQuery("SELECT * FROM e2e_nopk")) {
      assertEquals(2, rs.getMetaData().getColumnCount());
    }
    assertEquals(List.of(List.of(3L)), query("SELECT count(*) FROM e2e_nopk"));
    assertEquals(2, st.executeUpdate("DELETE FROM e2e_nopk WHERE a = 1"));
    st.execute("DROP TABLE e2e_nopk");
  }

  @Test
  void catalogIsVisibleThroughShowAndInformationSchema() throws Exception {
    st.execute("CREATE TABLE \"E2E_Quoted\" (\"Id\" INT PRIMARY KEY, plain INT)");
    st.execute("CREATE TABLE E2E_Folded (ID INT PRIMARY KEY)");
    List<Object> tables = query("SHOW TABLES").stream().map(r -> r.get(0)).toList();
    assertTrue(tables.contains("E2E_Quoted") && tables.contains("e2e_folded"), tables.toString());
    assertEquals(List.of(List.of("Id"), List.of("plain")), query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'E2E_Quoted' ORDER BY ordinal_position"));
    assertEquals(2, query("SHOW COLUMNS FROM \"E2E_Quoted\"").size());
    try (ResultSet rs = conn.getMetaData().getTables(null, null, "e2e_folded", new String[] {"TABLE"})) {
      assertTrue(rs.next());
      assertEquals("e2e_folded", rs.getString("TABLE_NAME"));
    }
    try (ResultSet rs = conn.getMetaData().getColumns(null, null, "E2E_Quoted", "plain")) {
      assertTrue(rs.next());
      assertEquals("INT4", rs.getString("TYPE_NAME"));
    }
    st.execute("CREATE TABLE e2e_text (t TEXT PRIMARY KEY, v VARCHAR(7))");
    try (ResultSet rs = conn.getMetaData().getColumns(null, null, "e2e_text", "%")) {
      assertTrue(rs.next());
      assertEquals("TEXT", rs.getString("TYPE_NAME"));
      assertTrue(rs.next());
      assertEquals("VARCHAR", rs.getString("TYPE_NAME"));
      assertEquals(7, rs.getInt("COLUMN_SIZE"));
    }
    st.execute("DROP TABLE e2e_text");
    try (ResultSet rs = conn.getMetaData().getPrimaryKeys(null, null, "e2e_folded")) {
      assertTrue(rs.next());
      assertEquals("id", rs.getString("COLUMN_NAME"));
      assertFalse(rs.next());
    }
    st.execute("CREATE UNIQUE INDEX e2e_quoted_plain ON \"E2E_Quoted\" (plain)");
    try (ResultSet rs = conn.getMetaData().getIndexInfo(null, null, "E2E_Quoted", true, false)) {
      List<String> indexes = new ArrayList<>();
      while (rs.next()) {
        indexes.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME"));
      }
      assertTrue(indexes.contains("e2e_quoted_plain:plain"), indexes.toString());
    }
    st.execute("DROP TABLE \"E2E_Quoted\"");
    st.execute("DROP TABLE e2e_folded");
  }
}
