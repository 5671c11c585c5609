package io.shaledb.sql.exec;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.calcite.sql.SqlAbstractDateTimeLiteral;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryStringLiteral;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.util.BitString;

/**
 * Evaluates the simple expressions most INSERT and UPDATE statements carry (literals, parameters,
 * negated numbers, DEFAULT) without planning a query. Anything else is {@link #NOT_CONSTANT}.
 * Results are canonical Java values (exact numbers as Long or BigDecimal) for RowStore.coerce.
 */
final class ConstantEvaluator {
  /** The expression needs a real query to evaluate. */
  static final Object NOT_CONSTANT = new Object() {
    @Override
    public String toString() {
      return "NOT_CONSTANT";
    }
  };
  /** The DEFAULT keyword. */
  static final Object DEFAULT = new Object() {
    @Override
    public String toString() {
      return "DEFAULT";
    }
  };

  private ConstantEvaluator() {}

  /** Whether {@link #eval} can evaluate {@code n} directly (depends only on its shape). */
  static boolean isConstant(SqlNode n) {
    if (n instanceof SqlDynamicParam) {
      return true;
    }
    if (n instanceof SqlLiteral lit) {
      return literal(lit) != NOT_CONSTANT;
    }
    if (n instanceof SqlBasicCall call) {
      if (call.getKind() == SqlKind.DEFAULT || isDefaultMarker(call)) {
        return true;
      }
      return (call.getKind() == SqlKind.MINUS_PREFIX || call.getKind() == SqlKind.PLUS_PREFIX)
          && call.operandCount() == 1 && call.operand(0) instanceof SqlNumericLiteral;
    }
    return false;
  }

  static Object eval(SqlNode n, List<Object> params) {
    if (!isConstant(n)) {
      return NOT_CONSTANT;
    }
    if (n instanceof SqlDynamicParam p) {
      if (p.getIndex() >= params.size()) {
        throw new SqlError(SqlState.UNDEFINED_PARAMETER, "no value supplied for parameter $" + (p.getIndex() + 1));
      }
      return params.get(p.getIndex());
    }
    if (n instanceof SqlLiteral lit) {
      return literal(lit);
    }
    if (n instanceof SqlBasicCall call) {
      if (call.getKind() == SqlKind.DEFAULT || isDefaultMarker(call)) {
        return DEFAULT;
      }
      if ((call.getKind() == SqlKind.MINUS_PREFIX || call.getKind() == SqlKind.PLUS_PREFIX)
          && call.operandCount() == 1 && call.operand(0) instanceof SqlNumericLiteral lit) {
        Object v = literal(lit);
        if (call.getKind() == SqlKind.PLUS_PREFIX) {
          return v;
        }
        if (v instanceof Long l) {
          return l == Long.MIN_VALUE ? BigDecimal.valueOf(l).negate() : -l;
        }
        if (v instanceof BigDecimal bd) {
          BigDecimal neg = bd.negate();
          return neg.scale() <= 0 && neg.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) == 0
              ? Long.MIN_VALUE : neg;
        }
        if (v instanceof Double d) {
          return -d;
        }
      }
    }
    return NOT_CONSTANT;
  }

  private static boolean isDefaultMarker(SqlBasicCall call) {
    return call.operandCount() == 0
        && io.shaledb.sql.parse.StatementParser.DEFAULT_MARKER.equals(call.getOperator().getName());
  }

  static Object literal(SqlLiteral lit) {
    if (lit.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL) {
      return null;
    }
    if (lit instanceof org.apache.calcite.sql.SqlUnknownLiteral u) {
      // DATE '...', TIMESTAMP '...' are resolved by type name after parsing
      String tag = u.tag.toUpperCase(java.util.Locale.ROOT);
      if (tag.equals("DATE") || tag.equals("TIMESTAMP")) {
        try {
          return literal(u.resolve(org.apache.calcite.sql.type.SqlTypeName.valueOf(tag)));
        } catch (RuntimeException e) {
          return NOT_CONSTANT; // let Calcite report the malformed literal
        }
      }
      return NOT_CONSTANT;
    }
    if (lit instanceof SqlNumericLiteral num) {
      BigDecimal bd = num.getValueAs(BigDecimal.class);
      if (!num.isExact()) {
        return bd.doubleValue();
      }
      if (bd.scale() <= 0) {
        try {
          return bd.longValueExact();
        } catch (ArithmeticException e) {
          return bd;
        }
      }
      return bd;
    }
    if (lit instanceof SqlCharStringLiteral) {
      return lit.getValueAs(String.class);
    }
    if (lit instanceof SqlDateLiteral d) {
      return LocalDate.parse(d.toFormattedString());
    }
    if (lit instanceof SqlTimestampLiteral ts) {
      return LocalDateTime.parse(ts.toFormattedString().replace(' ', 'T'));
    }
    if (lit instanceof SqlAbstractDateTimeLiteral) {
      return NOT_CONSTANT;
    }
    if (lit instanceof SqlBinaryStringLiteral) {
      return lit.getValueAs(BitString.class).getAsByteArray();
    }
    if (lit.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.BOOLEAN) {
      return lit.booleanValue();
    }
    return NOT_CONSTANT;
  }
}
