package io.shaledb.sql.interp;

import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.DataContext;

/**
 * The state of one run of a compiled plan: the data context (statement, parameters, clock) and
 * the current row of every correlation variable. Not thread-safe; lives for one run.
 */
public final class ExecFrame {
  private final DataContext context;
  private final Map<Integer, Object[]> correlated = new HashMap<>();
  private Map<Object, Object> results;

  public ExecFrame(DataContext context) {
    this.context = context;
  }

  public DataContext context() {
    return context;
  }

  /** The row bound to correlation variable {@code id}; throws if none is bound. */
  Object[] correlated(int id) {
    Object[] row = correlated.get(id);
    if (row == null) {
      throw new IllegalStateException("correlation variable $cor" + id + " is not bound");
    }
    return row;
  }

  void bind(int id, Object[] row) {
    correlated.put(id, row);
  }

  /** The value {@code compute} gives, computed once per run for {@code key} (uncorrelated sub-queries). */
  @SuppressWarnings("unchecked")
  <T> T once(Object key, java.util.function.Supplier<T> compute) {
    if (results == null) {
      results = new java.util.IdentityHashMap<>();
    }
    Object v = results.get(key);
    if (v == null && !results.containsKey(key)) {
      v = compute.get();
      results.put(key, v);
    }
    return (T) v;
  }
}
