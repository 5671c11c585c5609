/**
 * Calcite's view of the catalog: the "public" schema of a database (tables and views resolved
 * through a transaction), {@code information_schema.tables/columns} computed at execution time,
 * and conversions between catalog types/values and Calcite's types and internal value
 * representations. Table objects hold only descriptors; rows are always read at execution through
 * the executing statement's {@link io.shaledb.sql.schema.StatementContext}, never cached.
 */
package io.shaledb.sql.schema;
