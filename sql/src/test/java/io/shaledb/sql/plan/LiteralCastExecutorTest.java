package io.shaledb.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The fast path gives exactly the literal Calcite's generated-code reducer gives. */
class LiteralCastExecutorTest {
  private final RelDataTypeFactory types = new JavaTypeFactoryImpl(ShaleTypeSystem.INSTANCE);
  private final RexBuilder rex = new RexBuilder(types);

  private List<RexLiteral> literals() {
    List<RexLiteral> out = new ArrayList<>();
    for (String s : List.of("0", "25.60", "-25.60", "5.30", "0.1", "123456789.123456789", "-7",
        "9223372036854775807", "-9223372036854775808", "100000", "340282350000000000000000000000000000000", "1.0000001")) {
      out.add(rex.makeExactLiteral(new BigDecimal(s)));
    }
    out.add(rex.makeExactLiteral(BigDecimal.valueOf(42), types.createSqlType(SqlTypeName.INTEGER)));
    out.add(rex.makeExactLiteral(BigDecimal.valueOf(-3), types.createSqlType(SqlTypeName.BIGINT)));
    out.add(rex.makeExactLiteral(BigDecimal.valueOf(7), types.createSqlType(SqlTypeName.SMALLINT)));
    out.add(rex.makeApproxLiteral(new BigDecimal("2.5")));
    out.add(rex.makeApproxLiteral(0.1d, types.createSqlType(SqlTypeName.DOUBLE)));
    return out;
  }

  @Test
  void numericLiteralCastsMatchCalcitesReducer() {
    int checked = 0;
    for (SqlTypeName target : List.of(SqlTypeName.DOUBLE, SqlTypeName.FLOAT, SqlTypeName.REAL)) {
      for (boolean nullable : List.of(false, true)) {
        RelDataType type = types.createTypeWithNullability(types.createSqlType(target), nullable);
        for (RexLiteral lit : literals()) {
          RexNode cast = rex.makeAbstractCast(type, lit, false);
          List<RexNode> expected = new ArrayList<>();
          RexUtil.EXECUTOR.reduce(rex, List.of(cast), expected);
          List<RexNode> actual = new ArrayList<>();
          LiteralCastExecutor.INSTANCE.reduce(rex, List.of(cast), actual);
          assertNotNull(LiteralCastExecutor.castLiteral(rex, cast), cast.toString());
          assertEquals(expected.get(0).toString(), actual.get(0).toString(), cast.toString());
          assertEquals(expected.get(0).getType().getFullTypeString(), actual.get(0).getType().getFullTypeString());
          assertEquals(expected.get(0).getClass(), actual.get(0).getClass());
          if (expected.get(0) instanceof RexLiteral e) {
            assertEquals(e.getValue(), ((RexLiteral) actual.get(0)).getValue());
          }
          checked++;
        }
      }
    }
    assertEquals(6 * literals().size(), checked);
  }

  @Test
  void textCastToANumberIsReadAsAnInsertReadsItOrLeftToRaise() {
    RelDataType dbl = types.createSqlType(SqlTypeName.DOUBLE);
    RelDataType integer = types.createSqlType(SqlTypeName.INTEGER);
    RelDataType real = types.createSqlType(SqlTypeName.REAL);
    RexNode reads = LiteralCastExecutor.castLiteral(rex, rex.makeAbstractCast(dbl, rex.makeLiteral(" 2.5 "), false));
    assertEquals(2.5, ((RexLiteral) reads).getValueAs(Double.class));
    RexNode seven = LiteralCastExecutor.castLiteral(rex, rex.makeAbstractCast(integer, rex.makeLiteral("-7"), false));
    assertEquals(-7, ((RexLiteral) seven).getValueAs(Integer.class));
    // not a number, out of range: the cast stays, to raise 22P02/22003 when it runs
    for (RexNode raises : List.of(rex.makeAbstractCast(integer, rex.makeLiteral("x"), false),
        rex.makeAbstractCast(integer, rex.makeLiteral("99999999999"), false),
        rex.makeAbstractCast(real, rex.makeLiteral("1e300"), false),
        rex.makeAbstractCast(real, rex.makeApproxLiteral(new BigDecimal("1e300")), false))) {
      assertSame(raises, LiteralCastExecutor.castLiteral(rex, raises));
    }
  }

  @Test
  void otherExpressionsGoToTheDelegateInOrder() {
    RelDataType dbl = types.createSqlType(SqlTypeName.DOUBLE);
    RelDataType integer = types.createSqlType(SqlTypeName.INTEGER);
    RexNode fast = rex.makeAbstractCast(dbl, rex.makeExactLiteral(new BigDecimal("1.5")), false);
    RexNode toInt = rex.makeAbstractCast(integer, rex.makeExactLiteral(new BigDecimal("1.5")), false);
    RexNode text = rex.makeAbstractCast(types.createSqlType(SqlTypeName.DATE), rex.makeLiteral("2026-01-02"), false);
    assertNull(LiteralCastExecutor.castLiteral(rex, toInt));
    assertNull(LiteralCastExecutor.castLiteral(rex, text));
    List<RexNode> in = List.of(toInt, fast, text);
    List<RexNode> expected = new ArrayList<>();
    RexUtil.EXECUTOR.reduce(rex, in, expected);
    List<RexNode> actual = new ArrayList<>();
    LiteralCastExecutor.INSTANCE.reduce(rex, in, actual);
    assertEquals(expected.toString(), actual.toString());
  }
}
