package io.shaledb.sql.rowenc;

import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bounds on an index's key columns: equal values for a prefix, then an optional range on the
 * next column. Unconstrained (all empty) = the whole index. NULL in eqPrefix never matches; a
 * null {@code lower}/{@code upper} means that side is open. Values are in SQL order (also for
 * descending columns) and may be of any Java type comparable with the column (e.g. a Double
 * bound on an INTEGER column); {@link RowStore#scan} converts them, possibly widening the range,
 * never narrowing it.
 *
 * @param eqPrefix values the first key columns must equal (null list = empty)
 * @param lower lower bound of the next key column, or null
 * @param lowerInclusive {@code >=} rather than {@code >}
 * @param upper upper bound of the next key column, or null
 * @param upperInclusive {@code <=} rather than {@code <}
 */
public record IndexBounds(List<Object> eqPrefix, Object lower, boolean lowerInclusive,
                          Object upper, boolean upperInclusive) {

  public IndexBounds {
    // Not List.copyOf: a NULL equality value is legal (it matches nothing).
    eqPrefix = eqPrefix == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(eqPrefix));
  }

  public static IndexBounds all() {
    return new IndexBounds(List.of(), null, false, null, false);
  }

  /** Whether the bounds constrain nothing. */
  public boolean isAll() {
    return eqPrefix.isEmpty() && lower == null && upper == null;
  }

  /**
   * The span for EXPLAIN, in SQL order: {@code /Table/52/1/5 - /Table/52/1/9}; an exclusive bound
   * is marked {@code (excl)}; an open side stops at the equality prefix; no range prints only the
   * prefix, e.g. {@code /Table/52/2/'a'}.
   */
  public String describe(TableDescriptor t, IndexDescriptor i) {
    StringBuilder base = new StringBuilder("/Table/").append(t.id()).append('/').append(i.id());
    for (Object v : eqPrefix) {
      base.append('/').append(render(v));
    }
    if (lower == null && upper == null) {
      return base.toString();
    }
    String from = lower == null ? base.toString()
        : base + "/" + render(lower) + (lowerInclusive ? "" : " (excl)");
    String to = upper == null ? base.toString()
        : base + "/" + render(upper) + (upperInclusive ? "" : " (excl)");
    return from + " - " + to;
  }

  private static String render(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    return ValueCoercion.textOf(v);
  }
}
