package io.shaledb.sql.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shaledb.sql.bind.ConstantCondition.Outcome;
import java.math.BigDecimal;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class ConstantConditionTest {
  private final RexBuilder rb = new RexBuilder(new JavaTypeFactoryImpl());
  private final RelDataType integer = rb.getTypeFactory().createSqlType(SqlTypeName.INTEGER);
  private final RelDataType bigint = rb.getTypeFactory().createSqlType(SqlTypeName.BIGINT);

  private RexNode i(long v) {
    return rb.makeExactLiteral(BigDecimal.valueOf(v), integer);
  }

  private RexNode call(SqlOperator op, RexNode... operands) {
    return rb.makeCall(op, operands);
  }

  @Test
  void decidesComparisonsOfIntegerArithmetic() {
    // CASE -59 WHEN 55 * -56 + 95 ...: -59 = -2985
    RexNode when = call(SqlStdOperatorTable.EQUALS, i(-59),
        call(SqlStdOperatorTable.PLUS, call(SqlStdOperatorTable.MULTIPLY, i(55), i(-56)), i(95)));
    assertEquals(Outcome.FALSE, ConstantCondition.decide(when));
    assertEquals(Outcome.TRUE, ConstantCondition.decide(
        call(SqlStdOperatorTable.LESS_THAN, call(SqlStdOperatorTable.UNARY_MINUS, i(3)), i(0))));
  }

  @Test
  void integerDivisionTruncatesAndModuloTakesTheDividendsSign() {
    assertEquals(Outcome.TRUE, ConstantCondition.decide(
        call(SqlStdOperatorTable.EQUALS, call(SqlStdOperatorTable.DIVIDE, i(-7), i(2)), i(-3))));
    assertEquals(Outcome.TRUE, ConstantCondition.decide(
        call(SqlStdOperatorTable.EQUALS, call(SqlStdOperatorTable.MOD, i(-7), i(3)), i(-1))));
  }

  @Test
  void nullsMakeUnknownAndThreeValuedLogicHolds() {
    RexNode nullInt = rb.makeNullLiteral(integer);
    RexNode unknown = call(SqlStdOperatorTable.GREATER_THAN, call(SqlStdOperatorTable.PLUS, nullInt, i(1)), i(0));
    assertEquals(Outcome.UNKNOWN, ConstantCondition.decide(unknown));
    RexNode no = call(SqlStdOperatorTable.EQUALS, i(1), i(2));
    assertEquals(Outcome.FALSE, ConstantCondition.decide(call(SqlStdOperatorTable.AND, unknown, no)));
    assertEquals(Outcome.UNKNOWN, ConstantCondition.decide(call(SqlStdOperatorTable.OR, unknown, no)));
    assertEquals(Outcome.TRUE, ConstantCondition.decide(call(SqlStdOperatorTable.IS_NULL, call(SqlStdOperatorTable.PLUS, nullInt, i(1)))));
  }

  @Test
  void whatWouldRaiseOrRoundIsLeftToRunTime() {
    // INTEGER overflow raises 22003 at run time; in BIGINT the same sum fits
    RexNode overflow = call(SqlStdOperatorTable.PLUS, i(Integer.MAX_VALUE), i(1));
    assertEquals(Outcome.UNDECIDED, ConstantCondition.decide(call(SqlStdOperatorTable.GREATER_THAN, overflow, i(0))));
    RexNode wide = call(SqlStdOperatorTable.PLUS, rb.makeCast(bigint, i(Integer.MAX_VALUE)), rb.makeCast(bigint, i(1)));
    assertEquals(Outcome.TRUE, ConstantCondition.decide(call(SqlStdOperatorTable.GREATER_THAN, wide, i(0))));
    assertEquals(Outcome.UNDECIDED, ConstantCondition.decide(
        call(SqlStdOperatorTable.EQUALS, call(SqlStdOperatorTable.DIVIDE, i(7), i(0)), i(1))));
    // approximate numbers and columns are not decided
    assertEquals(Outcome.UNDECIDED, ConstantCondition.decide(
        call(SqlStdOperatorTable.EQUALS, rb.makeApproxLiteral(BigDecimal.ONE), rb.makeApproxLiteral(BigDecimal.ONE))));
    assertEquals(Outcome.UNDECIDED, ConstantCondition.decide(
        call(SqlStdOperatorTable.EQUALS, rb.makeInputRef(integer, 0), i(1))));
  }
}
