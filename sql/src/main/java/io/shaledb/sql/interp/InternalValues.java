package io.shaledb.sql.interp;

import java.math.BigDecimal;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Arithmetic, comparison and conversion on values in Calcite's internal representation, with
 * PostgreSQL's error behaviour: exact arithmetic that leaves its type's range and division by zero
 * raise {@link ArithmeticException} (the SQL layer reports 22003 / 22012). Stateless.
 */
final class InternalValues {
  private InternalValues() {}

  /** Whether values of this type are exact integers held as Byte/Short/Integer/Long. */
  static boolean isExactInteger(SqlTypeName t) {
    return t == SqlTypeName.TINYINT || t == SqlTypeName.SMALLINT || t == SqlTypeName.INTEGER
        || t == SqlTypeName.BIGINT;
  }

  static boolean isApprox(SqlTypeName t) {
    return t == SqlTypeName.DOUBLE || t == SqlTypeName.FLOAT || t == SqlTypeName.REAL;
  }

  static boolean isNumeric(SqlTypeName t) {
    return isExactInteger(t) || isApprox(t) || t == SqlTypeName.DECIMAL;
  }

  static boolean isChar(SqlTypeName t) {
    return t == SqlTypeName.CHAR || t == SqlTypeName.VARCHAR;
  }

  /** Smallest and largest value of an exact integer type. */
  static long min(SqlTypeName t) {
    return switch (t) {
      case TINYINT -> Byte.MIN_VALUE;
      case SMALLINT -> Short.MIN_VALUE;
      case INTEGER -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
  }

  static long max(SqlTypeName t) {
    return switch (t) {
      case TINYINT -> Byte.MAX_VALUE;
      case SMALLINT -> Short.MAX_VALUE;
      case INTEGER -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
  }

  /** {@code v} (in range of t) boxed as t's internal class. */
  static Object boxInteger(long v, SqlTypeName t) {
    if (v < min(t) || v > max(t)) {
      throw outOfRange(t);
    }
    return switch (t) {
      case TINYINT -> (byte) v;
      case SMALLINT -> (short) v;
      case INTEGER -> (int) v;
      default -> v;
    };
  }

  static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Double || v instanceof Float) {
      return new BigDecimal(((Number) v).toString());
    }
    return BigDecimal.valueOf(((Number) v).longValue());
  }

  /**
   * A non-null numeric value converted to numeric type {@code t}'s internal class: exact
   * integers widen (narrowing is range-checked), anything becomes a double for approximate types,
   * exact values become BigDecimal for DECIMAL (scale unchanged).
   */
  static Object toNumeric(Object v, SqlTypeName t) {
    Number n = (Number) v;
    switch (t) {
      case TINYINT, SMALLINT, INTEGER, BIGINT:
        if (n instanceof BigDecimal || n instanceof Double || n instanceof Float) {
          throw new IllegalStateException("inexact value for an integer type: " + v);
        }
        return boxInteger(n.longValue(), t);
      case DOUBLE, FLOAT:
        return n instanceof Double ? n : n.doubleValue();
      case REAL:
        return n instanceof Float ? n : n.floatValue();
      case DECIMAL:
        return decimal(n);
      default:
        throw new IllegalStateException("not a numeric type: " + t);
    }
  }

  /**
   * A non-null numeric value converted to exact integer type {@code t} as CAST does here (and in
   * Calcite's generated code): fractions truncate toward zero, values outside t's range raise.
   */
  static Object toInteger(Object v, SqlTypeName t) {
    if (v instanceof BigDecimal d) {
      BigDecimal whole = d.setScale(0, java.math.RoundingMode.DOWN);
      if (whole.compareTo(BigDecimal.valueOf(min(t))) < 0 || whole.compareTo(BigDecimal.valueOf(max(t))) > 0) {
        throw outOfRange(t);
      }
      return boxInteger(whole.longValue(), t);
    }
    if (v instanceof Double || v instanceof Float) {
      double x = ((Number) v).doubleValue();
      double whole = x < 0 ? Math.ceil(x) : Math.floor(x);
      // (double) Long.MAX_VALUE is 2^63, itself out of range; NaN fails both tests
      if (!(whole >= min(t)) || !(t == SqlTypeName.BIGINT ? whole < 0x1p63 : whole <= max(t))) {
        throw outOfRange(t);
      }
      return boxInteger((long) whole, t);
    }
    return boxInteger(((Number) v).longValue(), t);
  }

  /**
   * A non-null DOUBLE PRECISION or DECIMAL value as REAL (float4), rounded to nearest. As in
   * PostgreSQL, a value beyond REAL's range raises "overflow" and a non-zero value that would
   * round to zero raises "underflow" (22003); Java's cast (Calcite's generated code) gives
   * infinity and zero. Infinities and NaN stay what they are.
   */
  static Float toReal(Number n) {
    float r = n.floatValue();
    boolean finite = n instanceof BigDecimal || !Double.isInfinite(n.doubleValue());
    if (Float.isInfinite(r) && finite) {
      throw new ArithmeticException("value out of range: overflow");
    }
    boolean nonZero = n instanceof BigDecimal d ? d.signum() != 0 : n.doubleValue() != 0.0;
    if (r == 0.0f && nonZero && !Double.isNaN(n.doubleValue())) {
      throw new ArithmeticException("value out of range: underflow");
    }
    return r;
  }

  private static ArithmeticException outOfRange(SqlTypeName t) {
    return new ArithmeticException(switch (t) {
      case TINYINT, SMALLINT -> "smallint out of range";
      case INTEGER -> "integer out of range";
      default -> "bigint out of range";
    });
  }

