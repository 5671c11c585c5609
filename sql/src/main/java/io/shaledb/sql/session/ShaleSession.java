package io.shaledb.sql.session;

import io.shaledb.sql.ColumnMeta;
import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.PreparedInfo;
import io.shaledb.sql.Session;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.StatementResult;
import io.shaledb.sql.exec.EngineContext;
import io.shaledb.sql.exec.ErrorTranslator;
import io.shaledb.sql.exec.StatementExecutor;
import io.shaledb.sql.parse.StatementParser;
import io.shaledb.sql.parse.Stmt;
import io.shaledb.sql.plan.PlannedQuery;
import io.shaledb.sql.schema.StatementContext;
import io.shaledb.txn.KvTxn;
import io.shaledb.txn.TransactionRetryException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A client session. Every statement runs in its own KV transaction (begin, execute, commit;
 * rollback on any error), so each statement is atomic; a statement whose commit must be retried
 * is run again, up to {@link #MAX_ATTEMPTS} times, before 40001 is reported. Explicit
 * transactions are not supported yet. Not thread-safe (one client thread at a time).
 */
public final class ShaleSession implements Session {
  /** Attempts per statement when the transaction layer asks for a restart. */
  public static final int MAX_ATTEMPTS = 10;

  private static final ColumnMeta SETTING = new ColumnMeta("setting", "", Types.VARCHAR, "TEXT", 0, 0, false);

  private final EngineContext ec;
  private final StatementExecutor executor;
  private final String user;
  private final Map<String, String> settings = new HashMap<>();
  private final Map<Long, Prepared> prepared = new HashMap<>();
  private String database;
  private int databaseId;
  private long nextStatementId = 1;
  private boolean closed;

  private record Prepared(String sql, Stmt stmt, PreparedInfo info) {}

  public ShaleSession(EngineContext ec, StatementExecutor executor, String database, int databaseId, String user) {
    this.ec = ec;
    this.executor = executor;
    this.database = database;
    this.databaseId = databaseId;
    this.user = user;
    settings.put("application_name", "");
    settings.put("search_path", "public");
    settings.put("transaction_isolation", "serializable");
    settings.put("server_version", "13.0.0");
    settings.put("server_encoding", "UTF8");
    settings.put("client_encoding", "UTF8");
    settings.put("datestyle", "ISO, MDY");
    settings.put("timezone", "UTC");
    settings.put("standard_conforming_strings", "on");
    settings.put("integer_datetimes", "on");
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public StatementResult execute(String sql, List<Object> params, ExecOptions options) {
    ensureOpen();
    Stmt stmt = parse(sql);
    return run(sql, stmt, params == null ? List.of() : params, options == null ? ExecOptions.DEFAULT : options);
  }

  private static Stmt parse(String sql) {
    try {
      return StatementParser.parse(sql);
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate(e, sql, 0);
    }
  }

  private StatementResult run(String sql, Stmt stmt, List<Object> params, ExecOptions opts) {
    if (stmt instanceof Stmt.TxnControl tc) {
      return switch (tc.verb()) {
        case "commit" -> StatementResult.ofCount(0, "COMMIT");
        case "rollback" -> StatementResult.ofCount(0, "ROLLBACK");
        default -> throw new SqlError(SqlState.FEATURE_NOT_SUPPORTED,
            "explicit transactions are not supported yet: every statement runs in its own transaction");
      };
    }
    if (stmt instanceof Stmt.SetVar sv) {
      settings.put(sv.name().toLowerCase(Locale.ROOT), unquote(sv.value()));
      return StatementResult.ofCount(0, "SET");
    }
    if (stmt instanceof Stmt.ShowVar sv) {
      String name = sv.name().toLowerCase(Locale.ROOT);
      String v = name.equals("database") ? database : settings.get(name);
      if (v == null) {
        throw new SqlError(SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
      }
      return StatementResult.ofRows(List.of(new ColumnMeta(name, "", Types.VARCHAR, "TEXT", 0, 0, false)),
          List.<Object[]>of(new Object[] {v}));
    }
    if (stmt instanceof Stmt.UseDatabase use) {
      String name = unquote(use.name());
      OptionalInt id = inTxn(sql, txn -> ec.catalog().databaseId(txn, name));
      if (id.isEmpty()) {
        throw new SqlError(SqlState.INVALID_CATALOG_NAME, "database \"" + name + "\" does not exist");
      }
      database = name;
      databaseId = id.getAsInt();
      return StatementResult.ofCount(0, "SET");
    }
    return inTxn(sql, txn -> executor.execute(context(txn), stmt, sql, params, opts));
  }

  private StatementContext context(KvTxn txn) {
    return new StatementContext(txn, ec.catalog(), ec.rows(), databaseId, database);
  }

  private static String unquote(String v) {
    String s = v.trim();
    if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  /** Runs {@code body} in a fresh transaction, committing on success; retries restarts. */
  private <T> T inTxn(String sql, Function<KvTxn, T> body) {
    TransactionRetryException last = null;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      KvTxn txn = ec.txns().begin();
      try {
        T result = body.apply(txn);
        long t0 = io.shaledb.sql.plan.PlanPhase.start();
        txn.commit();
        io.shaledb.sql.plan.PlanPhase.COMMIT.end(t0);
        return result;
      } catch (Throwable t) {
        safeRollback(txn);
        TransactionRetryException retry = ErrorTranslator.retryCause(t);
        if (retry != null) {
          last = retry;
          // a conflicting transaction is still running: back off (0.1 ms doubling to 6.4 ms)
          java.util.concurrent.locks.LockSupport.parkNanos(100_000L << Math.min(attempt, 6));
          continue;
        }
        if (t instanceof VirtualMachineError err && !(t instanceof StackOverflowError)) {
          throw err;
        }
        throw ErrorTranslator.translate(t, sql, 0);
      } finally {
        txn.close();
      }
    }
    throw new SqlError(SqlState.SERIALIZATION_FAILURE, last.getMessage(), last);
  }

  private static void safeRollback(KvTxn txn) {
    try {
      txn.rollback();
    } catch (RuntimeException ignored) {
      // the statement's own error is what the client needs to see
    }
  }

  @Override
  public PreparedInfo prepare(String sql) {
    ensureOpen();
    Stmt stmt = parse(sql);
    List<ColumnMeta> paramMetas = new ArrayList<>();
    List<ColumnMeta> columns = new ArrayList<>();
    int count = countParams(sql);
    inTxn(sql, txn -> {
      StatementContext sc = context(txn);
      PlannedQuery p = executor.planOnly(sc, stmt, List.of());
      if (p != null && stmt instanceof Stmt.Calcite c && !isDml(c.sql())) {
        columns.addAll(p.columns());
      }
      paramMetas.addAll(executor.paramMetas(sc, stmt, p, count));
      return null;
    });
    long id = nextStatementId++;
    PreparedInfo info = new PreparedInfo(id, List.copyOf(paramMetas), List.copyOf(columns));
    prepared.put(id, new Prepared(sql, stmt, info));
    return info;
  }

  private static boolean isDml(String sql) {
    String head = sql.trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
    return head.equals("update") || head.equals("delete") || head.equals("insert");
  }

  private static int countParams(String sql) {
    int n = 0;
    for (var t : io.shaledb.sql.parse.Tokenizer.tokenize(sql)) {
      if (t.kind() == io.shaledb.sql.parse.Token.Kind.PARAM) {
        n++;
      }
    }
    return n;
  }

  @Override
  public StatementResult executePrepared(long statementId, List<Object> params, ExecOptions options) {
    ensureOpen();
    Prepared p = prepared(statementId);
    return run(p.sql(), p.stmt(), params == null ? List.of() : params,
        options == null ? ExecOptions.DEFAULT : options);
  }

  @Override
  public long[] executeBatch(long statementId, List<List<Object>> paramRows) {
    ensureOpen();
    Prepared p = prepared(statementId);
    long[] counts = new long[paramRows.size()];
    for (int i = 0; i < counts.length; i++) {
      StatementResult r = run(p.sql(), p.stmt(), paramRows.get(i), ExecOptions.DEFAULT);
      counts[i] = r.hasRows() ? r.rows().size() : r.updateCount();
    }
    return counts;
  }

  private Prepared prepared(long id) {
    Prepared p = prepared.get(id);
    if (p == null) {
      throw new SqlError(SqlState.INVALID_PARAMETER_VALUE, "prepared statement " + id + " does not exist");
    }
    return p;
  }

  @Override
  public void closePrepared(long statementId) {
    prepared.remove(statementId);
  }

  @Override
  public void close() {
    closed = true;
    prepared.clear();
  }

  private void ensureOpen() {
    if (closed) {
      throw new SqlError(SqlState.CONNECTION_EXCEPTION, "session is closed");
    }
  }

  /** The user this session authenticated as. */
  public String user() {
    return user;
  }
}
