/**
 * Statement execution: the engine ({@link io.shaledb.sql.exec.ShaleSqlEngine}), dispatch of
 * classified statements, DDL through the catalog, DML outside Calcite's TableModify (rows to
 * change found by planned queries; values coerced and written through RowStore), EXPLAIN, and the
 * single {@link io.shaledb.sql.exec.ErrorTranslator} that maps every internal failure to a
 * SQLSTATE. Executors are stateless and thread-safe; each call works inside the caller's
 * transaction.
 */
package io.shaledb.sql.exec;
