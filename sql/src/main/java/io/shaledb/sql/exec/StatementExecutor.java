package io.shaledb.sql.exec;

import io.shaledb.sql.ColumnMeta;
import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.StatementResult;
import io.shaledb.sql.parse.CalciteParsing;
import io.shaledb.sql.parse.StatementParser;
import io.shaledb.sql.parse.Stmt;
import io.shaledb.sql.plan.IndexChoice;
import io.shaledb.sql.plan.IndexSelector;
import io.shaledb.sql.plan.PlannedQuery;
import io.shaledb.sql.schema.StatementContext;
import io.shaledb.sql.schema.TypeMapping;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/**
 * Runs one classified statement inside the statement's transaction (the session owns the
 * transaction, retries and session state). Thread-safe; holds no per-statement state.
 */
public final class StatementExecutor {
  private static final int MAX_KNOWN_QUERIES = 10_000;

  /** Plan cache keys of queries: this prefix and the query's text. */
  private static final String QUERY_KEY_PREFIX = "Q\u0000";

  /** Parsed INSERT/UPDATE/DELETE statements by text (see {@link #parsedDml}); bounded by clearing. */
  private final java.util.Map<String, SqlNode> parsedDml = new java.util.concurrent.ConcurrentHashMap<>();

  private static final ColumnMeta INFO = new ColumnMeta("info", "", Types.VARCHAR, "TEXT", 0, 0, false);

  private final EngineContext ec;
  private final QueryRunner queries;
  private final DmlExecutor dml;
  private final DdlExecutor ddl;

  public StatementExecutor(EngineContext ec) {
    this.ec = ec;
    this.queries = new QueryRunner(ec);
    this.dml = new DmlExecutor(ec, queries);
    this.ddl = new DdlExecutor(ec);
  }

  public StatementResult execute(StatementContext sc, Stmt stmt, String sql, List<Object> params, ExecOptions opts) {
    return execute(sc, stmt, sql, params, opts, null);
  }

  private StatementResult execute(StatementContext sc, Stmt stmt, String sql, List<Object> params, ExecOptions opts,
      List<Object[]> sink) {
    if (stmt instanceof Stmt.Returning ret) {
      return returning(sc, ret, sql, params, opts);
    } else if (stmt instanceof Stmt.Calcite c) {
      return calcite(sc, c.sql(), params, opts, sink);
    } else if (stmt instanceof Stmt.Insert ins) {
      String text = ins.insertSql();
      SqlInsert si = parsedInsert(text);
      Stmt.Insert conflict = ins.doNothing() || ins.upsert() || ins.setClause() != null ? ins : null;
      return dml.insert(sc, si, conflict, text, () -> CalciteParsing.parseStatement(text, text, 0), params, opts,
          sink);
    } else if (stmt instanceof Stmt.CreateTable ct) {
      return ddl.createTable(sc, ct, sql);
    } else if (stmt instanceof Stmt.CreateView cv) {
      return ddl.createView(sc, cv, cv.query());
    } else if (stmt instanceof Stmt.CreateIndex ci) {
      return ddl.createIndex(sc, ci);
    } else if (stmt instanceof Stmt.DropIndex di) {
      return ddl.dropIndex(sc, di);
    } else if (stmt instanceof Stmt.Reindex ri) {
      return ddl.reindex(sc, ri);
    } else if (stmt instanceof Stmt.DropTable dt) {
      return ddl.dropTables(sc, dt);
    } else if (stmt instanceof Stmt.CreateDatabase cd) {
      return ddl.createDatabase(sc, cd);
    } else if (stmt instanceof Stmt.DropDatabase dd) {
      return ddl.dropDatabase(sc, dd, sc.database());
    } else if (stmt instanceof Stmt.ShowTables) {
      return query(sc, "SELECT table_name FROM information_schema.tables ORDER BY table_name", List.of(), opts);
    } else if (stmt instanceof Stmt.ShowColumns sh) {
      if (ec.catalog().table(sc.txn(), sc.databaseId(), sh.table()).isEmpty()) {
        throw new SqlError(SqlState.UNDEFINED_TABLE, "relation \"" + sh.table() + "\" does not exist");
      }
      return query(sc, "SELECT column_name, data_type, is_nullable, column_default "
          + "FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
          List.of(sh.table()), opts);
    } else if (stmt instanceof Stmt.ShowDatabases) {
      List<Object[]> rows = new ArrayList<>();
      for (String d : ec.catalog().databases(sc.txn())) {
        rows.add(new Object[] {d});
      }
      return StatementResult.ofRows(
          List.of(new ColumnMeta("database_name", "", Types.VARCHAR, "TEXT", 0, 0, false)), rows);
    } else if (stmt instanceof Stmt.Explain ex) {
      return explain(sc, ex, params);
    }
    throw new SqlError(SqlState.FEATURE_NOT_SUPPORTED, "statement not supported here: " + stmt);
  }

