package io.shaledb.jdbc;

import io.shaledb.jdbc.client.ColumnDescription;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Conversions between the client core's canonical values (Long, Double, BigDecimal, String,
 * Boolean, byte[], LocalDate, LocalDateTime) and what JDBC getters and setters ask for. Rules
 * follow pgjdbc where it has one: getObject gives Integer for INT2/INT4, Float for FLOAT4,
 * java.sql.Date / Timestamp for DATE / TIMESTAMP; getString works on everything.
 */
final class ValueConversions {
  private static final DateTimeFormatter TIMESTAMP_TEXT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter TIMESTAMP_PARSE =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .appendPattern("HH:mm[:ss]")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private ValueConversions() {}

  /** The value getObject returns for a column (pgjdbc conventions). */
  static Object toObject(Object v, ColumnDescription column) {
    if (v == null) {
      return null;
    }
    int type = column.jdbcType();
    if (v instanceof Long l
        && (type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT)
        && l >= Integer.MIN_VALUE
        && l <= Integer.MAX_VALUE) {
      return (int) (long) l;
    }
    if (v instanceof Double d && type == Types.REAL) {
      return (float) (double) d;
    }
    if (v instanceof LocalDate d) {
      return java.sql.Date.valueOf(d);
    }
    if (v instanceof LocalDateTime ts) {
      return Timestamp.valueOf(ts);
    }
    if (v instanceof byte[] b) {
      return b.clone();
    }
    return v;
  }

