package io.shaledb.sql.rowenc;

import io.shaledb.sql.catalog.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Turns a value the planner compares a key column with into a bound in the column's own type.
 *
 * <p>The guarantee is that the resulting bound never excludes a stored value that satisfies the
 * comparison under SQL (numeric) semantics; it may include more (the planner re-applies its
 * filter). Examples: {@code int_col > 2.5} becomes {@code int_col >= 3}; {@code int_col = 2.5}
 * matches nothing; {@code real_col > 0.1} becomes {@code real_col >= nextDown((float) 0.1)};
 * a value that cannot be placed at all (wrong type, NaN) leaves that side unbounded; bounds on a
 * CHAR(n) column are compared without trailing spaces, so an upper bound there is dropped.
 * Stateless.
 */
final class BoundCoercion {

  /** What became of one bound. RANGE only comes from {@link #eq}: no single key, but a small range. */
  enum State { VALUE, RANGE, UNBOUNDED, EMPTY }

  /**
   * A bound in the column's canonical type; {@code value} is set in states VALUE and RANGE,
   * {@code high} only in RANGE ({@code value <= column <= high}).
   */
  record Bound(State state, Object value, boolean inclusive, Object high) {
    static final Bound UNBOUNDED = new Bound(State.UNBOUNDED, null, false, null);
    static final Bound EMPTY = new Bound(State.EMPTY, null, false, null);

    static Bound of(Object value, boolean inclusive) {
      return new Bound(State.VALUE, value, inclusive, null);
    }

    static Bound range(Object low, Object high) {
      return new Bound(State.RANGE, low, true, high);
    }
  }

  private enum Side { EQ, LOWER, UPPER }

  private BoundCoercion() {}

  /**
   * For {@code column = v}: VALUE (exact), RANGE (the values that may compare equal, e.g. the
   * decimals near a double), EMPTY (no stored value can be equal) or UNBOUNDED (unknown).
   */
  static Bound eq(SqlType type, Object v) {
    return v == null ? Bound.EMPTY : convert(type, v, Side.EQ, true);
  }

  /** For {@code column > v} ({@code >=} if inclusive); null v means no lower bound. */
  static Bound lower(SqlType type, Object v, boolean inclusive) {
    return v == null ? Bound.UNBOUNDED : convert(type, v, Side.LOWER, inclusive);
  }

  /** For {@code column < v} ({@code <=} if inclusive); null v means no upper bound. */
  static Bound upper(SqlType type, Object v, boolean inclusive) {
    return v == null ? Bound.UNBOUNDED : convert(type, v, Side.UPPER, inclusive);
  }

  private static Bound convert(SqlType type, Object v, Side side, boolean inclusive) {
    return switch (type.kind()) {
      case SMALLINT -> integer(v, side, inclusive, Short.MIN_VALUE, Short.MAX_VALUE, false);
      case INTEGER -> integer(v, side, inclusive, Integer.MIN_VALUE, Integer.MAX_VALUE, false);
      case BIGINT -> integer(v, side, inclusive, Long.MIN_VALUE, Long.MAX_VALUE, true);
      case DECIMAL -> decimal(v, side, inclusive);
      case REAL -> floating(v, side, inclusive, true);
      case DOUBLE -> floating(v, side, inclusive, false);
      case CHAR -> fixedChar(type, v, side);
      case VARCHAR, TEXT -> v instanceof String ? Bound.of(v, inclusive) : Bound.UNBOUNDED;
      case BOOLEAN -> v instanceof Boolean ? Bound.of(v, inclusive) : Bound.UNBOUNDED;
      case DATE -> date(v, side, inclusive);
      case TIMESTAMP -> timestamp(v, side, inclusive);
      case BYTEA -> v instanceof byte[] ? Bound.of(v, inclusive) : Bound.UNBOUNDED;
    };
  }

