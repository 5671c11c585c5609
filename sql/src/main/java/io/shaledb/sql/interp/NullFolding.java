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