  /** Three-way comparison of two non-null values of comparable types. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if (a.getClass() == b.getClass() && !(a instanceof Double) && !(a instanceof Float)) {
        return ((Comparable) a).compareTo(b);
      }
      if (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float) {
        double dx = x.doubleValue();
        double dy = y.doubleValue();
        return dx < dy ? -1 : dx > dy ? 1 : Double.compare(dx == 0 ? 0.0 : dx, dy == 0 ? 0.0 : dy);
      }
      if (x instanceof BigDecimal || y instanceof BigDecimal) {
        return decimal(x).compareTo(decimal(y));
      }
      return Long.compare(x.longValue(), y.longValue());
    }
    return ((Comparable) a).compareTo(b);
  }

  /**
   * A value usable as a hash key for grouping, DISTINCT and equality joins: numbers that compare
   * equal map to equal keys.
   */
  static Object key(Object v) {
    if (v instanceof Byte || v instanceof Short || v instanceof Integer) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return key(f.doubleValue());
    }
    if (v instanceof Double d) {
      if (d == 0) {
        return 0L;
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e18) {
        return (long) d.doubleValue();
      }
      return d;
    }
    if (v instanceof BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      if (s.scale() <= 0 && s.precision() - s.scale() < 19) {
        return s.longValueExact();
      }
      return s;
    }
    return v;
  }

  // ------------------------------------------------------------------ arithmetic

  enum Op { PLUS, MINUS, TIMES, DIVIDE, MOD }

  /** {@code a op b} for non-null numeric operands, computed in result type {@code t}. */
  static Object arith(Op op, Object a, Object b, SqlTypeName t) {
    switch (t) {
      case TINYINT, SMALLINT, INTEGER, BIGINT: {
        long x = ((Number) a).longValue();
        long y = ((Number) b).longValue();
        long r;
        try {
          r = switch (op) {
            case PLUS -> Math.addExact(x, y);
            case MINUS -> Math.subtractExact(x, y);
            case TIMES -> Math.multiplyExact(x, y);
            case DIVIDE -> {
              if (y == 0) {
                throw new ArithmeticException("division by zero");
              }
              if (x == Long.MIN_VALUE && y == -1) {
                throw new ArithmeticException("bigint out of range");
              }
              yield x / y;
            }
            case MOD -> {
              if (y == 0) {
                throw new ArithmeticException("division by zero");
              }
              yield y == -1 ? 0 : x % y;
            }
          };
        } catch (ArithmeticException e) {
          if (e.getMessage() != null && e.getMessage().contains("division by zero")) {
            throw e;
          }
          throw new ArithmeticException(t == SqlTypeName.BIGINT ? "bigint out of range"
              : t == SqlTypeName.INTEGER ? "integer out of range" : "smallint out of range");
        }
        return boxInteger(r, t);
      }
      case DOUBLE, FLOAT: {
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return switch (op) {
          case PLUS -> x + y;
          case MINUS -> x - y;
          case TIMES -> x * y;
          case DIVIDE -> x / y;
          case MOD -> x % y;
        };
      }
      case REAL: {
        float x = ((Number) a).floatValue();
        float y = ((Number) b).floatValue();
        return switch (op) {
          case PLUS -> x + y;
          case MINUS -> x - y;
          case TIMES -> x * y;
          case DIVIDE -> x / y;
          case MOD -> x % y;
        };
      }
      case DECIMAL: {
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        return switch (op) {
          case PLUS -> x.add(y);
          case MINUS -> x.subtract(y);
          case TIMES -> x.multiply(y);
          default -> throw new IllegalStateException("decimal " + op + " is not interpreted");
        };
      }
      default:
        throw new IllegalStateException("arithmetic in " + t);
    }
  }

  /**
   * {@code a / b} or {@code a % b} for non-null numeric operands with a DECIMAL(precision, scale)
   * result: the quotient rounded half away from zero to the result's scale (as PostgreSQL's numeric
   * division rounds; Calcite's generated code truncates), the remainder exact with the dividend's
   * sign; 22012 on a zero divisor, 22003 when the integer digits exceed the type's.
   */
  static BigDecimal decimalDivide(Op op, Object a, Object b, int precision, int scale) {
    BigDecimal x = decimal(a);
    BigDecimal y = decimal(b);
    if (y.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    BigDecimal r = switch (op) {
      case DIVIDE -> x.divide(y, scale, java.math.RoundingMode.HALF_UP);
      case MOD -> x.remainder(y);
      default -> throw new IllegalStateException("decimal " + op);
    };
    return toDecimal(r, precision, scale);
  }

  /**
   * A numeric value as DECIMAL(precision, scale): rounded half away from zero to the scale (as
   * PostgreSQL's numeric casts), 22003 "numeric field overflow" when its integer digits exceed
   * {@code precision - scale}.
   */
  static BigDecimal toDecimal(Object v, int precision, int scale) {
    BigDecimal r = decimal(v).setScale(scale, java.math.RoundingMode.HALF_UP);
    if (r.precision() - r.scale() > precision - scale && r.signum() != 0) {
      throw new ArithmeticException("numeric field overflow: a field with precision " + precision
          + ", scale " + scale + " must round to an absolute value less than 10^" + (precision - scale));
    }
    return r;
  }

  /** {@code -a} for a non-null numeric operand of type t. */
  static Object negate(Object a, SqlTypeName t) {
    if (isExactInteger(t)) {
      long x = ((Number) a).longValue();
      if (x == Long.MIN_VALUE) {
        throw new ArithmeticException("bigint out of range");
      }
      return boxInteger(-x, t);
    }
    return switch (t) {
      case DOUBLE, FLOAT -> -((Number) a).doubleValue();
      case REAL -> -((Number) a).floatValue();
      case DECIMAL -> decimal(a).negate();
      default -> throw new IllegalStateException("negation in " + t);
    };
  }
}
