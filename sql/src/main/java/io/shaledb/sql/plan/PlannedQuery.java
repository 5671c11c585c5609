package io.shaledb.sql.plan;

import io.shaledb.sql.ColumnMeta;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.sql.schema.StatementContext;
import io.shaledb.sql.schema.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.Bindable;

/**
 * A planned, compiled query: runnable any number of times (each time in a new statement context
 * with new parameters) as long as the descriptors it was planned against are unchanged. Holds no
 * transaction, schema or optimiser state, so caching it pins nothing else.
 *
 * @param planText the optimised plan, for EXPLAIN (the plan tree itself is not kept: it pins the
 *     whole optimiser memo); null for plans made only to run (EXPLAIN asks for its own plan)
 * @param scans the table scans of the plan, for EXPLAIN
 * @param paramTypes parameter types indexed by parameter number; null where unused
 * @param tables descriptors the plan was built against, by name (the plan cache checks versions)
 */
public record PlannedQuery(
    Bindable<Object> bindable,
    String planText,
    List<ScanSpec> scans,
    JavaTypeFactory typeFactory,
    Map<String, Object> internalParameters,
    RelDataType rowType,
    List<ColumnMeta> columns,
    List<RelDataType> paramTypes,
    Map<String, TableDescriptor> tables) {

  /**
   * Runs the plan and returns rows in canonical Java types.
   *
   * @param params parameter values in canonical types (or Long/Double/String), one per {@code ?}
   * @param maxRows stop after this many rows; 0 = all
   */
  public List<Object[]> execute(StatementContext sc, List<Object> params, long nowMillis, int maxRows) {
    List<Object> internal = new ArrayList<>(paramTypes.size());
    for (int i = 0; i < paramTypes.size(); i++) {
      if (paramTypes.get(i) == null) {
        internal.add(null);
        continue;
      }
      if (i >= params.size()) {
        throw new SqlError(SqlState.UNDEFINED_PARAMETER, "no value supplied for parameter $" + (i + 1));
      }
      internal.add(TypeMapping.paramToInternal(params.get(i), paramTypes.get(i)));
    }
    ExecDataContext ctx = new ExecDataContext(this, sc, internal, nowMillis);
    Enumerable<Object> e = bindable.bind(ctx);
    int n = rowType.getFieldCount();
    List<RelDataType> types = rowType.getFieldList().stream().map(f -> f.getType()).toList();
    List<Object[]> out = new ArrayList<>();
    try (Enumerator<Object> it = e.enumerator()) {
      while (it.moveNext()) {
        Object cur = it.current();
        Object[] row = n == 1 && !(cur instanceof Object[]) ? new Object[] {cur} : (Object[]) cur;
        Object[] canon = new Object[n];
        for (int i = 0; i < n; i++) {
          canon[i] = TypeMapping.toCanonical(row[i], types.get(i));
        }
        out.add(canon);
        if (maxRows > 0 && out.size() >= maxRows) {
          break;
        }
      }
    }
    return out;
  }
}
