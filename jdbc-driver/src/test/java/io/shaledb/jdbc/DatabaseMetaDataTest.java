package io.shaledb.jdbc;

import static io.shaledb.jdbc.FakeShaleServer.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.jdbc.FakeShaleServer.Answer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseMetaDataTest {
  private FakeShaleServer fake;
  private Connection conn;
  private DatabaseMetaData md;

  @BeforeEach
  void setUp() throws Exception {
    fake = FakeShaleServer.start();
    fake.serverVersion = "0.3.7";
    fake.on(
        "SELECT * FROM information_schema.tables",
        Answer.rows(
            List.of(
                col("table_catalog", Types.VARCHAR, "VARCHAR"),
                    col("table_schema", Types.VARCHAR, "VARCHAR"),
                col("table_name", Types.VARCHAR, "VARCHAR"),
                    col("table_type", Types.VARCHAR, "VARCHAR")),
            List.of(
                List.of("defaultdb", "public", "accounts", "BASE TABLE"),
                List.of("defaultdb", "public", "t_1", "BASE TABLE"),
                List.of("defaultdb", "public", "tx1", "BASE TABLE"),
                List.of("defaultdb", "public", "rich", "VIEW"),
                List.of("defaultdb", "information_schema", "tables", "SYSTEM VIEW"),
                List.of("defaultdb", "information_schema", "columns", "BASE TABLE"))));
    fake.on(
        "SELECT * FROM information_schema.columns",
        Answer.rows(
            List.of(
                col("table_catalog", Types.VARCHAR, "VARCHAR"),
                col("table_schema", Types.VARCHAR, "VARCHAR"),
                col("table_name", Types.VARCHAR, "VARCHAR"),
                col("column_name", Types.VARCHAR, "VARCHAR"),
                col("ordinal_position", Types.BIGINT, "INT8"),
                col("column_default", Types.VARCHAR, "VARCHAR"),
                col("is_nullable", Types.VARCHAR, "VARCHAR"),
                col("data_type", Types.VARCHAR, "VARCHAR"),
                col("character_maximum_length", Types.BIGINT, "INT8"),
                col("numeric_precision", Types.BIGINT, "INT8"),
                col("numeric_scale", Types.BIGINT, "INT8"),
                col("is_hidden", Types.VARCHAR, "VARCHAR")),
            List.of(
                Arrays.asList(
                    "defaultdb",
                    "public",
                    "accounts",
                    "balance",
                    2L,
                    null,
                    "YES",
                    "NUMERIC",
                    null,
                    10L,
                    2L,
                    "NO"),
                Arrays.asList(
                    "defaultdb",
                    "public",
                    "accounts",
                    "id",
                    1L,
                    null,
                    "NO",
                    "BIGINT",
                    null,
                    64L,
                    0L,
                    "NO"),
                Arrays.asList(
                    "defaultdb",
                    "public",
                    "accounts",
                    "name",
                    3L,
                    null,
                    "YES",
                    "character varying",
                    20L,
                    null,
                    null,
                    "NO"),
                Arrays.asList(
                    "defaultdb",
                    "public",
                    "t_1",
                    "rowid",
                    2L,
                    "unique_rowid()",
                    "NO",
                    "INT8",
                    null,
                    64L,
                    0L,
                    "YES"),
                Arrays.asList(
                    "defaultdb",
                    "public",
                    "t_1",
                    "a",
                    1L,
                    null,
                    "YES",
                    "INT4",
                    null,
                    32L,
                    0L,
                    "NO"))));
    fake.on(
        "SELECT * FROM information_schema.statistics",
        Answer.rows(
            List.of(
                col("table_schema", Types.VARCHAR, "VARCHAR"),
                col("table_name", Types.VARCHAR, "VARCHAR"),
                col("non_unique", Types.VARCHAR, "VARCHAR"),
                col("index_name", Types.VARCHAR, "VARCHAR"),
                col("seq_in_index", Types.BIGINT, "INT8"),
                col("column_name", Types.VARCHAR, "VARCHAR"),
                col("direction", Types.VARCHAR, "VARCHAR"),
                col("storing", Types.VARCHAR, "VARCHAR"),
                col("implicit", Types.VARCHAR, "VARCHAR")),
            List.of(
                List.of("public", "accounts", "NO", "accounts_pkey", 1L, "id", "ASC", "NO", "NO"),
                List.of(
                    "public",
                    "accounts",
                    "YES",
                    "accounts_name_idx",
                    1L,
                    "name",
                    "DESC",
                    "NO",
                    "NO"),
                List.of(
                    "public", "accounts", "YES", "accounts_name_idx", 2L, "id", "ASC", "NO", "YES"),
                List.of(
                    "public",
                    "accounts",
                    "YES",
                    "accounts_name_idx",
                    3L,
                    "balance",
                    "N/A",
                    "YES",
                    "NO"),
                List.of("public", "tx1", "NO", "tx1_pkey", 1L, "k", "ASC", "NO", "NO"))));
    conn = DriverManager.getConnection(fake.url() + "?user=bob");
    md = conn.getMetaData();
  }

  @AfterEach
  void tearDown() throws Exception {
    conn.close();
    fake.close();
  }

  private static List<String> column(ResultSet rs, String label) throws SQLException {
    List<String> out = new ArrayList<>();
    while (rs.next()) {
      out.add(rs.getString(label));
    }
    rs.close();
    return out;
  }

  private static List<String> labels(ResultSet rs) throws SQLException {
    ResultSetMetaData m = rs.getMetaData();
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= m.getColumnCount(); i++) {
      out.add(m.getColumnLabel(i));
    }
    return out;
  }

  @Test
  void productAndDriverFacts() throws SQLException {
    assertEquals("ShaleDB", md.getDatabaseProductName());
    assertEquals("0.3.7", md.getDatabaseProductVersion());
    assertEquals(0, md.getDatabaseMajorVersion());
    assertEquals(3, md.getDatabaseMinorVersion());
    assertEquals(ShaleDriver.DRIVER_NAME, md.getDriverName());
    assertEquals("0.1.0", md.getDriverVersion());
    assertEquals(fake.url() + "?user=bob", md.getURL());
    assertEquals("bob", md.getUserName());
    assertEquals("\"", md.getIdentifierQuoteString());
    assertEquals(conn, md.getConnection());
    assertTrue(md.supportsTransactions());
    assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
    assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED));
    assertEquals(Connection.TRANSACTION_SERIALIZABLE, md.getDefaultTransactionIsolation());
    assertFalse(md.supportsSavepoints());
    assertTrue(md.supportsBatchUpdates());
    assertTrue(md.supportsGetGeneratedKeys());
    assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
    assertTrue(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
    assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE));
    assertFalse(
        md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
    assertFalse(md.supportsStoredProcedures());
    assertTrue(md.storesLowerCaseIdentifiers());
    assertEquals(1 << 20, md.getMaxStatementLength());
  }

  @Test
  void tablesAreTypedAndSystemTablesAreNeverReportedAsTable() throws SQLException {
    ResultSet rs = md.getTables(null, null, "%", null);
    assertEquals(
        List.of(
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "TABLE_TYPE",
            "REMARKS",
            "TYPE_CAT",
            "TYPE_SCHEM",
            "TYPE_NAME",
            "SELF_REFERENCING_COL_NAME",
            "REF_GENERATION"),
        labels(rs));
    List<String> rows = new ArrayList<>();
    while (rs.next()) {
      rows.add(
          rs.getString("TABLE_TYPE") + ":" + rs.getString("TABLE_SCHEM") + "." + rs.getString(3));
      assertEquals("defaultdb", rs.getString("TABLE_CAT"));
    }
    assertEquals(
        List.of(
            "SYSTEM TABLE:information_schema.columns",
            "SYSTEM TABLE:information_schema.tables",
            "TABLE:public.accounts",
            "TABLE:public.t_1",
            "TABLE:public.tx1",
            "VIEW:public.rich"),
        rows);
    assertEquals(
        List.of("accounts", "t_1", "tx1"),
        column(md.getTables(null, "public", null, new String[] {"TABLE"}), "TABLE_NAME"));
    // "_" matches any one character, so the unescaped pattern also finds tx1
    assertEquals(
        List.of("t_1", "tx1"), column(md.getTables(null, null, "t_1", null), "TABLE_NAME"));
    assertEquals(List.of("t_1"), column(md.getTables(null, null, "t\\_1", null), "TABLE_NAME"));
    assertEquals(List.of("accounts"), column(md.getTables(null, null, "ACC%", null), "TABLE_NAME"));
    assertEquals(List.of(), column(md.getTables("otherdb", null, null, null), "TABLE_NAME"));
    assertEquals(
        List.of("SYSTEM TABLE", "TABLE", "VIEW"), column(md.getTableTypes(), "TABLE_TYPE"));
  }

  @Test
  void columnsHaveTheJdbcShapeAndSkipHiddenColumns() throws SQLException {
    ResultSet rs = md.getColumns(null, "public", "accounts", "%");
    List<String> labels = labels(rs);
    assertEquals(24, labels.size());
    assertEquals("DATA_TYPE", labels.get(4));
    assertEquals("ORDINAL_POSITION", labels.get(16));
    assertEquals("IS_AUTOINCREMENT", labels.get(22));
    assertTrue(rs.next());
    assertEquals("id", rs.getString("COLUMN_NAME"));
    assertEquals(Types.BIGINT, rs.getInt("DATA_TYPE"));
    assertEquals("INT8", rs.getString("TYPE_NAME"));
    assertEquals(64, rs.getInt("COLUMN_SIZE"));
    assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
    assertEquals("NO", rs.getString("IS_NULLABLE"));
    assertEquals(1, rs.getInt("ORDINAL_POSITION"));
    assertTrue(rs.next());
    assertEquals("balance", rs.getString("COLUMN_NAME"));
    assertEquals(Types.NUMERIC, rs.getInt("DATA_TYPE"));
    assertEquals(10, rs.getInt("COLUMN_SIZE"));
    assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
    assertTrue(rs.next());
    assertEquals("name", rs.getString("COLUMN_NAME"));
    assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
    assertEquals(20, rs.getInt("COLUMN_SIZE"));
    assertNull(rs.getObject("DECIMAL_DIGITS"));
    assertFalse(rs.next());
    assertEquals(List.of("a"), column(md.getColumns(null, null, "t_1", null), "COLUMN_NAME"));
  }

  @Test
  void primaryKeysAndIndexesComeFromStatistics() throws SQLException {
    ResultSet pk = md.getPrimaryKeys(null, null, "accounts");
    assertEquals(
        List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"),
        labels(pk));
    assertTrue(pk.next());
    assertEquals("id", pk.getString("COLUMN_NAME"));
    assertEquals(1, pk.getShort("KEY_SEQ"));
    assertEquals("accounts_pkey", pk.getString("PK_NAME"));
    assertFalse(pk.next());

    ResultSet idx = md.getIndexInfo(null, null, "accounts", false, true);
    assertEquals(13, labels(idx).size());
    List<String> rows = new ArrayList<>();
    while (idx.next()) {
      rows.add(
          idx.getBoolean("NON_UNIQUE")
              + " "
              + idx.getString("INDEX_NAME")
              + " "
              + idx.getInt("ORDINAL_POSITION")
              + " "
              + idx.getString("COLUMN_NAME")
              + " "
              + idx.getString("ASC_OR_DESC"));
    }
    assertEquals(List.of("false accounts_pkey 1 id A", "true accounts_name_idx 1 name D"), rows);
    assertEquals(
        List.of("accounts_pkey"),
        column(md.getIndexInfo(null, null, "accounts", true, true), "INDEX_NAME"));
  }

  @Test
  void missingStatisticsViewGivesEmptyKeys() throws SQLException {
    fake.on(
        "SELECT * FROM information_schema.statistics",
        Answer.error("42P01", "relation \"information_schema.statistics\" does not exist", 15));
    assertFalse(md.getPrimaryKeys(null, null, "accounts").next());
    assertFalse(md.getIndexInfo(null, null, "accounts", false, true).next());
  }

  @Test
  void schemasCatalogsAndTypeInfo() throws SQLException {
    assertEquals(List.of("information_schema", "public"), column(md.getSchemas(), "TABLE_SCHEM"));
    assertEquals(List.of("public"), column(md.getSchemas(null, "pub%"), "TABLE_SCHEM"));
    assertEquals(List.of("defaultdb"), column(md.getCatalogs(), "TABLE_CAT"));
    ResultSet types = md.getTypeInfo();
    assertEquals(18, labels(types).size());
    List<String> names = new ArrayList<>();
    int lastType = Integer.MIN_VALUE;
    while (types.next()) {
      names.add(types.getString("TYPE_NAME"));
      assertTrue(types.getInt("DATA_TYPE") >= lastType);
      lastType = types.getInt("DATA_TYPE");
    }
    assertTrue(names.containsAll(List.of("INT8", "VARCHAR", "NUMERIC", "BOOL", "TIMESTAMP")));
  }

  @Test
  void unsupportedCatalogMethodsReturnEmptyShapedResults() throws SQLException {
    ResultSet keys = md.getImportedKeys(null, null, "accounts");
    assertEquals(14, labels(keys).size());
    assertEquals("PKTABLE_CAT", labels(keys).get(0));
    assertFalse(keys.next());
    assertEquals(9, labels(md.getProcedures(null, null, "%")).size());
    assertEquals(20, labels(md.getProcedureColumns(null, null, "%", "%")).size());
    assertEquals(8, labels(md.getBestRowIdentifier(null, null, "t", 0, true)).size());
    assertEquals(7, labels(md.getUDTs(null, null, null, null)).size());
    assertEquals(6, labels(md.getFunctions(null, null, null)).size());
    assertEquals(17, labels(md.getFunctionColumns(null, null, null, null)).size());
    assertEquals(12, labels(md.getPseudoColumns(null, null, null, null)).size());
    assertEquals(21, labels(md.getAttributes(null, null, null, null)).size());
    assertEquals(4, labels(md.getClientInfoProperties()).size());
    assertFalse(md.getExportedKeys(null, null, "t").next());
    assertFalse(md.getCrossReference(null, null, "a", null, null, "b").next());
    assertFalse(md.getTablePrivileges(null, null, "%").next());
    assertFalse(md.getColumnPrivileges(null, null, "t", "%").next());
    assertFalse(md.getVersionColumns(null, null, "t").next());
    assertFalse(md.getSuperTables(null, null, "%").next());
    assertFalse(md.getSuperTypes(null, null, "%").next());
  }
}
