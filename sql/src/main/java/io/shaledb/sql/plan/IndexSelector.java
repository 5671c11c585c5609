package io.shaledb.sql.plan;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.sql.rowenc.IndexBounds;
import io.shaledb.sql.rowenc.RowStore;
import io.shaledb.sql.schema.TypeMapping;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;
import com.google.common.collect.BoundType;
import com.google.common.collect.Range;

/**
 * Chooses the index and key bounds for a scan from the filters on it: equality on every primary
 * key column is a point read; equalities on a key prefix plus a range on the next key column are a
 * span scan of that index; anything else is a full scan of the primary index. The bounds are never
 * narrower than the predicate (conjuncts it cannot use are ignored), so the caller must still
 * apply the complete filter to the rows read. Pure; thread-safe.
 */
public final class IndexSelector {
  /** What a parameter resolver returns for a parameter whose value is not known (EXPLAIN). */
  public static final Object UNKNOWN = new Object();

  private IndexSelector() {}

  private record Bound(Object value, boolean inclusive) {}

  private static final class ColumnConstraint {
    Object eq;
    boolean hasEq;
    Bound lower;
    Bound upper;
  }

  /**
   * @param exposed the columns in the order the filters' input references number them
   * @param params resolves a dynamic parameter index to its Calcite-internal value, or {@link #UNKNOWN}
   */
  public static IndexChoice choose(TableDescriptor table, List<ColumnDescriptor> exposed,
      List<RexNode> filters, RowStore rows, IntFunction<Object> params) {
    Map<Integer, ColumnConstraint> byColumnId = new HashMap<>();
    for (RexNode f : filters) {
      for (RexNode c : RelOptUtil.conjunctions(f)) {
        analyze(c, exposed, rows, params, byColumnId);
      }
    }
    IndexDescriptor best = table.primaryIndex();
    int bestScore = 0;
    List<IndexDescriptor> candidates = new ArrayList<>();
    candidates.add(table.primaryIndex());
    candidates.addAll(table.secondaryIndexes());
    for (IndexDescriptor idx : candidates) {
      int score = score(idx, byColumnId);
      if (score > bestScore) {
        best = idx;
        bestScore = score;
      }
    }
    if (bestScore == 0) {
      return new IndexChoice(table.primaryIndex(), IndexBounds.all(), false);
    }
    List<Object> eq = new ArrayList<>();
    boolean unknown = false;
    int k = 0;
    for (; k < best.columnIds().size(); k++) {
      ColumnConstraint cc = byColumnId.get(best.columnIds().get(k));
      if (cc == null || !cc.hasEq) {
        break;
      }
      unknown |= cc.eq == UNKNOWN;
      eq.add(cc.eq);
    }
    boolean point = best.isPrimary() && k == best.columnIds().size();
    Bound lower = null;
    Bound upper = null;
    if (!point && k < best.columnIds().size() && !best.descending().get(k)) {
      ColumnConstraint cc = byColumnId.get(best.columnIds().get(k));
      if (cc != null) {
        lower = cc.lower;
        upper = cc.upper;
        unknown |= lower != null && lower.value == UNKNOWN || upper != null && upper.value == UNKNOWN;
      }
    }
    if (unknown) {
      return new IndexChoice(best, null, point);
    }
    IndexBounds bounds = new IndexBounds(eq, lower == null ? null : lower.value,
        lower != null && lower.inclusive, upper == null ? null : upper.value,
        upper != null && upper.inclusive);
    return new IndexChoice(best, bounds, point);
  }

