package io.shaledb.sql.catalog;

/**
 * A column as declared in CREATE TABLE.
 *
 * @param name column name as stored
 * @param type declared type
 * @param notNull NOT NULL was given
 * @param defaultExpr SQL text of DEFAULT, or null
 * @param primaryKey the column carries a column-level PRIMARY KEY constraint
 * @param unique the column carries a column-level UNIQUE constraint
 */
public record ColumnSpec(String name, SqlType type, boolean notNull, String defaultExpr,
                         boolean primaryKey, boolean unique) {}
