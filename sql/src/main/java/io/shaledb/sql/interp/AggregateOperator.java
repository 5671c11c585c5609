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
 * GROUP BY with plain grouping (no GROUPING SETS): group keys first, then one value per aggregate
 * call. Without group keys exactly one row is produced, even from no input. Groups come out in
 * order of first appearance.
 */
final class AggregateOperator {
  private AggregateOperator() {}

  /** How one aggregate call folds the values of a group. */
  private interface Fold {
    Object apply(List<Object[]> rows);
  }

  static Operator of(Aggregate agg, Operator input) {
    if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
      throw new NotInterpretableException("GROUPING SETS");
    }
    int[] groups = agg.getGroupSet().toArray();
    List<Fold> folds = new ArrayList<>();
    for (AggregateCall call : agg.getAggCallList()) {
      folds.add(fold(call, agg.getInput().getRowType()));
    }
    boolean scalar = groups.length == 0;
    return frame -> {
      Map<List<Object>, List<Object[]>> byGroup = new LinkedHashMap<>();
      for (Object[] row : input.rows(frame)) {
        Object[] k = new Object[groups.length];
        for (int i = 0; i < groups.length; i++) {
          Object v = row[groups[i]];
          k[i] = v == null ? null : InternalValues.key(v);
        }
        byGroup.computeIfAbsent(Arrays.asList(k), x -> new ArrayList<>()).add(row);
      }
      if (scalar && byGroup.isEmpty()) {
        byGroup.put(List.of(), List.of());
      }
      List<Object[]> out = new ArrayList<>(byGroup.size());
      for (List<Object[]> rows : byGroup.values()) {
        Object[] r = new Object[groups.length + folds.size()];
        for (int i = 0; i < groups.length; i++) {
          r[i] = rows.get(0)[groups[i]];
        }
        for (int i = 0; i < folds.size(); i++) {
          r[groups.length + i] = folds.get(i).apply(rows);
        }
        out.add(r);
      }
      return out;
    };
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
