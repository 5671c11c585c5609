package io.shaledb.jdbc;

import io.shaledb.jdbc.client.ColumnDescription;
import io.shaledb.jdbc.client.ExecutionResult;
import io.shaledb.jdbc.client.TypeNames;
import io.shaledb.jdbc.client.WireException;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the result sets of {@link ShaleDatabaseMetaData}. Tables and columns come from SQL on
 * {@code information_schema.tables} / {@code .columns}; primary keys and indexes from {@code
 * information_schema.statistics} when the server has it (else empty). Rows are fetched whole and
 * filtered here, so the server needs no LIKE support in its catalog views; JDBC name patterns
 * ({@code %}, {@code _}, {@code \} escape) are matched case-insensitively. Columns of the views are
 * looked up by name and missing ones read as null, so the server may offer a subset. Methods for
 * features ShaleDB lacks return an empty result set of the JDBC shape.
 */
final class CatalogResultSets {
  /** Schemas whose tables are reported as "SYSTEM TABLE", never as "TABLE". */
  private static final Set<String> SYSTEM_SCHEMAS =
      Set.of("information_schema", "pg_catalog", "crdb_internal", "system", "shale_internal");

  static final String TABLE = "TABLE";
  static final String VIEW = "VIEW";
  static final String SYSTEM_TABLE = "SYSTEM TABLE";

  private final ShaleConnection connection;

  CatalogResultSets(ShaleConnection connection) {
    this.connection = connection;
  }

  private static ResultSet result(List<ColumnDescription> shape, List<Object[]> rows) {
    return ShaleResultSet.of(shape, rows);
  }

  private static ResultSet empty(List<ColumnDescription> shape) {
    return ShaleResultSet.of(shape, List.of());
  }

  /** One row of a catalog view, by lower-case column name. */
  private record ViewRow(Map<String, Object> values) {
    String text(String column) {
      Object v = values.get(column);
      return v == null ? null : ValueConversions.toText(v, null);
    }

    Long number(String column) {
      Object v = values.get(column);
      if (v == null) {
        return null;
      }
      try {
        return ValueConversions.toLong(v, Long.MIN_VALUE, Long.MAX_VALUE, "long");
      } catch (SQLException e) {
        return null;
      }
    }

    boolean yes(String column) {
      Object v = values.get(column);
      if (v instanceof Boolean b) {
        return b;
      }
      String s = v == null ? "" : v.toString().trim().toUpperCase(Locale.ROOT);
      return s.equals("YES") || s.equals("TRUE") || s.equals("T") || s.equals("1");
    }
  }

  private List<ViewRow> query(String sql) throws SQLException {
    ExecutionResult r;
    try {
      r = connection.session().execute(sql, List.of(), 0, false, 0);
    } catch (WireException e) {
      throw connection.translate(e);
    }
    List<ViewRow> out = new ArrayList<>();
    if (!r.hasResultSet()) {
      return out;
    }
    List<ColumnDescription> cols = r.columns();
    for (Object[] row : r.rows()) {
      Map<String, Object> m = new HashMap<>();
      for (int i = 0; i < cols.size() && i < row.length; i++) {
        m.put(cols.get(i).name().toLowerCase(Locale.ROOT), row[i]);
      }
      out.add(new ViewRow(m));
    }
    return out;
  }

