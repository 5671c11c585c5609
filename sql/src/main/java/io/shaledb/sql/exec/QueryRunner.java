package io.shaledb.sql.exec;

import io.shaledb.sql.plan.PlannedQuery;
import io.shaledb.sql.plan.QueryPlanner;
import io.shaledb.sql.schema.StatementContext;
import io.shaledb.txn.KvTxn;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlNode;

/**
 * Plans queries (through the plan cache) and runs them in a statement's transaction. Stateless
 * apart from the shared engine context; thread-safe.
 */
public final class QueryRunner {
  private final EngineContext ec;

  public QueryRunner(EngineContext ec) {
    this.ec = ec;
  }

  /**
   * The plan for a query, from the cache when {@code cacheKey} is non-null and still valid.
   *
   * @param query supplies a freshly parsed query (validation mutates SqlNodes, so never reuse one)
   */
  public PlannedQuery plan(StatementContext sc, String cacheKey, Supplier<SqlNode> query) {
    return plan(sc, cacheKey, query, false);
  }

  /**
   * As {@link #plan(StatementContext, String, Supplier)}; {@code forExplain} asks for the
   * cost-based plan EXPLAIN shows (cached apart from the plans statements run with); see
   * {@link QueryPlanner#costBasedOnly()}.
   */
  public PlannedQuery plan(StatementContext sc, String cacheKey, Supplier<SqlNode> query, boolean forExplain) {
    String key = cacheKey == null ? null : key(sc, cacheKey, forExplain);
    PlannedQuery p = key == null ? null : ec.plans().get(key, ec.catalog(), sc.txn(), sc.databaseId());
    if (p == null) {
      long t0 = io.shaledb.sql.plan.PlanPhase.start();
      boolean costBasedOnly = !forExplain && QueryPlanner.costBasedOnly();
      QueryPlanner planner = new QueryPlanner(ec.catalog(), sc.txn(), sc.databaseId(), sc.database(),
          forExplain || costBasedOnly);
      io.shaledb.sql.plan.PlanPhase.SETUP.end(t0);
      try {
        p = forExplain ? planner.plan(query.get(), false)
            : costBasedOnly ? planner.planAgain(query.get())
            : planner.plan(query.get());
      } catch (QueryPlanner.NeedsCostBasedPlanning e) {
        // the interpreter cannot run the heuristic plan: the same conversion, then the cost-based
        // optimiser and Enumerable
        p = new QueryPlanner(ec.catalog(), sc.txn(), sc.databaseId(), sc.database(), true).planAgain(query.get());
      }
      if (key != null) {
        ec.plans().put(key, p);
      }
    }
    return p;
  }

  /** The cached plan for {@code cacheKey} (as {@link #plan} would use it), or null: plans nothing. */
  public PlannedQuery cached(StatementContext sc, String cacheKey) {
    return ec.plans().get(key(sc, cacheKey, false), ec.catalog(), sc.txn(), sc.databaseId());
  }

  private static String key(StatementContext sc, String cacheKey, boolean forExplain) {
    return sc.databaseId() + (forExplain ? "\u0000EXPLAIN\u0000" : "\u0000") + cacheKey;
  }

  /** Runs a plan in the statement's transaction; rows in canonical Java types. */
  public List<Object[]> run(StatementContext sc, PlannedQuery p, List<Object> params, int maxRows) {
    long t0 = io.shaledb.sql.plan.PlanPhase.start();
    try {
      return p.execute(sc, params, ec.clockMillis().getAsLong(), maxRows);
    } catch (LinkageError e) {
      // constant expressions are evaluated in the generated class's initialiser (e.g. 1/0);
      // such a class can never run again, so the plan must not stay cached
      ec.plans().evict(p);
      throw e;
    } finally {
      io.shaledb.sql.plan.PlanPhase.EXECUTE.end(t0);
    }
  }
}