  /**
   * The parsed INSERT, UPDATE or DELETE for {@code text}, parsed once per text (a prepared
   * statement is parsed at prepare time and never again). Safe to share: the DML executors only
   * read this node (target, columns, constant values); whatever Calcite validates is parsed afresh
   * through their {@code reparse} supplier, since validation mutates SqlNodes. Queries are never
   * cached here (their plans are cached by text instead).
   */
  private SqlNode parsedDml(String text) {
    SqlNode cached = parsedDml.get(text);
    if (cached != null) {
      return cached;
    }
    SqlNode node = CalciteParsing.parseStatement(text, text, 0);
    SqlKind kind = node.getKind();
    if (kind == SqlKind.INSERT || kind == SqlKind.UPDATE || kind == SqlKind.DELETE) {
      if (parsedDml.size() >= MAX_KNOWN_QUERIES) {
        parsedDml.clear();
      }
      parsedDml.put(text, node);
    }
    return node;
  }

  private SqlInsert parsedInsert(String text) {
    if (!(parsedDml(text) instanceof SqlInsert si)) {
      throw new SqlError(SqlState.SYNTAX_ERROR, "expected an INSERT statement");
    }
    return si;
  }

  private StatementResult calcite(StatementContext sc, String sql, List<Object> params, ExecOptions opts,
      List<Object[]> sink) {
    // A query's plan is cached by its text: when it is, skip the parse that would only tell us
    // the text is a query (it dominated prepared point reads). Only query plans are cached under
    // this key. A set of texts known to be queries used to decide this; most texts of an ad-hoc
    // workload are seen once, and keeping each of them cost about 1% of a short query's time.
    String queryKey = QUERY_KEY_PREFIX + sql;
    if (sink == null) {
      PlannedQuery cached = queries.cached(sc, queryKey);
      if (cached != null) {
        return StatementResult.ofRows(cached.columns(), queries.run(sc, cached, params, opts.maxRows()));
      }
    }
    SqlNode node = parsedDml(sql);
    if (node.getKind().belongsTo(SqlKind.QUERY)) {
      if (sink != null) {
        throw new SqlError(SqlState.SYNTAX_ERROR, "RETURNING needs INSERT, UPDATE or DELETE");
      }
      // this parse is not cached anywhere, so the planner may have it (and mutate it) first
      SqlNode[] unused = {node};
      PlannedQuery p = queries.plan(sc, queryKey, () -> {
        SqlNode n = unused[0];
        unused[0] = null;
        return n != null ? n : CalciteParsing.parseQuery(sql, sql, 0);
      });
      return StatementResult.ofRows(p.columns(), queries.run(sc, p, params, opts.maxRows()));
    }
    switch (node.getKind()) {
      case INSERT:
        return dml.insert(sc, (SqlInsert) node, null, sql, () -> CalciteParsing.parseStatement(sql, sql, 0),
            params, opts, sink);
      case UPDATE:
        return dml.update(sc, (SqlUpdate) node, sql, () -> CalciteParsing.parseStatement(sql, sql, 0), params,
            sink);
      case DELETE:
        return dml.delete(sc, (SqlDelete) node, sql, () -> CalciteParsing.parseStatement(sql, sql, 0), params,
            sink);
      default:
        throw new SqlError(SqlState.FEATURE_NOT_SUPPORTED,
            node.getKind() + " statements are not supported");
    }
  }

  /** Runs the data-changing statement, collecting written rows, and returns the asked-for columns. */
  private StatementResult returning(StatementContext sc, Stmt.Returning ret, String sql, List<Object> params,
      ExecOptions opts) {
    String dmlSql = ret.dml() instanceof Stmt.Calcite c ? c.sql()
        : ret.dml() instanceof Stmt.Insert i ? i.insertSql() : null;
    if (dmlSql == null) {
      throw new SqlError(SqlState.SYNTAX_ERROR, "RETURNING needs INSERT, UPDATE or DELETE");
    }
    io.shaledb.sql.catalog.TableDescriptor t = dml.targetOf(sc, CalciteParsing.parseStatement(dmlSql, dmlSql, 0));
    List<io.shaledb.sql.catalog.ColumnDescriptor> cols = new ArrayList<>();
    if (ret.columns().isEmpty()) {
      cols.addAll(t.visibleColumns());
    } else {
      for (String name : ret.columns()) {
        cols.add(t.column(name).orElseThrow(() -> new SqlError(SqlState.UNDEFINED_COLUMN,
            "column \"" + name + "\" does not exist")));
      }
    }
    List<Object[]> written = new ArrayList<>();
    StatementResult r = execute(sc, ret.dml(), sql, params, opts, written);
    List<ColumnMeta> metas = new ArrayList<>();
    int[] pos = new int[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      io.shaledb.sql.catalog.ColumnDescriptor c = cols.get(i);
      metas.add(TypeMapping.meta(c.name(), t.name(), c.type(), c.nullable()));
      pos[i] = t.columns().indexOf(c);
    }
    List<Object[]> rows = new ArrayList<>();
    for (Object[] w : written) {
      Object[] out = new Object[pos.length];
      for (int i = 0; i < pos.length; i++) {
        out[i] = w[pos[i]];
      }
      rows.add(out);
    }
    return new StatementResult(metas, rows, -1, r.commandTag(), r.generatedKeyColumns(), r.generatedKeys());
  }

