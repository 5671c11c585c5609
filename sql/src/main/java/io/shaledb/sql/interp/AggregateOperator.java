package io.shaledb.sql.interp;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * GROUP BY (plain, or GROUPING SETS): group keys first, then one value per aggregate call. Without
 * group keys exactly one row is produced, even from no input. Groups come out in order of first
 * appearance.
 */
final class AggregateOperator {
  private AggregateOperator() {}

  /** How one aggregate call folds the values of a group. */
  private interface Fold {
    Object apply(List<Object[]> rows);
  }

  static Operator of(Aggregate agg, Operator input) {
    int[] groups = agg.getGroupSet().toArray();
    if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
      return groupingSets(agg, input, groups);
    }
    List<Fold> folds = new ArrayList<>();
    for (AggregateCall call : agg.getAggCallList()) {
      folds.add(fold(call, agg.getInput().getRowType()));
    }
    boolean scalar = groups.length == 0;
    return frame -> grouped(input.rows(frame), groups, groups, folds, scalar);
  }

  /**
   * GROUPING SETS (Calcite's expansion of several DISTINCT aggregates produces them): each set
   * grouped on its own, the keys outside it NULL, GROUPING(...) the bit mask of the keys outside
   * it (first argument most significant), as PostgreSQL computes it.
   */
  private static Operator groupingSets(Aggregate agg, Operator input, int[] groups) {
    List<int[]> sets = new ArrayList<>();
    agg.getGroupSets().forEach(gs -> sets.add(gs.toArray()));
    List<Fold> folds = new ArrayList<>();
    List<int[]> groupingArgs = new ArrayList<>();
    for (AggregateCall call : agg.getAggCallList()) {
      org.apache.calcite.sql.SqlKind kind = call.getAggregation().getKind();
      if (kind == org.apache.calcite.sql.SqlKind.GROUPING) {
        groupingArgs.add(call.getArgList().stream().mapToInt(Integer::intValue).toArray());
        folds.add(null);
      } else if (kind == org.apache.calcite.sql.SqlKind.GROUP_ID || kind == org.apache.calcite.sql.SqlKind.GROUPING_ID) {
        throw new NotInterpretableException(kind.toString());
      } else {
        groupingArgs.add(null);
        folds.add(fold(call, agg.getInput().getRowType()));
      }
    }
    return frame -> {
      List<Object[]> rows = input.rows(frame);
      List<Object[]> out = new ArrayList<>();
      for (int[] set : sets) {
        List<Fold> setFolds = new ArrayList<>(folds);
        for (int i = 0; i < setFolds.size(); i++) {
          int[] args = groupingArgs.get(i);
          if (args != null) {
            long mask = 0;
            for (int arg : args) {
              mask = (mask << 1) | (Arrays.stream(set).anyMatch(k -> k == arg) ? 0 : 1);
            }
            Object value = InternalValues.toNumeric(mask, agg.getAggCallList().get(i).getType().getSqlTypeName());
            setFolds.set(i, values -> value);
          }
        }
        out.addAll(grouped(rows, set, groups, setFolds, set.length == 0));
      }
      return out;
    };
  }

  /**
   * {@code rows} grouped on the {@code keys} (a subset of {@code outKeys}, the output's key
   * columns; the others come out NULL), one row per group in order of first appearance; one row
   * from no input when {@code scalar}.
   */
  private static List<Object[]> grouped(List<Object[]> input, int[] keys, int[] outKeys, List<Fold> folds,
      boolean scalar) {
    Map<List<Object>, List<Object[]>> byGroup = new LinkedHashMap<>();
    for (Object[] row : input) {
      Object[] k = new Object[keys.length];
      for (int i = 0; i < keys.length; i++) {
        Object v = row[keys[i]];
        k[i] = v == null ? null : InternalValues.key(v);
      }
      byGroup.computeIfAbsent(Arrays.asList(k), x -> new ArrayList<>()).add(row);
    }
    if (scalar && byGroup.isEmpty()) {
      byGroup.put(List.of(), List.of());
    }
    List<Object[]> out = new ArrayList<>(byGroup.size());
    for (List<Object[]> rows : byGroup.values()) {
      Object[] r = new Object[outKeys.length + folds.size()];
      for (int i = 0; i < outKeys.length; i++) {
        int key = outKeys[i];
        r[i] = rows.isEmpty() || Arrays.stream(keys).noneMatch(k -> k == key) ? null : rows.get(0)[key];
      }
      for (int i = 0; i < folds.size(); i++) {
        r[outKeys.length + i] = folds.get(i).apply(rows);
      }
      out.add(r);
    }
    return out;
  }

  private static Fold fold(AggregateCall call, RelDataType inputType) {
    List<Integer> args = call.getArgList();
    int filter = call.filterArg;
    boolean distinct = call.isDistinct();
    RelDataType type = call.getType();
    SqlTypeName t = type.getSqlTypeName();
    SqlTypeName argType = args.isEmpty() ? null : inputType.getFieldList().get(args.get(0)).getType().getSqlTypeName();
    Fold body = switch (call.getAggregation().getKind()) {
      case COUNT -> values -> (long) values.size();
      case SUM, SUM0 -> {
        requireNumeric(argType, t);
        boolean zero = call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.SUM0;
        yield values -> sum(values, t, zero);
      }
      case MIN, MAX -> {
        boolean max = call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.MAX;
        if (argType != t) {
          throw new NotInterpretableException("MIN/MAX changing type");
        }
        yield values -> {
          Object best = null;
          for (Object[] v : values) {
            if (best == null || (InternalValues.compare(v[0], best) > 0) == max
                && InternalValues.compare(v[0], best) != 0) {
              best = v[0];
            }
          }
          return best;
        };
      }
      case AVG -> {
        requireNumeric(argType, t);
        if (!(InternalValues.isApprox(t) || t == SqlTypeName.DECIMAL)) {
          throw new NotInterpretableException("AVG of type " + t);
        }
        int scale = type.getScale();
        yield values -> {
          if (values.isEmpty()) {
            return null;
          }
          if (InternalValues.isApprox(t)) {
            double s = 0;
            for (Object[] v : values) {
              s += ((Number) v[0]).doubleValue();
            }
            return InternalValues.toNumeric(s / values.size(), t);
          }
          BigDecimal s = BigDecimal.ZERO;
          for (Object[] v : values) {
            s = s.add(InternalValues.decimal(v[0]));
          }
          return s.divide(BigDecimal.valueOf(values.size()), scale, RoundingMode.HALF_UP);
        };
      }
      case SINGLE_VALUE -> values -> {
        if (values.size() > 1) {
          throw new SqlError(SqlState.CARDINALITY_VIOLATION,
              "more than one row returned by a subquery used as an expression");
        }
        return values.isEmpty() ? null : values.get(0)[0];
      };
      case LITERAL_AGG -> {
        if (call.rexList.size() != 1 || !(call.rexList.get(0) instanceof RexLiteral lit)) {
          throw new NotInterpretableException("LITERAL_AGG " + call);
        }
        Object v = RexCompiler.literal(lit);
        yield values -> v;
      }
      default -> throw new NotInterpretableException("aggregate " + call.getAggregation());
    };
    boolean countStar = args.isEmpty();
    boolean keepNulls = call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.SINGLE_VALUE
        || call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.LITERAL_AGG;
    int[] argIdx = args.stream().mapToInt(Integer::intValue).toArray();
    return rows -> {
      List<Object[]> values = new ArrayList<>();
      Set<List<Object>> seen = distinct ? new HashSet<>() : null;
      for (Object[] row : rows) {
        if (filter >= 0 && !Boolean.TRUE.equals(row[filter])) {
          continue;
        }
        Object[] v = new Object[argIdx.length];
        boolean hasNull = false;
        for (int i = 0; i < argIdx.length; i++) {
          v[i] = row[argIdx[i]];
          hasNull |= v[i] == null;
        }
        if (hasNull && !countStar && !keepNulls) {
          continue;
        }
        if (seen != null && !seen.add(RelCompiler.rowKey(v))) {
          continue;
        }
        values.add(v);
      }
      return body.apply(values);
    };
  }

  private static void requireNumeric(SqlTypeName arg, SqlTypeName result) {
    if (arg == null || !InternalValues.isNumeric(arg) || !InternalValues.isNumeric(result)) {
      throw new NotInterpretableException("numeric aggregate over " + arg);
    }
    if (InternalValues.isApprox(arg) && !InternalValues.isApprox(result)) {
      throw new NotInterpretableException("approximate sum into an exact type");
    }
  }

  private static Object sum(List<Object[]> values, SqlTypeName t, boolean zero) {
    if (values.isEmpty()) {
      return zero ? InternalValues.toNumeric(0L, t) : null;
    }
    if (InternalValues.isExactInteger(t)) {
      long s = 0;
      try {
        for (Object[] v : values) {
          s = Math.addExact(s, ((Number) v[0]).longValue());
        }
      } catch (ArithmeticException e) {
        throw new ArithmeticException("bigint out of range");
      }
      return InternalValues.boxInteger(s, t);
    }
    if (t == SqlTypeName.DECIMAL) {
      BigDecimal s = BigDecimal.ZERO;
      for (Object[] v : values) {
        s = s.add(InternalValues.decimal(v[0]));
      }
      return s;
    }
    double s = 0;
    for (Object[] v : values) {
      s += ((Number) v[0]).doubleValue();
    }
    return InternalValues.toNumeric(s, t);
  }
}