  static String toText(Object v, ColumnDescription column) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Double d) {
      return column != null && column.jdbcType() == Types.REAL
          ? Float.toString((float) (double) d)
          : Double.toString(d);
    }
    if (v instanceof byte[] b) {
      return "\\x" + HexFormat.of().formatHex(b);
    }
    if (v instanceof LocalDateTime ts) {
      return TIMESTAMP_TEXT.format(ts);
    }
    return v.toString();
  }

  static boolean toBoolean(Object v) throws SQLException {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof BigDecimal d) {
      return d.signum() != 0;
    }
    if (v instanceof String s) {
      switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "t", "true", "1", "y", "yes", "on" -> {
          return true;
        }
        case "f", "false", "0", "n", "no", "off" -> {
          return false;
        }
        default -> throw ShaleSqlExceptions.cannotConvert(v, "boolean");
      }
    }
    throw ShaleSqlExceptions.cannotConvert(v, "boolean");
  }

  /** An integer value within [min, max]; fractions are truncated toward zero (like pgjdbc). */
  static long toLong(Object v, long min, long max, String target) throws SQLException {
    if (v == null) {
      return 0;
    }
    long result;
    if (v instanceof Long l) {
      result = l;
    } else if (v instanceof Boolean b) {
      result = b ? 1 : 0;
    } else if (v instanceof Double d) {
      if (d.isNaN() || d < min || d > max + 1.0) {
        throw ShaleSqlExceptions.outOfRange(v, target);
      }
      result = (long) (double) d;
    } else if (v instanceof BigDecimal d) {
      result = exactLong(d.setScale(0, RoundingMode.DOWN), v, target);
    } else if (v instanceof String s) {
      try {
        result = exactLong(new BigDecimal(s.trim()).setScale(0, RoundingMode.DOWN), v, target);
      } catch (NumberFormatException e) {
        throw ShaleSqlExceptions.cannotConvert(v, target);
      }
    } else {
      throw ShaleSqlExceptions.cannotConvert(v, target);
    }
    if (result < min || result > max) {
      throw ShaleSqlExceptions.outOfRange(v, target);
    }
    return result;
  }

  private static long exactLong(BigDecimal d, Object original, String target) throws SQLException {
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw ShaleSqlExceptions.outOfRange(original, target);
    }
  }

  static double toDouble(Object v) throws SQLException {
    if (v == null) {
      return 0;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw ShaleSqlExceptions.cannotConvert(v, "double");
      }
    }
    throw ShaleSqlExceptions.cannotConvert(v, "double");
  }

  static BigDecimal toBigDecimal(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw ShaleSqlExceptions.cannotConvert(v, "BigDecimal");
      }
      return BigDecimal.valueOf(d);
    }
    if (v instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw ShaleSqlExceptions.cannotConvert(v, "BigDecimal");
      }
    }
    throw ShaleSqlExceptions.cannotConvert(v, "BigDecimal");
  }

  static byte[] toBytes(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof byte[] b) {
      return b.clone();
    }
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    throw ShaleSqlExceptions.cannotConvert(v, "byte[]");
  }

  static LocalDate toLocalDate(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return d;
    }
    if (v instanceof LocalDateTime ts) {
      return ts.toLocalDate();
    }
    if (v instanceof String s) {
      try {
        String t = s.trim();
        return t.length() > 10
            ? LocalDateTime.parse(t, TIMESTAMP_PARSE).toLocalDate()
            : LocalDate.parse(t);
      } catch (DateTimeParseException e) {
        throw ShaleSqlExceptions.cannotConvert(v, "date");
      }
    }
    throw ShaleSqlExceptions.cannotConvert(v, "date");
  }

  static LocalDateTime toLocalDateTime(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDateTime ts) {
      return ts;
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay();
    }
    if (v instanceof String s) {
      try {
        String t = s.trim();
        return t.length() == 10
            ? LocalDate.parse(t).atStartOfDay()
            : LocalDateTime.parse(t, TIMESTAMP_PARSE);
      } catch (DateTimeParseException e) {
        throw ShaleSqlExceptions.cannotConvert(v, "timestamp");
      }
    }
    throw ShaleSqlExceptions.cannotConvert(v, "timestamp");
  }

  static LocalTime toLocalTime(Object v) throws SQLException {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDateTime ts) {
      return ts.toLocalTime();
    }
    if (v instanceof String s) {
      try {
        return LocalTime.parse(s.trim());
      } catch (DateTimeParseException e) {
        throw ShaleSqlExceptions.cannotConvert(v, "time");
      }
    }
    throw ShaleSqlExceptions.cannotConvert(v, "time");
  }

  /** A DATE as java.sql.Date; with a calendar, midnight in the calendar's time zone. */
  static java.sql.Date toSqlDate(Object v, Calendar cal) throws SQLException {
    LocalDate d = toLocalDate(v);
    if (d == null) {
      return null;
    }
    if (cal == null) {
      return java.sql.Date.valueOf(d);
    }
    return new java.sql.Date(
        d.atStartOfDay(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
  }

  /** A TIMESTAMP as java.sql.Timestamp; with a calendar, interpreted in the calendar's zone. */
  static Timestamp toTimestamp(Object v, Calendar cal) throws SQLException {
    LocalDateTime ts = toLocalDateTime(v);
    if (ts == null) {
      return null;
    }
    if (cal == null) {
      return Timestamp.valueOf(ts);
    }
    return Timestamp.from(ts.atZone(cal.getTimeZone().toZoneId()).toInstant());
  }

  static Time toTime(Object v) throws SQLException {
    LocalTime t = toLocalTime(v);
    return t == null ? null : Time.valueOf(t);
  }

  /**
   * Canonical form of a parameter value given to setObject (without a target type).
   *
   * @throws SQLException 0A000 for times of day, 22023 for unsupported classes
   */
  static Object toParameter(Object x) throws SQLException {
    if (x == null
        || x instanceof String
        || x instanceof Long
        || x instanceof Integer
        || x instanceof Short
        || x instanceof Byte
        || x instanceof Double
        || x instanceof Float
        || x instanceof BigDecimal
        || x instanceof Boolean
        || x instanceof LocalDate
        || x instanceof LocalDateTime) {
      return x;
    }
    if (x instanceof byte[] b) {
      return b.clone();
    }
    if (x instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (x instanceof Timestamp ts) {
      return ts.toLocalDateTime();
    }
    if (x instanceof Time || x instanceof LocalTime) {
      throw ShaleSqlExceptions.notSupported("TIME values");
    }
    if (x instanceof java.util.Date d) {
      return new Timestamp(d.getTime()).toLocalDateTime();
    }
    if (x instanceof BigInteger bi) {
      return new BigDecimal(bi);
    }
    if (x instanceof Character || x instanceof UUID || x instanceof StringBuilder) {
      return x.toString();
    }
    if (x instanceof OffsetDateTime odt) {
      return odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (x instanceof ZonedDateTime zdt) {
      return zdt.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (x instanceof Instant i) {
      return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    throw ShaleSqlExceptions.create(
        "cannot send a parameter of type " + x.getClass().getName(),
        ShaleSqlExceptions.INVALID_PARAMETER_VALUE);
  }

  /**
   * Converts a parameter value to the representation of {@code targetSqlType} (setObject with a
   * type).
   */
  static Object toParameter(Object x, int targetSqlType, int scale) throws SQLException {
    Object v = toParameter(x);
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      v = ((Number) v).longValue();
    } else if (v instanceof Float f) {
      v = (double) f;
    }
    return switch (targetSqlType) {
      case Types.TINYINT -> toLong(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
      case Types.SMALLINT -> toLong(v, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
      case Types.INTEGER -> toLong(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
      case Types.BIGINT -> toLong(v, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> toDouble(v);
      case Types.DECIMAL, Types.NUMERIC ->
          scale >= 0 ? toBigDecimal(v).setScale(scale, RoundingMode.HALF_UP) : toBigDecimal(v);
      case Types.CHAR,
              Types.VARCHAR,
              Types.LONGVARCHAR,
              Types.NCHAR,
              Types.NVARCHAR,
              Types.LONGNVARCHAR,
              Types.CLOB ->
          toText(v, null);
      case Types.BOOLEAN, Types.BIT -> toBoolean(v);
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> toBytes(v);
      case Types.DATE -> toLocalDate(v);
      case Types.TIMESTAMP -> toLocalDateTime(v);
      case Types.TIME, Types.TIME_WITH_TIMEZONE ->
          throw ShaleSqlExceptions.notSupported("TIME values");
      case Types.JAVA_OBJECT, Types.OTHER, Types.NULL -> v;
      default -> throw ShaleSqlExceptions.notSupported("SQL type " + targetSqlType);
    };
  }
}