  private StatementResult query(StatementContext sc, String sql, List<Object> params, ExecOptions opts) {
    return query(sc, sql, params, opts, () -> CalciteParsing.parseQuery(sql, sql, 0));
  }

  private StatementResult query(StatementContext sc, String sql, List<Object> params, ExecOptions opts,
      java.util.function.Supplier<SqlNode> parse) {
    PlannedQuery p = queries.plan(sc, QUERY_KEY_PREFIX + sql, parse);
    return StatementResult.ofRows(p.columns(), queries.run(sc, p, params, opts.maxRows()));
  }

  /** Plans (without running) the statement; for prepare: its parameter and result columns. */
  public PlannedQuery planOnly(StatementContext sc, Stmt stmt, List<Object> params) {
    return planOnly(sc, stmt, params, false);
  }

  /** As {@link #planOnly(StatementContext, Stmt, List)}; {@code forExplain}: the cost-based plan. */
  private PlannedQuery planOnly(StatementContext sc, Stmt stmt, List<Object> params, boolean forExplain) {
    if (stmt instanceof Stmt.Calcite c) {
      SqlNode node = CalciteParsing.parseStatement(c.sql(), c.sql(), 0);
      if (node.getKind().belongsTo(SqlKind.QUERY)) {
        return queries.plan(sc, QUERY_KEY_PREFIX + c.sql(), () -> CalciteParsing.parseQuery(c.sql(), c.sql(), 0),
            forExplain);
      }
      if (node.getKind() == SqlKind.UPDATE || node.getKind() == SqlKind.DELETE) {
        return dml.planFor(sc, node, c.sql(), () -> CalciteParsing.parseStatement(c.sql(), c.sql(), 0), params,
            forExplain);
      }
    }
    return null;
  }

  /** Parameter metadata for a prepared statement: one entry per {@code ?} (at least {@code count}). */
  public List<ColumnMeta> paramMetas(StatementContext sc, Stmt stmt, PlannedQuery plan, int count) {
    List<ColumnMeta> out = new ArrayList<>();
    java.util.Map<Integer, ColumnMeta> direct = java.util.Map.of();
    String dmlSql = stmt instanceof Stmt.Calcite c ? c.sql() : stmt instanceof Stmt.Insert i ? i.insertSql() : null;
    if (dmlSql != null) {
      SqlNode node = CalciteParsing.parseStatement(dmlSql, dmlSql, 0);
      if (node instanceof SqlInsert || node instanceof SqlUpdate) {
        direct = dml.directParamTypes(sc, node);
      }
    }
    for (int i = 0; i < count; i++) {
      ColumnMeta m = direct.get(i);
      if (m == null && plan != null && i < plan.paramTypes().size() && plan.paramTypes().get(i) != null) {
        m = TypeMapping.meta("", "", plan.paramTypes().get(i));
      }
      out.add(m != null ? new ColumnMeta("$" + (i + 1), "", m.jdbcType(), m.typeName(), m.precision(),
          m.scale(), true) : new ColumnMeta("$" + (i + 1), "", Types.VARCHAR, "TEXT", 0, 0, true));
    }
    return out;
  }

  private StatementResult explain(StatementContext sc, Stmt.Explain ex, List<Object> params) {
    Stmt inner = StatementParser.parse(ex.inner());
    PlannedQuery plan;
    List<String> lines = new ArrayList<>();
    try {
      plan = planOnly(sc, inner, params, true);
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate(e, ex.inner(), ex.offset());
    }
    if (plan == null) {
      throw new SqlError(SqlState.FEATURE_NOT_SUPPORTED,
          "EXPLAIN supports queries, UPDATE and DELETE");
    }
    if (inner instanceof Stmt.Calcite c) {
      String head = c.sql().trim().split("\\s+")[0].toLowerCase();
      if (head.equals("update") || head.equals("delete")) {
        lines.add(head + " rows read by:");
      }
    }
    if (plan.planText() == null) {
      throw new IllegalStateException("EXPLAIN got a plan made only to run");
    }
    for (String l : plan.planText().split("\n")) {
      if (!l.isBlank()) {
        lines.add(l.replace(io.shaledb.sql.schema.ShaleSchema.WITH_HIDDEN_SUFFIX, ""));
      }
    }
    for (io.shaledb.sql.plan.ScanSpec scan : plan.scans()) {
      IndexChoice choice = IndexSelector.choose(scan.table().descriptor(), scan.table().exposedColumns(),
          scan.conjuncts(), ec.rows(), i -> {
            if (i < params.size() && i < plan.paramTypes().size() && plan.paramTypes().get(i) != null) {
              return TypeMapping.paramToInternal(params.get(i), plan.paramTypes().get(i));
            }
            return IndexSelector.UNKNOWN;
          });
      lines.add(choice.describe(scan.table().descriptor()));
    }
    List<Object[]> rows = new ArrayList<>();
    for (String l : lines) {
      rows.add(new Object[] {l});
    }
    return StatementResult.ofRows(List.of(INFO), rows);
  }
}
