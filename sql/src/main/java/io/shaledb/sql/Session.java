package io.shaledb.sql;

import java.util.List;

/**
 * One client session: its database, its prepared statements and (later) its open transaction.
 *
 * <p>Parameter and result values use these Java types: SMALLINT and INTEGER {@link Integer},
 * BIGINT {@link Long}, DECIMAL/NUMERIC {@link java.math.BigDecimal}, REAL {@link Float}, DOUBLE
 * PRECISION {@link Double}, CHAR/VARCHAR/TEXT {@link String}, BOOLEAN {@link Boolean}, DATE
 * {@link java.time.LocalDate}, TIMESTAMP {@link java.time.LocalDateTime}, BYTEA {@code byte[]},
 * NULL {@code null}. Parameters may also arrive as {@link Long}, {@link Double} or {@link String}
 * for any type they can be converted to.
 *
 * <p>Every method throws {@link SqlError} (carrying a PostgreSQL SQLSTATE) on failure; after an
 * error the session remains usable. Not thread-safe.
 */
public interface Session extends AutoCloseable {

  String database();

  /** Parses, plans and runs one statement. */
  StatementResult execute(String sql, List<Object> params, ExecOptions options);

  /** Parses and plans {@code sql} once; the returned id is valid until closed or the session ends. */
  PreparedInfo prepare(String sql);

  /** Runs a prepared statement with one set of parameters. */
  StatementResult executePrepared(long statementId, List<Object> params, ExecOptions options);

  /** Runs a prepared statement once per parameter row; returns one update count per row. */
  long[] executeBatch(long statementId, List<List<Object>> paramRows);

  void closePrepared(long statementId);

  /** Releases the session's state. Idempotent. */
  @Override
  void close();
}
