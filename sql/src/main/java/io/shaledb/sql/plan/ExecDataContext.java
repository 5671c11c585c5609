package io.shaledb.sql.plan;

import io.shaledb.sql.schema.StatementContext;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The {@link DataContext} one execution of a plan runs with: the statement context, the bound
 * parameters (as {@code ?0}, {@code ?1}, ... in Calcite's internal representation), the
 * statement time and the plan's own stashed values. Lives for one execution.
 */
final class ExecDataContext implements DataContext {
  private final PlannedQuery plan;
  private final StatementContext statement;
  private final List<Object> params;
  private final long nowMillis;
  private final AtomicBoolean cancel = new AtomicBoolean();

  ExecDataContext(PlannedQuery plan, StatementContext statement, List<Object> params, long nowMillis) {
    this.plan = plan;
    this.statement = statement;
    this.params = params;
    this.nowMillis = nowMillis;
  }

  private SchemaPlus rootSchema;

  /**
   * A root schema resolving tables through this execution's transaction (generated code may look
   * tables up at run time; the planning transaction is long finished).
   */
  @Override
  public SchemaPlus getRootSchema() {
    if (rootSchema == null) {
      rootSchema = QueryPlanner.rootSchema(statement.catalog(), statement.txn(), statement.databaseId());
    }
    return rootSchema;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return plan.typeFactory();
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    if (name.startsWith("?")) {
      int i = Integer.parseInt(name.substring(1));
      return i < params.size() ? params.get(i) : null;
    }
    switch (name) {
      case StatementContext.KEY:
        return statement;
      case "currentTimestamp":
      case "localTimestamp":
      case "utcTimestamp":
        return nowMillis;
      case "timeZone":
        return TimeZone.getTimeZone("UTC");
      case "locale":
        return java.util.Locale.ROOT;
      case "cancelFlag":
        return cancel;
      case "user":
      case "systemUser":
        return "root";
      default:
        Map<String, Object> internal = plan.internalParameters();
        return internal.get(name);
    }
  }
}
