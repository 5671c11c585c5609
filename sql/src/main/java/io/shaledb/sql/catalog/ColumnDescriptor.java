package io.shaledb.sql.catalog;

/**
 * A column of a table.
 *
 * @param id stable column id, unique within the table, never reused (value encoding uses it)
 * @param name column name as stored (already case-folded unless it was quoted)
 * @param type declared type
 * @param nullable false for NOT NULL and primary-key columns
 * @param defaultExpr SQL text of the DEFAULT expression, or null
 * @param hidden true for the hidden row id of a table without a primary key; hidden columns are
 *     not in {@code SELECT *}
 */
public record ColumnDescriptor(
    int id, String name, SqlType type, boolean nullable, String defaultExpr, boolean hidden) {}
