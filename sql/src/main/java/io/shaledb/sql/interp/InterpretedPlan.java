package io.shaledb.sql.interp;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.runtime.Bindable;

/**
 * A compiled operator tree behind Calcite's {@link Bindable} interface, so a planned query runs
 * the same way whether it was interpreted or code-generated: each {@link #bind} runs the whole
 * plan in a fresh {@link ExecFrame} and yields its rows ({@code Object[]} each). Immutable;
 * thread-safe.
 */
public final class InterpretedPlan implements Bindable<Object> {
  private final Operator root;

  public InterpretedPlan(Operator root) {
    this.root = root;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Enumerable<Object> bind(DataContext context) {
    List<Object[]> rows = root.rows(new ExecFrame(context));
    return Linq4j.asEnumerable((List<Object>) (List) rows);
  }
}