  /** An exact decimal for a numeric value, or null if it is not a finite number. */
  private static BigDecimal exactNumber(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(d) : null;
    }
    return null;
  }

  /** +1 for +Infinity, -1 for -Infinity, 0 otherwise (NaN included). */
  private static int infinity(Object v) {
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (d == Double.POSITIVE_INFINITY) {
        return 1;
      }
      if (d == Double.NEGATIVE_INFINITY) {
        return -1;
      }
    }
    return 0;
  }

  private static Bound infiniteBound(int sign, Side side) {
    return switch (side) {
      case EQ -> Bound.EMPTY;
      case LOWER -> sign > 0 ? Bound.EMPTY : Bound.UNBOUNDED;
      case UPPER -> sign < 0 ? Bound.EMPTY : Bound.UNBOUNDED;
    };
  }

  private static Bound integer(Object v, Side side, boolean inclusive, long min, long max, boolean asLong) {
    int inf = infinity(v);
    if (inf != 0) {
      return infiniteBound(inf, side);
    }
    BigDecimal x = exactNumber(v);
    if (x == null) {
      return Bound.UNBOUNDED;
    }
    BigDecimal rounded = switch (side) {
      case EQ -> x;
      case LOWER -> x.setScale(0, RoundingMode.CEILING);
      case UPPER -> x.setScale(0, RoundingMode.FLOOR);
    };
    boolean integral = rounded.compareTo(x) == 0;
    if (side == Side.EQ && (!integral || x.stripTrailingZeros().scale() > 0)) {
      return Bound.EMPTY;
    }
    boolean inc = integral ? inclusive : true;
    boolean belowMin = rounded.compareTo(BigDecimal.valueOf(min)) < 0;
    boolean aboveMax = rounded.compareTo(BigDecimal.valueOf(max)) > 0;
    if (belowMin || aboveMax) {
      return switch (side) {
        case EQ -> Bound.EMPTY;
        case LOWER -> aboveMax ? Bound.EMPTY : Bound.UNBOUNDED;
        case UPPER -> belowMin ? Bound.EMPTY : Bound.UNBOUNDED;
      };
    }
    long value = rounded.longValueExact();
    return Bound.of(asLong ? (Object) value : (Object) (int) value, inc);
  }

  private static Bound decimal(Object v, Side side, boolean inclusive) {
    int inf = infinity(v);
    if (inf != 0) {
      return infiniteBound(inf, side);
    }
    BigDecimal x = exactNumber(v);
    if (x == null) {
      return Bound.UNBOUNDED;
    }
    if (v instanceof Double || v instanceof Float) {
      // A float compared with a numeric compares as a double, so e.g. 3.10 equals 3.1d although
      // new BigDecimal(3.1d) does not: bound by the neighbouring doubles instead.
      double d = ((Number) v).doubleValue();
      BigDecimal below = new BigDecimal(Math.nextDown(d));
      BigDecimal above = new BigDecimal(Math.nextUp(d));
      return switch (side) {
        case EQ -> Bound.range(below, above);
        case LOWER -> Bound.of(below, true);
        case UPPER -> Bound.of(above, true);
      };
    }
    return Bound.of(x, inclusive);
  }

  private static Bound floating(Object v, Side side, boolean inclusive, boolean single) {
    if (!(v instanceof Number n)) {
      return Bound.UNBOUNDED;
    }
    double d = n.doubleValue();
    if (Double.isNaN(d)) {
      return Bound.UNBOUNDED;
    }
    BigDecimal exact = exactNumber(v);
    if (single) {
      float f = (float) d;
      boolean isExact = Double.isInfinite(d) ? exact == null && !(v instanceof BigDecimal)
          : exact != null && Float.isFinite(f) && new BigDecimal(f).compareTo(exact) == 0;
      if (isExact) {
        return Bound.of(f, inclusive);
      }
      return switch (side) {
        case EQ -> Bound.range(Math.nextDown(f), Math.nextUp(f));
        case LOWER -> Bound.of(Math.nextDown(f), true);
        case UPPER -> Bound.of(Math.nextUp(f), true);
      };
    }
    boolean isExact = Double.isInfinite(d) ? exact == null && !(v instanceof BigDecimal)
        : exact != null && new BigDecimal(d).compareTo(exact) == 0;
    if (isExact) {
      return Bound.of(d, inclusive);
    }
    return switch (side) {
      case EQ -> Bound.range(Math.nextDown(d), Math.nextUp(d));
      case LOWER -> Bound.of(Math.nextDown(d), true);
      case UPPER -> Bound.of(Math.nextUp(d), true);
    };
  }

  private static Bound fixedChar(SqlType type, Object v, Side side) {
    if (!(v instanceof String s)) {
      return Bound.UNBOUNDED;
    }
    String stripped = s.replaceAll(" +$", "");
    int n = ValueCoercion.charLength(type);
    return switch (side) {
      case EQ -> {
        int length = stripped.codePointCount(0, stripped.length());
        yield length > n ? Bound.EMPTY : Bound.of(stripped + " ".repeat(n - length), true);
      }
      case LOWER -> Bound.of(stripped, true);
      case UPPER -> Bound.UNBOUNDED;
    };
  }

  private static Bound date(Object v, Side side, boolean inclusive) {
    if (v instanceof LocalDate) {
      return Bound.of(v, inclusive);
    }
    if (v instanceof LocalDateTime t) {
      boolean midnight = t.toLocalTime().equals(LocalTime.MIDNIGHT);
      if (midnight) {
        return Bound.of(t.toLocalDate(), inclusive);
      }
      return side == Side.EQ ? Bound.EMPTY : Bound.of(t.toLocalDate(), true);
    }
    return Bound.UNBOUNDED;
  }

  private static Bound timestamp(Object v, Side side, boolean inclusive) {
    if (v instanceof LocalDate d) {
      return Bound.of(d.atStartOfDay(), inclusive);
    }
    if (v instanceof LocalDateTime t) {
      int subMicros = t.getNano() % 1000;
      if (subMicros == 0) {
        return Bound.of(t, inclusive);
      }
      // Stored timestamps are whole microseconds: below-micro bounds are floored (wider).
      return side == Side.EQ ? Bound.EMPTY : Bound.of(t.minusNanos(subMicros), true);
    }
    return Bound.UNBOUNDED;
  }
}