  /** Like {@link #query} but an unknown view (42xxx) yields no rows. */
  private List<ViewRow> queryIfPresent(String sql) throws SQLException {
    try {
      return query(sql);
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
        return List.of();
      }
      throw e;
    }
  }

  private String catalogOf(ViewRow row) throws SQLException {
    String c = row.text("table_catalog");
    return c == null || c.isEmpty() ? connection.getCatalog() : c;
  }

  private static String schemaOf(ViewRow row) {
    String s = row.text("table_schema");
    return s == null || s.isEmpty() ? "public" : s;
  }

  private boolean matchesTable(
      ViewRow row, String catalog, String schemaPattern, String tablePattern) throws SQLException {
    return (catalog == null || catalog.isEmpty() || catalog.equalsIgnoreCase(catalogOf(row)))
        && NamePattern.matches(schemaPattern, schemaOf(row))
        && NamePattern.matches(tablePattern, row.text("table_name"));
  }

  /** JDBC table type of a row of information_schema.tables. */
  static String tableType(String schema, String infoSchemaType) {
    String t = infoSchemaType == null ? "" : infoSchemaType.toUpperCase(Locale.ROOT);
    if (SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT)) || t.contains("SYSTEM")) {
      return SYSTEM_TABLE;
    }
    return t.contains("VIEW") ? VIEW : TABLE;
  }

  ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    Set<String> wanted = null;
    if (types != null) {
      wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      wanted.addAll(List.of(types));
    }
    List<Object[]> rows = new ArrayList<>();
    for (ViewRow r : query("SELECT * FROM information_schema.tables")) {
      if (!matchesTable(r, catalog, schemaPattern, tableNamePattern)) {
        continue;
      }
      String type = tableType(schemaOf(r), r.text("table_type"));
      if (wanted != null && !wanted.contains(type)) {
        continue;
      }
      rows.add(
          new Object[] {
            catalogOf(r), schemaOf(r), r.text("table_name"), type, "", null, null, null, null, null
          });
    }
    rows.sort(
        Comparator.<Object[], String>comparing(a -> (String) a[3])
            .thenComparing(a -> (String) a[0])
            .thenComparing(a -> (String) a[1])
            .thenComparing(a -> (String) a[2]));
    return result(CatalogShapes.TABLES, rows);
  }

  ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (ViewRow r : query("SELECT * FROM information_schema.columns")) {
      if (!matchesTable(r, catalog, schemaPattern, tableNamePattern)
          || !NamePattern.matches(columnNamePattern, r.text("column_name"))
          || r.yes("is_hidden")) {
        continue;
      }
      String typeText = r.text("data_type");
      int jdbcType = TypeNames.jdbcTypeOf(typeText);
      // TEXT shares VARCHAR's JDBC type but keeps its own name, as in PostgreSQL.
      String typeName =
          (jdbcType == java.sql.Types.OTHER || "text".equalsIgnoreCase(typeText)) && typeText != null
              ? typeText.toUpperCase(Locale.ROOT)
              : TypeNames.forJdbcType(jdbcType);
      Long charLength = r.number("character_maximum_length");
      Long precision = r.number("numeric_precision");
      Long scale = r.number("numeric_scale");
      Long size =
          charLength != null
              ? charLength
              : precision != null ? precision : (long) JdbcTypes.defaultPrecision(jdbcType);
      boolean nullable = r.values().containsKey("is_nullable") ? r.yes("is_nullable") : true;
      String def = r.text("column_default");
      boolean auto = def != null && (def.contains("unique_rowid()") || def.contains("nextval("));
      rows.add(
          new Object[] {
            catalogOf(r),
            schemaOf(r),
            r.text("table_name"),
            r.text("column_name"),
            (long) jdbcType,
            typeName,
            size,
            null,
            JdbcTypes.isNumeric(jdbcType) ? (scale == null ? 0L : scale) : null,
            JdbcTypes.isNumeric(jdbcType) ? 10L : null,
            (long) (nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls),
            null,
            def,
            null,
            null,
            JdbcTypes.isText(jdbcType) ? charLength : null,
            r.number("ordinal_position"),
            nullable ? "YES" : "NO",
            null,
            null,
            null,
            null,
            auto ? "YES" : "NO",
            "NO"
          });
    }
    rows.sort(
        Comparator.<Object[], String>comparing(a -> (String) a[0])
            .thenComparing(a -> (String) a[1])
            .thenComparing(a -> (String) a[2])
            .thenComparing(a -> a[16] == null ? 0L : (Long) a[16]));
    return result(CatalogShapes.COLUMNS, rows);
  }

  /** Whether a row of information_schema.statistics belongs to the primary index. */
  private static boolean isPrimary(ViewRow r) {
    if (r.values().containsKey("is_primary")) {
      return r.yes("is_primary");
    }
    String name = r.text("index_name");
    return name != null && (name.equalsIgnoreCase("primary") || name.endsWith("_pkey"));
  }

  /** Key columns of indexes (not STORING and not implicit columns). */
  private List<ViewRow> indexKeyColumns(String catalog, String schema, String table)
      throws SQLException {
    List<ViewRow> out = new ArrayList<>();
    for (ViewRow r : queryIfPresent("SELECT * FROM information_schema.statistics")) {
      if (matchesTable(
              r,
              catalog,
              schema == null ? null : NamePattern.quote(schema),
              table == null ? null : NamePattern.quote(table))
          && !r.yes("storing")
          && !r.yes("implicit")) {
        out.add(r);
      }
    }
    return out;
  }

  ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (ViewRow r : indexKeyColumns(catalog, schema, table)) {
      if (isPrimary(r)) {
        rows.add(
            new Object[] {
              catalogOf(r),
              schemaOf(r),
              r.text("table_name"),
              r.text("column_name"),
              r.number("seq_in_index"),
              r.text("index_name")
            });
      }
    }
    rows.sort(Comparator.<Object[], String>comparing(a -> (String) a[3]));
    return result(CatalogShapes.PRIMARY_KEYS, rows);
  }

  ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (ViewRow r : indexKeyColumns(catalog, schema, table)) {
      boolean nonUnique = r.yes("non_unique");
      if (unique && nonUnique) {
        continue;
      }
      String direction = r.text("direction");
      String ascOrDesc =
          direction != null && direction.toUpperCase(Locale.ROOT).startsWith("DESC") ? "D" : "A";
      rows.add(
          new Object[] {
            catalogOf(r),
            schemaOf(r),
            r.text("table_name"),
            nonUnique,
            null,
            r.text("index_name"),
            (long) DatabaseMetaData.tableIndexOther,
            r.number("seq_in_index"),
            r.text("column_name"),
            ascOrDesc,
            null,
            null,
            null
          });
    }
    rows.sort(
        Comparator.<Object[], Boolean>comparing(a -> (Boolean) a[3])
            .thenComparing(a -> String.valueOf(a[5]))
            .thenComparing(a -> a[7] == null ? 0L : (Long) a[7]));
    return result(CatalogShapes.INDEX_INFO, rows);
  }

  ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    Set<String> schemas = new TreeSet<>(List.of("public", "information_schema"));
    for (ViewRow r : query("SELECT * FROM information_schema.tables")) {
      schemas.add(schemaOf(r));
    }
    List<Object[]> rows = new ArrayList<>();
    String db = connection.getCatalog();
    if (catalog == null || catalog.isEmpty() || catalog.equalsIgnoreCase(db)) {
      for (String s : schemas) {
        if (NamePattern.matches(schemaPattern, s)) {
          rows.add(new Object[] {s, db});
        }
      }
    }
    return result(CatalogShapes.SCHEMAS, rows);
  }

  ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  ResultSet getCatalogs() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {connection.getCatalog()});
    return result(CatalogShapes.CATALOGS, rows);
  }

  ResultSet getTableTypes() {
    List<Object[]> rows = new ArrayList<>();
    for (String t : List.of(SYSTEM_TABLE, TABLE, VIEW)) {
      rows.add(new Object[] {t});
    }
    return result(CatalogShapes.TABLE_TYPES, rows);
  }

  ResultSet getTypeInfo() {
    return result(CatalogShapes.TYPE_INFO, CatalogShapes.typeInfoRows());
  }

  ResultSet getClientInfoProperties() {
    return empty(CatalogShapes.CLIENT_INFO);
  }

  // ---- features ShaleDB does not have: empty, correctly shaped --------------------------------

  ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) {
    return empty(CatalogShapes.PROCEDURES);
  }

  ResultSet getProcedureColumns(
      String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern) {
    return empty(CatalogShapes.PROCEDURE_COLUMNS);
  }

  ResultSet getColumnPrivileges(
      String catalog, String schema, String table, String columnNamePattern) {
    return empty(CatalogShapes.COLUMN_PRIVILEGES);
  }

  ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) {
    return empty(CatalogShapes.TABLE_PRIVILEGES);
  }

  ResultSet getBestRowIdentifier(
      String catalog, String schema, String table, int scope, boolean nullable) {
    return empty(CatalogShapes.ROW_IDENTIFIER);
  }

  ResultSet getVersionColumns(String catalog, String schema, String table) {
    return empty(CatalogShapes.ROW_IDENTIFIER);
  }

  ResultSet getImportedKeys(String catalog, String schema, String table) {
    return empty(CatalogShapes.KEYS);
  }

  ResultSet getExportedKeys(String catalog, String schema, String table) {
    return empty(CatalogShapes.KEYS);
  }

  ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable) {
    return empty(CatalogShapes.KEYS);
  }

  ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) {
    return empty(CatalogShapes.UDTS);
  }

  ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) {
    return empty(CatalogShapes.SUPER_TYPES);
  }

  ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) {
    return empty(CatalogShapes.SUPER_TABLES);
  }

  ResultSet getAttributes(
      String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern) {
    return empty(CatalogShapes.ATTRIBUTES);
  }

  ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) {
    return empty(CatalogShapes.FUNCTIONS);
  }

  ResultSet getFunctionColumns(
      String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern) {
    return empty(CatalogShapes.FUNCTION_COLUMNS);
  }

  ResultSet getPseudoColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) {
    return empty(CatalogShapes.PSEUDO_COLUMNS);
  }
}
