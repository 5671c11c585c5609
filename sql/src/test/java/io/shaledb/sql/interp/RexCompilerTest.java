package io.shaledb.sql.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Constant folding in {@link RexCompiler}: what is evaluated once, and what is left per row. */
class RexCompilerTest {
  private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
  private final RexBuilder rb = new RexBuilder(types);
  private final RexCompiler compiler = new RexCompiler(rb);
  private final RelDataType intType = types.createSqlType(SqlTypeName.INTEGER);
  private final RelDataType doubleType = types.createSqlType(SqlTypeName.DOUBLE);

  @Test
  void aCastOfALiteralIsEvaluatedOnceForAllRows() {
    RexNode cast = rb.makeCast(doubleType, rb.makeExactLiteral(new BigDecimal("2.5")));
    Scalar s = compiler.compile(cast);
    Object first = s.eval(new Object[] {1}, null);
    assertEquals(2.5, first);
    // not a fresh Double per row: the value computed when compiling
    assertSame(first, s.eval(new Object[] {2}, null));
  }

  @Test
  void constantArithmeticIsFoldedAndColumnsAreNot() {
    RexNode sum = rb.makeCall(SqlStdOperatorTable.PLUS, rb.makeInputRef(intType, 0),
        rb.makeCall(SqlStdOperatorTable.MULTIPLY, rb.makeExactLiteral(BigDecimal.valueOf(3), intType),
            rb.makeExactLiteral(BigDecimal.valueOf(4), intType)));
    Scalar s = compiler.compile(sum);
    assertEquals(13, s.eval(new Object[] {1}, null));
    assertEquals(14, s.eval(new Object[] {2}, null));
    assertEquals(null, s.eval(new Object[] {null}, null));
  }

  @Test
  void aConstantThatFailsFailsOnlyWhenEvaluated() {
    RexNode div = rb.makeCall(SqlStdOperatorTable.DIVIDE, rb.makeExactLiteral(BigDecimal.ONE, intType),
        rb.makeExactLiteral(BigDecimal.ZERO, intType));
    Scalar s = compiler.compile(div); // compiling raises nothing
    assertThrows(RuntimeException.class, () -> s.eval(new Object[0], null));
    // and again: it was not replaced by a value
    assertThrows(RuntimeException.class, () -> s.eval(new Object[0], null));
  }

  @Test
  void aCastOfAColumnIsEvaluatedPerRow() {
    RexNode cast = rb.makeCast(doubleType, rb.makeInputRef(intType, 0));
    Scalar s = compiler.compile(cast);
    Object a = s.eval(new Object[] {1000}, null);
    Object b = s.eval(new Object[] {1001}, null);
    assertEquals(1000.0, a);
    assertEquals(1001.0, b);
    assertNotSame(a, b);
  }

  @Test
  void castsToRealRoundAndRaiseOutOfRangeAsPostgresql() {
    RelDataType realType = types.createSqlType(SqlTypeName.REAL);
    RelDataType decimalType = types.createSqlType(SqlTypeName.DECIMAL, 20, 2);
    Scalar fromDouble = compiler.compile(rb.makeCast(realType, rb.makeInputRef(doubleType, 0)));
    Scalar fromDecimal = compiler.compile(rb.makeCast(realType, rb.makeInputRef(decimalType, 0)));
    assertEquals(-3.99f, fromDouble.eval(new Object[] {-3.99}, null));
    assertEquals(null, fromDouble.eval(new Object[] {null}, null));
    assertEquals(Float.POSITIVE_INFINITY, fromDouble.eval(new Object[] {Double.POSITIVE_INFINITY}, null));
    assertEquals(7.5f, fromDecimal.eval(new Object[] {new BigDecimal("7.50")}, null));
    assertEquals(0.0f, fromDecimal.eval(new Object[] {new BigDecimal("0.00")}, null));
    ArithmeticException over = assertThrows(ArithmeticException.class,
        () -> fromDouble.eval(new Object[] {1e300}, null));
    assertEquals("value out of range: overflow", over.getMessage());
    assertThrows(ArithmeticException.class, () -> fromDouble.eval(new Object[] {1e-300}, null));
    assertThrows(ArithmeticException.class,
        () -> fromDecimal.eval(new Object[] {new BigDecimal("1e39")}, null));
  }
}
