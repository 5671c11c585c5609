package io.shaledb.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@link java.sql.DatabaseMetaData} of one connection: identity (product, server and driver
 * versions, URL, user) and the catalog result sets, built by {@link CatalogResultSets}. The fixed
 * capability answers (and the note on transactions) are in {@link DatabaseCapabilities}.
 */
public final class ShaleDatabaseMetaData extends DatabaseCapabilities {
  static final String PRODUCT_NAME = "ShaleDB";
  private static final String SQL_KEYWORDS =
      "LIMIT,OFFSET,RETURNING,STRING,BYTES,INT2,INT4,INT8,FLOAT4,FLOAT8,SHOW,EXPLAIN";
  private static final String NUMERIC_FUNCTIONS =
      "ABS,CEIL,CEILING,FLOOR,MOD,POWER,ROUND,SIGN,SQRT";
  private static final String STRING_FUNCTIONS =
      "CHAR_LENGTH,CHARACTER_LENGTH,LOWER,UPPER,SUBSTRING,TRIM,POSITION,OVERLAY";
  private static final String TIME_DATE_FUNCTIONS = "CURRENT_DATE,CURRENT_TIMESTAMP,EXTRACT";

  private final ShaleConnection connection;
  private final CatalogResultSets resultSets;

  ShaleDatabaseMetaData(ShaleConnection connection) {
    this.connection = connection;
    this.resultSets = new CatalogResultSets(connection);
  }

  private String serverVersion() {
    String v = connection.serverInfo().serverVersion();
    return v == null || v.isEmpty() ? "0.0.0" : v;
  }

  /** Component {@code i} of the server version "major.minor[.patch]", 0 if absent. */
  private int versionPart(int i) {
    String[] parts = serverVersion().split("[.\\-]");
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[i].replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public int getDriverMajorVersion() {
    return ShaleDriver.MAJOR_VERSION;
  }

  @Override
  public int getDriverMinorVersion() {
    return ShaleDriver.MINOR_VERSION;
  }

  private int maxStatementLength() {
    return connection.serverInfo().maxStatementBytes();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw ShaleSqlExceptions.unwrapFailed(iface, this);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String getURL() throws SQLException {
    return connection.url();
  }

  @Override
  public String getUserName() throws SQLException {
    return connection.user();
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    return PRODUCT_NAME;
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    return serverVersion();
  }

  @Override
  public String getDriverName() throws SQLException {
    return ShaleDriver.DRIVER_NAME;
  }

  @Override
  public String getDriverVersion() throws SQLException {
    return ShaleDriver.DRIVER_VERSION;
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    return SQL_KEYWORDS;
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    return NUMERIC_FUNCTIONS;
  }

  @Override
  public String getStringFunctions() throws SQLException {
    return STRING_FUNCTIONS;
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    return TIME_DATE_FUNCTIONS;
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    return maxStatementLength();
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
      throws SQLException {
    return resultSets.getProcedures(catalog, schemaPattern, procedureNamePattern);
  }

  @Override
  public ResultSet getProcedureColumns(
      String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern)
      throws SQLException {
    return resultSets.getProcedureColumns(
        catalog, schemaPattern, procedureNamePattern, columnNamePattern);
  }

  @Override
  public ResultSet getTables(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    return resultSets.getTables(catalog, schemaPattern, tableNamePattern, types);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return resultSets.getSchemas();
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return resultSets.getCatalogs();
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    return resultSets.getTableTypes();
  }

  @Override
  public ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    return resultSets.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
  }

  @Override
  public ResultSet getColumnPrivileges(
      String catalog, String schema, String table, String columnNamePattern) throws SQLException {
    return resultSets.getColumnPrivileges(catalog, schema, table, columnNamePattern);
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return resultSets.getTablePrivileges(catalog, schemaPattern, tableNamePattern);
  }

  @Override
  public ResultSet getBestRowIdentifier(
      String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    return resultSets.getBestRowIdentifier(catalog, schema, table, scope, nullable);
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table)
      throws SQLException {
    return resultSets.getVersionColumns(catalog, schema, table);
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return resultSets.getPrimaryKeys(catalog, schema, table);
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return resultSets.getImportedKeys(catalog, schema, table);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return resultSets.getExportedKeys(catalog, schema, table);
  }

  @Override
  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    return resultSets.getCrossReference(
        parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable);
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return resultSets.getTypeInfo();
  }

  @Override
  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return resultSets.getIndexInfo(catalog, schema, table, unique, approximate);
  }

  @Override
  public ResultSet getUDTs(
      String catalog, String schemaPattern, String typeNamePattern, int[] types)
      throws SQLException {
    return resultSets.getUDTs(catalog, schemaPattern, typeNamePattern, types);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection;
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern)
      throws SQLException {
    return resultSets.getSuperTypes(catalog, schemaPattern, typeNamePattern);
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return resultSets.getSuperTables(catalog, schemaPattern, tableNamePattern);
  }

  @Override
  public ResultSet getAttributes(
      String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern)
      throws SQLException {
    return resultSets.getAttributes(catalog, schemaPattern, typeNamePattern, attributeNamePattern);
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return versionPart(0);
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return versionPart(1);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return resultSets.getSchemas(catalog, schemaPattern);
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    return resultSets.getClientInfoProperties();
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
      throws SQLException {
    return resultSets.getFunctions(catalog, schemaPattern, functionNamePattern);
  }

  @Override
  public ResultSet getFunctionColumns(
      String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern)
      throws SQLException {
    return resultSets.getFunctionColumns(
        catalog, schemaPattern, functionNamePattern, columnNamePattern);
  }

  @Override
  public ResultSet getPseudoColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    return resultSets.getPseudoColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
  }
}
