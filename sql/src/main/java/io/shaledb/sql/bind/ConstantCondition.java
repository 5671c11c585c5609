package io.shaledb.sql.bind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Decides a CASE arm's WHEN condition when it is built only of exact numeric literals, so that an
 * arm PostgreSQL's constant folding drops is dropped here too, before anything inside it (an
 * aggregate, a division by zero) is evaluated. PostgreSQL folds {@code CASE -59 WHEN 55 * -56 + 95
 * THEN AVG(89 / 0) END} to NULL at plan time and never evaluates the arm; without folding, the
 * arm's aggregate is computed for every row and raises 22012.
 *
 * <p>Only what evaluates exactly as the executor would is decided: integer and DECIMAL literals,
 * {@code + - *}, unary minus, integer {@code /} and {@code %}, casts between exact types,
 * comparisons, AND, OR, NOT and IS [NOT] NULL. Anything else, and any step that would raise at run
 * time (overflow of the operator's type, division by zero), leaves the condition undecided, so it
 * is evaluated at run time as before and raises there if it must. Stateless; thread-safe.
 */
final class ConstantCondition {
  /** A condition's value when decided: TRUE, FALSE or UNKNOWN (SQL NULL); UNDECIDED otherwise. */
  enum Outcome { TRUE, FALSE, UNKNOWN, UNDECIDED }

  /** Thrown inside the evaluation when the condition cannot be decided here. */
  private static final class Undecided extends RuntimeException {
    static final Undecided INSTANCE = new Undecided();

    private Undecided() {
      super(null, null, false, false);
    }
  }

  /** SQL NULL during the evaluation (a {@code null} Java value is never a valid result here). */
  private static final Object NULL = new Object();

  private static final BigDecimal TINYINT_MIN = BigDecimal.valueOf(Byte.MIN_VALUE);
  private static final BigDecimal TINYINT_MAX = BigDecimal.valueOf(Byte.MAX_VALUE);
  private static final BigDecimal SMALLINT_MIN = BigDecimal.valueOf(Short.MIN_VALUE);
  private static final BigDecimal SMALLINT_MAX = BigDecimal.valueOf(Short.MAX_VALUE);
  private static final BigDecimal INTEGER_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INTEGER_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal BIGINT_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal BIGINT_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private ConstantCondition() {}

  /** The value of {@code condition}, or UNDECIDED when it is not a decidable constant. */
  static Outcome decide(RexNode condition) {
    if (!(condition instanceof RexCall)) {
      return Outcome.UNDECIDED; // a bare literal or column: nothing to fold
    }
    try {
      Object v = eval(condition);
      if (v == NULL) {
        return Outcome.UNKNOWN;
      }
      return v instanceof Boolean b ? (b ? Outcome.TRUE : Outcome.FALSE) : Outcome.UNDECIDED;
    } catch (Undecided e) {
      return Outcome.UNDECIDED;
    }
  }

  private static Object eval(RexNode node) {
    if (node instanceof RexLiteral lit) {
      return literal(lit);
    }
    if (!(node instanceof RexCall call)) {
      throw Undecided.INSTANCE;
    }
    switch (call.getKind()) {
      case AND -> {
        boolean sawNull = false;
        for (RexNode o : call.operands) {
          Object v = bool(eval(o));
          if (v == NULL) {
            sawNull = true;
          } else if (!(Boolean) v) {
            return false;
          }
        }
        return sawNull ? NULL : true;
      }
      case OR -> {
        boolean sawNull = false;
        for (RexNode o : call.operands) {
          Object v = bool(eval(o));
          if (v == NULL) {
            sawNull = true;
          } else if ((Boolean) v) {
            return true;
          }
        }
        return sawNull ? NULL : false;
      }
      case NOT -> {
        Object v = bool(eval(call.operands.get(0)));
        return v == NULL ? NULL : !(Boolean) v;
      }
      case IS_NULL -> {
        return eval(call.operands.get(0)) == NULL;
      }
      case IS_NOT_NULL -> {
        return eval(call.operands.get(0)) != NULL;
      }
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        Object a = eval(call.operands.get(0));
        Object b = eval(call.operands.get(1));
        if (a == NULL || b == NULL) {
          return NULL;
        }
        int c = number(a).compareTo(number(b));
        return switch (call.getKind()) {
          case EQUALS -> c == 0;
          case NOT_EQUALS -> c != 0;
          case LESS_THAN -> c < 0;
          case LESS_THAN_OR_EQUAL -> c <= 0;
          case GREATER_THAN -> c > 0;
          default -> c >= 0;
        };
      }
      case PLUS, MINUS, TIMES, DIVIDE, MOD -> {
        Object a = eval(call.operands.get(0));
        Object b = eval(call.operands.get(1));
        if (a == NULL || b == NULL) {
          return NULL;
        }
        return arithmetic(call, number(a), number(b));
      }
      case MINUS_PREFIX -> {
        Object a = eval(call.operands.get(0));
        return a == NULL ? NULL : fit(number(a).negate(), call.getType());
      }
      case CAST -> {
        Object a = eval(call.operands.get(0));
        return a == NULL ? NULL : fit(number(a), call.getType());
      }
      default -> throw Undecided.INSTANCE;
    }
  }

  private static Object arithmetic(RexCall call, BigDecimal a, BigDecimal b) {
    RelDataType type = call.getType();
    switch (call.getKind()) {
      case PLUS -> {
        return fit(a.add(b), type);
      }
      case MINUS -> {
        return fit(a.subtract(b), type);
      }
      case TIMES -> {
        return fit(a.multiply(b), type);
      }
      default -> {
        // integer division truncates toward zero and % takes the dividend's sign, as in PostgreSQL;
        // DECIMAL division rounds to a derived scale: left to run time
        if (!isInteger(type.getSqlTypeName()) || b.signum() == 0
            || a.scale() > 0 || b.scale() > 0) {
          throw Undecided.INSTANCE;
        }
        BigInteger x = a.toBigIntegerExact();
        BigInteger y = b.toBigIntegerExact();
        BigInteger r = call.getKind() == org.apache.calcite.sql.SqlKind.DIVIDE ? x.divide(y) : x.remainder(y);
        return fit(new BigDecimal(r), type);
      }
    }
  }

  /** {@code v} as a value of {@code type}, or undecided where the executor would round or raise. */
  private static BigDecimal fit(BigDecimal v, RelDataType type) {
    SqlTypeName t = type.getSqlTypeName();
    switch (t) {
      case TINYINT -> {
        return integer(v, TINYINT_MIN, TINYINT_MAX);
      }
      case SMALLINT -> {
        return integer(v, SMALLINT_MIN, SMALLINT_MAX);
      }
      case INTEGER -> {
        return integer(v, INTEGER_MIN, INTEGER_MAX);
      }
      case BIGINT -> {
        return integer(v, BIGINT_MIN, BIGINT_MAX);
      }
      case DECIMAL -> {
        // exact only when no rounding is needed and the digits fit the declared precision
        BigDecimal s;
        try {
          s = v.setScale(type.getScale(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
          throw Undecided.INSTANCE;
        }
        if (s.precision() > type.getPrecision()) {
          throw Undecided.INSTANCE;
        }
        return s;
      }
      default -> throw Undecided.INSTANCE;
    }
  }

  private static BigDecimal integer(BigDecimal v, BigDecimal min, BigDecimal max) {
    if (v.scale() > 0 && v.stripTrailingZeros().scale() > 0) {
      throw Undecided.INSTANCE; // a cast from DECIMAL that rounds: left to run time
    }
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw Undecided.INSTANCE; // overflow raises 22003 at run time
    }
    return v.setScale(0, RoundingMode.UNNECESSARY);
  }

  private static boolean isInteger(SqlTypeName t) {
    return t == SqlTypeName.TINYINT || t == SqlTypeName.SMALLINT || t == SqlTypeName.INTEGER
        || t == SqlTypeName.BIGINT;
  }

  private static Object literal(RexLiteral lit) {
    if (lit.isNull()) {
      return NULL;
    }
    SqlTypeName t = lit.getType().getSqlTypeName();
    if (t == SqlTypeName.BOOLEAN) {
      return lit.getValueAs(Boolean.class);
    }
    if (isInteger(t) || t == SqlTypeName.DECIMAL) {
      return lit.getValueAs(BigDecimal.class);
    }
    throw Undecided.INSTANCE; // approximate numbers, strings, dates: not decided here
  }

  private static Object bool(Object v) {
    if (v == NULL || v instanceof Boolean) {
      return v;
    }
    throw Undecided.INSTANCE;
  }

  private static BigDecimal number(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    throw Undecided.INSTANCE;
  }
}
