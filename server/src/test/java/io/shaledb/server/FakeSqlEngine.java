package io.shaledb.server;

import io.shaledb.sql.ColumnMeta;
import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.PreparedInfo;
import io.shaledb.sql.Session;
import io.shaledb.sql.SqlEngine;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.StatementResult;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted SQL engine for server tests. Statements it understands:
 * <ul>
 *   <li>{@code SELECT 1} - one INT4 column "?column?" with value 1
 *   <li>{@code ROWS n} - n rows (i INT8, s VARCHAR "row-i")
 *   <li>{@code ECHO} - one row holding the parameters as given
 *   <li>{@code FAIL code message} - a SqlError with that SQLSTATE
 *   <li>{@code CRASH} - an IllegalStateException
 *   <li>{@code BLOCK} - waits until {@link #unblock()} (at most 30 s), then SELECT 1
 *   <li>{@code THREAD} - one VARCHAR row: the name of the thread running the statement
 *   <li>{@code INSERT ...} - "INSERT 0 1", generated key 42 when requested
 *   <li>anything else starting with CREATE/DROP - tag of the first two words, count 0
 * </ul>
 * Databases: "defaultdb" and "other".
 */
public final class FakeSqlEngine implements SqlEngine {
  public final AtomicInteger opened = new AtomicInteger();
  public final AtomicInteger closed = new AtomicInteger();
  public final CountDownLatch blocked = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  public volatile boolean engineClosed;

  public void unblock() {
    release.countDown();
  }

  /** An opener for {@link Node#start(NodeConfig, SqlLayer.Opener)} that serves this engine. */
  public SqlLayer.Opener opener() {
    return config -> new SqlLayer() {
      @Override
      public SqlEngine engine() {
        return FakeSqlEngine.this;
      }

      @Override
      public void close() {
        FakeSqlEngine.this.close();
      }
    };
  }

  @Override
  public Session openSession(String database, String user) {
    if (!database.equals("defaultdb") && !database.equals("other")) {
      throw new SqlError(SqlState.INVALID_CATALOG_NAME,
          "database \"" + database + "\" does not exist");
    }
    opened.incrementAndGet();
    return new FakeSession(database);
  }

  @Override
  public void close() {
    engineClosed = true;
    release.countDown();
  }

  static ColumnMeta col(String name, int type, String typeName) {
    return new ColumnMeta(name, "", type, typeName, 0, 0, true);
  }

  private final class FakeSession implements Session {
    private final String db;
    private final Map<Long, String> prepared = new HashMap<>();
    private long nextId = 1;
    private boolean isClosed;

    FakeSession(String db) {
      this.db = db;
    }

    @Override
    public String database() {
      return db;
    }

    @Override
    public StatementResult execute(String sql, List<Object> params, ExecOptions options) {
      String s = sql.trim();
      String upper = s.toUpperCase();
      if (upper.equals("SELECT 1")) {
        return StatementResult.ofRows(List.of(col("?column?", Types.INTEGER, "INT4")),
            List.<Object[]>of(new Object[] {1}));
      }
      Matcher m = Pattern.compile("ROWS (\\d+)").matcher(upper);
      if (m.matches()) {
        int n = Integer.parseInt(m.group(1));
        if (options.maxRows() > 0) {
          n = Math.min(n, options.maxRows());
        }
        List<Object[]> rows = new ArrayList<>(n);
        for (long i = 0; i < n; i++) {
          rows.add(new Object[] {i, "row-" + i});
        }
        return StatementResult.ofRows(
            List.of(col("i", Types.BIGINT, "INT8"), col("s", Types.VARCHAR, "VARCHAR")), rows);
      }
      if (upper.equals("ECHO")) {
        List<ColumnMeta> cols = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
          cols.add(col("p" + (i + 1), Types.OTHER, "UNKNOWN"));
        }
        return StatementResult.ofRows(cols, List.<Object[]>of(params.toArray()));
      }
      if (upper.startsWith("FAIL ")) {
        String[] parts = s.split(" ", 3);
        for (SqlState st : SqlState.values()) {
          if (st.code().equals(parts[1])) {
            throw new SqlError(st, parts.length > 2 ? parts[2] : "failed", 3, "some detail",
                "some hint", null);
          }
        }
        throw new IllegalArgumentException("unknown state " + parts[1]);
      }
      if (upper.equals("THREAD")) {
        return StatementResult.ofRows(List.of(col("thread", Types.VARCHAR, "VARCHAR")),
            List.<Object[]>of(new Object[] {Thread.currentThread().getName()}));
      }
      if (upper.equals("CRASH")) {
        throw new IllegalStateException("boom");
      }
      if (upper.equals("BLOCK")) {
        blocked.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return execute("SELECT 1", List.of(), options);
      }
      if (upper.startsWith("INSERT")) {
        if (options.returnGeneratedKeys()) {
          return new StatementResult(List.of(), List.of(), 1, "INSERT 0 1",
              List.of(col("id", Types.BIGINT, "INT8")), List.<Object[]>of(new Object[] {42L}));
        }
        return StatementResult.ofCount(1, "INSERT 0 1");
      }
      if (upper.startsWith("CREATE") || upper.startsWith("DROP")) {
        String[] w = upper.split("\\s+");
        return StatementResult.ofCount(0, w[0] + (w.length > 1 ? " " + w[1] : ""));
      }
      throw new SqlError(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + s + "\"", 1,
          null, null, null);
    }

    @Override
    public PreparedInfo prepare(String sql) {
      long id = nextId++;
      prepared.put(id, sql);
      return new PreparedInfo(id, List.of(col("$1", Types.BIGINT, "INT8")),
          sql.toUpperCase().startsWith("INSERT") ? List.of()
              : List.of(col("?column?", Types.INTEGER, "INT4")));
    }

    private String lookup(long id) {
      String sql = prepared.get(id);
      if (sql == null) {
        throw new SqlError(SqlState.INVALID_PARAMETER_VALUE, "no prepared statement " + id);
      }
      return sql;
    }

    @Override
    public StatementResult executePrepared(long statementId, List<Object> params,
        ExecOptions options) {
      return execute(lookup(statementId), params, options);
    }

    @Override
    public long[] executeBatch(long statementId, List<List<Object>> paramRows) {
      long[] counts = new long[paramRows.size()];
      for (int i = 0; i < counts.length; i++) {
        counts[i] = execute(lookup(statementId), paramRows.get(i), ExecOptions.DEFAULT)
            .updateCount();
      }
      return counts;
    }

    @Override
    public void closePrepared(long statementId) {
      prepared.remove(statementId);
    }

    @Override
    public void close() {
      if (!isClosed) {
        isClosed = true;
        closed.incrementAndGet();
      }
    }
  }
}