  private static int score(IndexDescriptor idx, Map<Integer, ColumnConstraint> cons) {
    int k = 0;
    while (k < idx.columnIds().size()) {
      ColumnConstraint cc = cons.get(idx.columnIds().get(k));
      if (cc == null || !cc.hasEq) {
        break;
      }
      k++;
    }
    if (idx.isPrimary() && k == idx.columnIds().size()) {
      return 1_000_000;
    }
    int score = 4 * k;
    if (k < idx.columnIds().size() && !idx.descending().get(k)) {
      ColumnConstraint cc = cons.get(idx.columnIds().get(k));
      if (cc != null && (cc.lower != null || cc.upper != null)) {
        score += 2;
      }
    }
    if (score > 0 && idx.isPrimary()) {
      score += 1; // no index join needed
    }
    if (idx.unique() && k == idx.columnIds().size() && k > 0) {
      score += 3;
    }
    return score;
  }

  private static void analyze(RexNode c, List<ColumnDescriptor> exposed, RowStore rows,
      IntFunction<Object> params, Map<Integer, ColumnConstraint> out) {
    if (!(c instanceof RexCall call)) {
      return;
    }
    SqlKind kind = call.getKind();
    if (kind == SqlKind.SEARCH) {
      analyzeSearch(call, exposed, rows, out);
      return;
    }
    if (!(kind == SqlKind.EQUALS || kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL
        || kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL)) {
      return;
    }
    RexNode a = RexUtil.removeCast(call.operands.get(0));
    RexNode b = RexUtil.removeCast(call.operands.get(1));
    if (!(a instanceof RexInputRef) && b instanceof RexInputRef) {
      RexNode t = a;
      a = b;
      b = t;
      kind = kind.reverse();
    }
    if (!(a instanceof RexInputRef ref) || ref.getIndex() >= exposed.size()) {
      return;
    }
    Object raw;
    if (b instanceof RexLiteral lit) {
      raw = literalValue(lit);
    } else if (b instanceof RexDynamicParam p) {
      Object v = params.apply(p.getIndex());
      raw = v == UNKNOWN ? UNKNOWN : TypeMapping.toCanonical(v, p.getType());
    } else {
      return;
    }
    ColumnDescriptor col = exposed.get(ref.getIndex());
    Object v = raw == UNKNOWN ? UNKNOWN : exact(col, raw, rows);
    if (v == NOT_EXACT) {
      return;
    }
    ColumnConstraint cc = out.computeIfAbsent(col.id(), x -> new ColumnConstraint());
    switch (kind) {
      case EQUALS -> {
        if (!cc.hasEq) {
          cc.hasEq = true;
          cc.eq = v;
        }
      }
      case LESS_THAN -> cc.upper = cc.upper != null ? cc.upper : new Bound(v, false);
      case LESS_THAN_OR_EQUAL -> cc.upper = cc.upper != null ? cc.upper : new Bound(v, true);
      case GREATER_THAN -> cc.lower = cc.lower != null ? cc.lower : new Bound(v, false);
      case GREATER_THAN_OR_EQUAL -> cc.lower = cc.lower != null ? cc.lower : new Bound(v, true);
      default -> { }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void analyzeSearch(RexCall call, List<ColumnDescriptor> exposed, RowStore rows,
      Map<Integer, ColumnConstraint> out) {
    RexNode a = RexUtil.removeCast(call.operands.get(0));
    if (!(a instanceof RexInputRef ref) || ref.getIndex() >= exposed.size()
        || !(call.operands.get(1) instanceof RexLiteral lit)) {
      return;
    }
    Sarg sarg = lit.getValueAs(Sarg.class);
    if (sarg == null || sarg.rangeSet.asRanges().size() != 1
        || sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.TRUE) {
      return; // several ranges, or NULL matches too (x = 1 OR x IS NULL): no single key span
    }
    ColumnDescriptor col = exposed.get(ref.getIndex());
    Range r = (Range) sarg.rangeSet.asRanges().iterator().next();
    ColumnConstraint cc = out.computeIfAbsent(col.id(), x -> new ColumnConstraint());
    if (r.hasLowerBound() && r.hasUpperBound() && r.lowerEndpoint().equals(r.upperEndpoint())
        && r.lowerBoundType() == BoundType.CLOSED && r.upperBoundType() == BoundType.CLOSED) {
      Object v = exact(col, comparableValue(r.lowerEndpoint()), rows);
      if (v != NOT_EXACT && !cc.hasEq) {
        cc.hasEq = true;
        cc.eq = v;
      }
      return;
    }
    if (r.hasLowerBound() && cc.lower == null) {
      Object v = exact(col, comparableValue(r.lowerEndpoint()), rows);
      if (v != NOT_EXACT) {
        cc.lower = new Bound(v, r.lowerBoundType() == BoundType.CLOSED);
      }
    }
    if (r.hasUpperBound() && cc.upper == null) {
      Object v = exact(col, comparableValue(r.upperEndpoint()), rows);
      if (v != NOT_EXACT) {
        cc.upper = new Bound(v, r.upperBoundType() == BoundType.CLOSED);
      }
    }
  }

  private static final Object NOT_EXACT = new Object();

  /** The value converted to the column's type, or NOT_EXACT if that would change it. */
  private static Object exact(ColumnDescriptor col, Object v, RowStore rows) {
    if (v == null) {
      return NOT_EXACT; // comparisons with NULL are never true; leave it to the filter
    }
    SqlType.Kind k = col.type().kind();
    boolean integral = k == SqlType.Kind.SMALLINT || k == SqlType.Kind.INTEGER || k == SqlType.Kind.BIGINT;
    if (integral) {
      if (v instanceof BigDecimal bd && bd.stripTrailingZeros().scale() > 0) {
        return NOT_EXACT;
      }
      if ((v instanceof Double || v instanceof Float) && ((Number) v).doubleValue() != Math.rint(((Number) v).doubleValue())) {
        return NOT_EXACT;
      }
      if (v instanceof BigDecimal bd) {
        v = bd.longValue();
      } else if (v instanceof Double || v instanceof Float) {
        v = (long) ((Number) v).doubleValue();
      }
    }
    if ((k == SqlType.Kind.REAL || k == SqlType.Kind.DOUBLE) && !(v instanceof Number)) {
      return NOT_EXACT;
    }
    if (k == SqlType.Kind.REAL) {
      return NOT_EXACT; // float rounding makes key bounds unreliable
    }
    if (k == SqlType.Kind.DATE && v instanceof LocalDateTime ts && !ts.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      return NOT_EXACT; // a date bound from a timestamp with a time of day would be too narrow
    }
    try {
      Object c = rows.coerce(col, v);
      if (k == SqlType.Kind.DECIMAL && v instanceof BigDecimal bd && ((BigDecimal) c).compareTo(bd) != 0) {
        return NOT_EXACT;
      }
      if (k == SqlType.Kind.DOUBLE && v instanceof BigDecimal bd
          && BigDecimal.valueOf((Double) c).compareTo(bd) != 0) {
        return NOT_EXACT;
      }
      return c;
    } catch (RuntimeException e) {
      return NOT_EXACT;
    }
  }

  /** A literal's value in a canonical Java type. */
  static Object literalValue(RexLiteral lit) {
    if (lit.isNull()) {
      return null;
    }
    return switch (lit.getType().getSqlTypeName().getFamily() == null ? org.apache.calcite.sql.type.SqlTypeFamily.ANY
        : lit.getType().getSqlTypeName().getFamily()) {
      case NUMERIC -> lit.getValueAs(BigDecimal.class);
      case CHARACTER -> lit.getValueAs(String.class);
      case BOOLEAN -> lit.getValueAs(Boolean.class);
      case DATE -> LocalDate.parse(lit.getValueAs(DateString.class).toString());
      case TIMESTAMP -> LocalDateTime.parse(lit.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
      default -> comparableValue(lit.getValue());
    };
  }

  private static Object comparableValue(Object v) {
    if (v instanceof NlsString s) {
      return s.getValue();
    }
    if (v instanceof DateString d) {
      return LocalDate.parse(d.toString());
    }
    if (v instanceof TimestampString ts) {
      return LocalDateTime.parse(ts.toString().replace(' ', 'T'));
    }
    return v;
  }
}
