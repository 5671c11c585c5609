package io.shaledb.sql.interp;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;

/**
 * Folds a strict operator (comparison, arithmetic, negation, CAST) with a NULL literal operand to
 * a NULL literal of its type, and NOT, AND and OR of nothing but NULL literals to NULL, bottom-up.
 * PostgreSQL's planner does the same, so the other operand is never evaluated and cannot raise.
 */
final class NullFolding extends RexShuttle {
  private static final Set<SqlKind> STRICT = EnumSet.of(
      SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
      SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
      SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD,
      SqlKind.CHECKED_PLUS, SqlKind.CHECKED_MINUS, SqlKind.CHECKED_TIMES, SqlKind.CHECKED_DIVIDE,
      SqlKind.MINUS_PREFIX, SqlKind.CHECKED_MINUS_PREFIX, SqlKind.PLUS_PREFIX, SqlKind.CAST);

  private final RexBuilder rexBuilder;

  NullFolding(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  /**
   * A filter condition (WHERE, ON, HAVING: a row passes only when it is TRUE) after NULL folding,
   * with NOT pushed through AND and OR (De Morgan holds in three-valued logic) and every NULL
   * literal reached through AND and OR taken as FALSE: an AND holding one is FALSE, an OR drops it.
   * In Kleene logic such a formula is TRUE with an unknown operand only when it is TRUE with that
   * operand FALSE, so no row changes its fate; the operands it removes are never evaluated, as
   * PostgreSQL's planner removes them from a qual ({@code WHERE x >= y / 0 AND NULL} raises nothing).
   */
  static RexNode condition(RexBuilder rexBuilder, RexNode cond) {
    return asFilter(rexBuilder, cond.accept(new NullFolding(rexBuilder)), false);
  }

  private static RexNode asFilter(RexBuilder b, RexNode n, boolean negated) {
    if (isNullLiteral(n)) {
      return b.makeLiteral(false);
    }
    if (n instanceof RexLiteral lit && lit.getValue() instanceof Boolean v) {
      return b.makeLiteral(v != negated);
    }
    if (!(n instanceof RexCall call)) {
      return negated ? b.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT, n) : n;
    }
    SqlKind kind = call.getKind();
    if (kind == SqlKind.NOT) {
      return asFilter(b, call.getOperands().get(0), !negated);
    }
    if (kind == SqlKind.AND || kind == SqlKind.OR) {
      boolean and = (kind == SqlKind.AND) != negated; // NOT(a AND b) = NOT a OR NOT b
      java.util.List<RexNode> kept = new java.util.ArrayList<>();
      for (RexNode o : call.getOperands()) {
        RexNode f = asFilter(b, o, negated);
        if (f.isAlwaysFalse()) {
          if (and) {
            return b.makeLiteral(false);
          }
          continue;
        }
        if (f.isAlwaysTrue()) {
          if (!and) {
            return b.makeLiteral(true);
          }
          continue;
        }
        kept.add(f);
      }
      if (kept.isEmpty()) {
        return b.makeLiteral(and);
      }
      return kept.size() == 1 ? kept.get(0)
          : b.makeCall(and ? org.apache.calcite.sql.fun.SqlStdOperatorTable.AND
              : org.apache.calcite.sql.fun.SqlStdOperatorTable.OR, kept);
    }
    return negated ? b.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.NOT, n) : n;
  }

  private static boolean isNullLiteral(RexNode n) {
    return n instanceof RexLiteral lit && lit.isNull();
  }

  @Override
  public RexNode visitCall(RexCall call) {
    RexNode visited = super.visitCall(call);
    if (!(visited instanceof RexCall c)) {
      return visited;
    }
    SqlKind kind = c.getKind();
    boolean fold;
    if (STRICT.contains(kind)) {
      fold = c.getOperands().stream().anyMatch(NullFolding::isNullLiteral);
    } else if (kind == SqlKind.NOT || kind == SqlKind.AND || kind == SqlKind.OR) {
      fold = c.getOperands().stream().allMatch(NullFolding::isNullLiteral);
    } else {
      fold = false;
    }
    return fold ? rexBuilder.makeNullLiteral(c.getType()) : c;
  }
}
