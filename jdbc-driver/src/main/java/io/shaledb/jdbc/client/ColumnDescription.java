package io.shaledb.jdbc.client;

import java.util.Objects;

/**
 * One column of a result (or one parameter of a prepared statement), as described by the server.
 *
 * @param name label as written in the query
 * @param tableName source table, empty if unknown
 * @param jdbcType a {@link java.sql.Types} constant
 * @param typeName PostgreSQL-style type name (INT8, NUMERIC, VARCHAR, ...), never empty
 * @param precision precision or maximum length, 0 if unknown
 * @param scale scale, 0 if not applicable
 * @param nullable whether the column may hold NULL
 */
public record ColumnDescription(
    String name,
    String tableName,
    int jdbcType,
    String typeName,
    int precision,
    int scale,
    boolean nullable) {
  public ColumnDescription {
    Objects.requireNonNull(name, "name");
    tableName = tableName == null ? "" : tableName;
    typeName = typeName == null || typeName.isEmpty() ? TypeNames.forJdbcType(jdbcType) : typeName;
  }

  /** A nullable column without table, precision or scale: used for client-built result sets. */
  public static ColumnDescription of(String name, int jdbcType) {
    return new ColumnDescription(name, "", jdbcType, TypeNames.forJdbcType(jdbcType), 0, 0, true);
  }
}
