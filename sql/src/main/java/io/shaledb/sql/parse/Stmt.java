package io.shaledb.sql.parse;

import io.shaledb.sql.catalog.TableSpec;
import java.util.List;

/** A statement as the front end classified it; {@link Calcite} ones go to Calcite's parser. */
public sealed interface Stmt {
  /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE. */
  record TxnControl(String verb) implements Stmt {}

  record SetVar(String name, String value) implements Stmt {}

  record ShowVar(String name) implements Stmt {}

  record UseDatabase(String name) implements Stmt {}

  record ShowTables() implements Stmt {}

  record ShowColumns(String table) implements Stmt {}

  record ShowDatabases() implements Stmt {}

  record CreateDatabase(String name, boolean ifNotExists) implements Stmt {}

  record DropDatabase(String name, boolean ifExists) implements Stmt {}

  record CreateTable(TableSpec spec) implements Stmt {}

  /** CREATE [OR REPLACE] VIEW name [(cols)] AS query; {@code queryOffset} locates the query. */
  record CreateView(String name, boolean orReplace, List<String> columnNames, String query,
                    int queryOffset) implements Stmt {}

  record CreateIndex(String name, String table, boolean unique, boolean ifNotExists,
                     List<String> columns, List<Boolean> descending) implements Stmt {}

  record DropIndex(String name, boolean ifExists) implements Stmt {}

  /**
   * REINDEX: {@code kind} is "index", "table", "database" or null (SQLite: an index or a table);
   * {@code name} is null for a bare REINDEX.
   */
  record Reindex(String kind, String name) implements Stmt {}

  record DropTable(List<String> names, boolean ifExists, boolean view) implements Stmt {}

  /** EXPLAIN followed by the statement text starting at {@code offset}. */
  record Explain(String inner, int offset) implements Stmt {}

  /**
   * INSERT/UPSERT with a conflict clause split off: {@code insertSql} is a plain INSERT for
   * Calcite's parser.
   *
   * @param conflictColumns ON CONFLICT (cols); empty = the primary key
   * @param doNothing DO NOTHING (else DO UPDATE)
   * @param setClause text after DO UPDATE SET (null for UPSERT: replace every inserted column)
   * @param setOffset where setClause starts in the statement
   * @param paramsBeforeSet number of {@code ?} before the SET clause
   */
  record Insert(String insertSql, List<String> conflictColumns, boolean doNothing, String setClause,
                int setOffset, int paramsBeforeSet, boolean upsert) implements Stmt {}

  /**
   * INSERT/UPSERT/UPDATE/DELETE ... RETURNING: the statement without the clause, and the returned
   * column names (empty = every visible column).
   */
  record Returning(Stmt dml, List<String> columns) implements Stmt {}

  /** Anything else: parsed by Calcite (queries, INSERT, UPDATE, DELETE). */
  record Calcite(String sql) implements Stmt {}
}
