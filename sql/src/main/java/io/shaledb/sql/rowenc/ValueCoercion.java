package io.shaledb.sql.rowenc;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.Locale;

/**
 * PostgreSQL-style assignment casts of a Java value to the canonical Java type of a column type
 * (see {@link io.shaledb.sql.Session}).
 *
 * <p>Rules: integers are range-checked (22003); numerics round to integers half away from zero,
 * floats round half to even (as PostgreSQL's {@code rint}); DECIMAL(p,s) rounds HALF_UP to scale s
 * and fails with 22003 when more than p-s integer digits remain; REAL overflow is 22003; strings
 * longer than VARCHAR(n)/CHAR(n) fail with 22001 unless the excess is spaces (which are cut); CHAR
 * pads with spaces (CHAR without a length is CHAR(1), as in PostgreSQL); text that does not parse
 * as a number or boolean is 22P02, as a date or timestamp 22007; timestamps are rounded to
 * microseconds; every other pairing is 42804. Stateless and thread-safe.
 */
final class ValueCoercion {

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT);

  private static final DateTimeFormatter TIMESTAMP_OUT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).optionalEnd()
      .toFormatter(Locale.ROOT);

  private ValueCoercion() {}

  /** Converts {@code value} for a column named {@code column} of {@code type}; null stays null. */
  static Object coerce(String column, SqlType type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type.kind()) {
      case SMALLINT -> (int) toInteger(column, type, value, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
      case INTEGER -> (int) toInteger(column, type, value, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
      case BIGINT -> toInteger(column, type, value, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
      case DECIMAL -> toDecimal(column, type, value);
      case REAL -> toReal(column, type, value);
      case DOUBLE -> toDouble(column, type, value);
      case CHAR, VARCHAR, TEXT -> toText(type, value);
      case BOOLEAN -> toBoolean(column, type, value);
      case DATE -> toDate(column, type, value);
      case TIMESTAMP -> toTimestamp(column, type, value);
      case BYTEA -> toBytes(column, type, value);
    };
  }

  /** The SQL name of a type, as PostgreSQL prints it in error messages. */
  static String typeName(SqlType type) {
    return switch (type.kind()) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case DECIMAL -> type.precision() > 0
          ? "numeric(" + type.precision() + "," + type.scale() + ")" : "numeric";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case CHAR -> "character(" + charLength(type) + ")";
      case VARCHAR -> type.precision() > 0 ? "character varying(" + type.precision() + ")" : "character varying";
      case TEXT -> "text";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp without time zone";
      case BYTEA -> "bytea";
    };
  }

  static int charLength(SqlType type) {
    return type.precision() == 0 ? 1 : type.precision();
  }

  private static long toInteger(String column, SqlType type, Object value, long min, long max, String name) {
    long result;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      result = ((Number) value).longValue();
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      BigDecimal d = value instanceof BigDecimal bd ? bd : new BigDecimal((BigInteger) value);
      BigDecimal rounded = d.setScale(0, RoundingMode.HALF_UP);
      if (rounded.compareTo(LONG_MIN) < 0 || rounded.compareTo(LONG_MAX) > 0) {
        throw outOfRange(name);
      }
      result = rounded.longValueExact();
    } else if (value instanceof Double || value instanceof Float) {
      double d = Math.rint(((Number) value).doubleValue());
      if (Double.isNaN(d) || d < -0x1p63 || d >= 0x1p63) {
        throw outOfRange(name);
      }
      result = (long) d;
    } else if (value instanceof String s) {
      try {
        result = Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        if (s.strip().matches("[+-]?\\d+")) {
          throw outOfRange(name);
        }
        throw new SqlError(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type " + name + ": \"" + s + "\"");
      }
    } else {
      throw mismatch(column, type, value);
    }
    if (result < min || result > max) {
      throw outOfRange(name);
    }
    return result;
  }

  private static SqlError outOfRange(String name) {
    return new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, name + " out of range");
  }

  private static BigDecimal toDecimal(String column, SqlType type, Object value) {
    BigDecimal d;
    if (value instanceof BigDecimal bd) {
      d = bd;
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      d = BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger bi) {
      d = new BigDecimal(bi);
    } else if (value instanceof Double || value instanceof Float) {
      double x = ((Number) value).doubleValue();
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        throw new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
            "cannot convert " + x + " to numeric");
      }
      d = value instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(x);
    } else if (value instanceof String s) {
      try {
        d = new BigDecimal(s.strip());
      } catch (NumberFormatException e) {
        throw new SqlError(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type numeric: \"" + s + "\"");
      }
    } else {
      throw mismatch(column, type, value);
    }
    if (type.precision() == 0) {
      return d;
    }
    BigDecimal scaled = d.setScale(type.scale(), RoundingMode.HALF_UP);
    int integerDigits = scaled.precision() - scaled.scale();
    if (scaled.signum() != 0 && integerDigits > type.precision() - type.scale()) {
      throw new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow", 0,
          "A field with precision " + type.precision() + ", scale " + type.scale()
              + " must round to an absolute value less than 10^" + (type.precision() - type.scale()) + ".",
          null, null);
    }
    return scaled;
  }

  private static Float toReal(String column, SqlType type, Object value) {
    double d = toDouble(column, type, value);
    if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
      throw new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "value out of range: overflow");
    }
    float r = value instanceof Float f ? f : (float) d;
    if (r == 0.0f && d != 0.0) {
      // as PostgreSQL's float8-to-float4 conversion: a non-zero value does not become zero
      throw new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: underflow");
    }
    return r;
  }

  private static Double toDouble(String column, SqlType type, Object value) {
    if (value instanceof Number n && !(value instanceof BigDecimal || value instanceof BigInteger)) {
      return n.doubleValue();
    }
    if (value instanceof BigDecimal || value instanceof BigInteger) {
      double d = ((Number) value).doubleValue();
      if (Double.isInfinite(d)) {
        throw new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
      }
      return d;
    }
    if (value instanceof String s) {
      String t = s.strip().toLowerCase(Locale.ROOT);
      switch (t) {
        case "nan": return Double.NaN;
        case "infinity", "+infinity", "inf", "+inf": return Double.POSITIVE_INFINITY;
        case "-infinity", "-inf": return Double.NEGATIVE_INFINITY;
        default: break;
      }
      try {
        if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
          throw new NumberFormatException(t);
        }
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d)) {
          throw new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
              "\"" + s + "\" is out of range for type " + typeName(type));
        }
        return d;
      } catch (NumberFormatException e) {
        throw new SqlError(SqlState.INVALID_TEXT_REPRESENTATION,
            "invalid input syntax for type " + typeName(type) + ": \"" + s + "\"");
      }
    }
    throw mismatch(column, type, value);
  }

  private static String toText(SqlType type, Object value) {
    String s = textOf(value);
    int limit = type.kind() == SqlType.Kind.CHAR ? charLength(type)
        : type.kind() == SqlType.Kind.VARCHAR ? type.precision() : 0;
    if (limit == 0) {
      return s;
    }
    int length = s.codePointCount(0, s.length());
    if (length > limit) {
      int cut = s.offsetByCodePoints(0, limit);
      if (!s.substring(cut).chars().allMatch(c -> c == ' ')) {
        throw new SqlError(SqlState.STRING_DATA_RIGHT_TRUNCATION,
            "value too long for type " + typeName(type));
      }
      return s.substring(0, cut);
    }
    if (type.kind() == SqlType.Kind.CHAR && length < limit) {
      return s + " ".repeat(limit - length);
    }
    return s;
  }

  /** The text form PostgreSQL's output functions would give a value. */
  static String textOf(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double d) {
      return formatFloat(d, Double.toString(d));
    }
    if (value instanceof Float f) {
      return formatFloat(f, Float.toString(f));
    }
    if (value instanceof LocalDateTime t) {
      return TIMESTAMP_OUT.format(t);
    }
    if (value instanceof byte[] b) {
      return "\\x" + HexFormat.of().formatHex(b);
    }
    return String.valueOf(value);
  }

  private static String formatFloat(double d, String javaText) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return d == 0 && 1 / d < 0 ? "-0" : Long.toString((long) d);
    }
    int e = javaText.indexOf('E');
    if (e < 0) {
      return javaText;
    }
    // Java's 1.0E20 / 1.5E-7 in PostgreSQL's style: 1e+20 / 1.5e-07.
    String mantissa = javaText.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    int exponent = Integer.parseInt(javaText.substring(e + 1));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
  }

  private static Boolean toBoolean(String column, SqlType type, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      String t = s.strip().toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) {
        if ("true".startsWith(t) || "yes".startsWith(t) || t.equals("on") || t.equals("1")) {
          return true;
        }
        if ("false".startsWith(t) || "no".startsWith(t) || t.equals("off") || t.equals("0")) {
          return false;
        }
      }
      throw new SqlError(SqlState.INVALID_TEXT_REPRESENTATION,
          "invalid input syntax for type boolean: \"" + s + "\"");
    }
    throw mismatch(column, type, value);
  }

  private static LocalDate toDate(String column, SqlType type, Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof LocalDateTime t) {
      return t.toLocalDate();
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime().toLocalDate();
    }
    if (value instanceof String s) {
      return parseTimestamp(s, "date").toLocalDate();
    }
    throw mismatch(column, type, value);
  }

  private static LocalDateTime toTimestamp(String column, SqlType type, Object value) {
    if (value instanceof LocalDateTime t) {
      return roundToMicros(t);
    }
    if (value instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (value instanceof java.sql.Timestamp t) {
      return roundToMicros(t.toLocalDateTime());
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay();
    }
    if (value instanceof String s) {
      return roundToMicros(parseTimestamp(s, "timestamp"));
    }
    throw mismatch(column, type, value);
  }

  /** PostgreSQL keeps microseconds; rounds half up on the nanosecond remainder. */
  static LocalDateTime roundToMicros(LocalDateTime t) {
    int remainder = t.getNano() % 1000;
    if (remainder == 0) {
      return t;
    }
    LocalDateTime down = t.minusNanos(remainder);
    return remainder >= 500 ? down.plusNanos(1000) : down;
  }

  private static LocalDateTime parseTimestamp(String s, String typeName) {
    try {
      TIMESTAMP_TEXT.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new SqlError(SqlState.INVALID_DATETIME_FORMAT,
          "invalid input syntax for type " + typeName + ": \"" + s + "\"");
    }
    try {
      var parsed = TIMESTAMP_TEXT.withResolverStyle(ResolverStyle.STRICT).parse(s.strip());
      LocalDate date = LocalDate.from(parsed);
      LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
      return date.atTime(time);
    } catch (java.time.DateTimeException e) {
      throw new SqlError(SqlState.DATETIME_FIELD_OVERFLOW,
          "date/time field value out of range: \"" + s + "\"");
    }
  }

  private static byte[] toBytes(String column, SqlType type, Object value) {
    if (value instanceof byte[] b) {
      return b;
    }
    if (value instanceof String s) {
      if (s.startsWith("\\x")) {
        try {
          return HexFormat.of().parseHex(s.substring(2));
        } catch (IllegalArgumentException e) {
          throw new SqlError(SqlState.INVALID_TEXT_REPRESENTATION,
              "invalid hexadecimal data in bytea input: \"" + s + "\"");
        }
      }
      return s.getBytes(StandardCharsets.UTF_8);
    }
    throw mismatch(column, type, value);
  }

  private static SqlError mismatch(String column, SqlType type, Object value) {
    return new SqlError(SqlState.DATATYPE_MISMATCH,
        "column \"" + column + "\" is of type " + typeName(type) + " but expression is of type "
            + javaTypeName(value));
  }

  private static String javaTypeName(Object value) {
    if (value instanceof Integer || value instanceof Short) {
      return "integer";
    }
    if (value instanceof Long) {
      return "bigint";
    }
    if (value instanceof BigDecimal) {
      return "numeric";
    }
    if (value instanceof Double) {
      return "double precision";
    }
    if (value instanceof Float) {
      return "real";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof String) {
      return "text";
    }
    if (value instanceof LocalDate) {
      return "date";
    }
    if (value instanceof LocalDateTime) {
      return "timestamp without time zone";
    }
    if (value instanceof byte[]) {
      return "bytea";
    }
    return value.getClass().getSimpleName();
  }
}
