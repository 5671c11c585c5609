package io.shaledb.sql;

/**
 * Describes a result column or a statement parameter.
 *
 * @param name the column label (after AS), as the client should see it
 * @param tableName the source table when the column comes straight from one, else ""
 * @param jdbcType a {@link java.sql.Types} constant
 * @param typeName PostgreSQL-style type name (INT4, INT8, NUMERIC, VARCHAR, TEXT, BOOL, DATE, ...)
 * @param precision declared precision or length, 0 if none
 * @param scale declared scale, 0 if none
 * @param nullable whether the column may hold NULL
 */
public record ColumnMeta(
    String name, String tableName, int jdbcType, String typeName, int precision, int scale,
    boolean nullable) {}
