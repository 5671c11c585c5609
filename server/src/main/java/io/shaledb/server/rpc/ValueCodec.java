package io.shaledb.server.rpc;

import com.google.protobuf.ByteString;
import io.shaledb.jdbc.proto.Row;
import io.shaledb.jdbc.proto.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts SQL values between the canonical Java types of {@link io.shaledb.sql.Session} and the
 * wire {@link Value}. The only place in the server that knows both representations.
 *
 * <p>Wire encodings: integers as {@code int_value}, REAL/DOUBLE as {@code double_value}, DECIMAL as
 * {@link BigDecimal#toString()}, DATE as days since 1970-01-01, TIMESTAMP (without time zone) as
 * microseconds since 1970-01-01T00:00 (sub-microsecond digits are truncated toward negative
 * infinity). Stateless and thread-safe.
 */
public final class ValueCodec {
  private static final Value NULL = Value.newBuilder().setNull(true).build();
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private ValueCodec() {}

  /**
   * Encodes one Java value.
   *
   * @throws IllegalArgumentException if {@code value} is not of a supported Java type
   */
  public static Value toWire(Object value) {
    if (value == null) {
      return NULL;
    }
    Value.Builder b = Value.newBuilder();
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      return b.setIntValue(((Number) value).longValue()).build();
    }
    if (value instanceof Double || value instanceof Float) {
      return b.setDoubleValue(((Number) value).doubleValue()).build();
    }
    if (value instanceof BigDecimal d) {
      return b.setDecimalValue(d.toString()).build();
    }
    if (value instanceof BigInteger i) {
      return b.setDecimalValue(i.toString()).build();
    }
    if (value instanceof String s) {
      return b.setStringValue(s).build();
    }
    if (value instanceof Boolean bool) {
      return b.setBoolValue(bool).build();
    }
    if (value instanceof byte[] bytes) {
      return b.setBytesValue(ByteString.copyFrom(bytes)).build();
    }
    if (value instanceof LocalDate date) {
      return b.setDateValue(Math.toIntExact(date.toEpochDay())).build();
    }
    if (value instanceof LocalDateTime ts) {
      return b.setTimestampValue(toMicros(ts)).build();
    }
    throw new IllegalArgumentException(
        "cannot send a value of Java type " + value.getClass().getName());
  }

  /**
   * Decodes one wire value to its canonical Java type: {@link Long}, {@link Double},
   * {@link BigDecimal}, {@link String}, {@link Boolean}, {@code byte[]}, {@link LocalDate},
   * {@link LocalDateTime} or {@code null}.
   *
   * @throws MalformedMessageException if no kind is set or a decimal does not parse
   */
  public static Object fromWire(Value value) {
    switch (value.getKindCase()) {
      case NULL:
        return null;
      case INT_VALUE:
        return value.getIntValue();
      case DOUBLE_VALUE:
        return value.getDoubleValue();
      case DECIMAL_VALUE:
        try {
          return new BigDecimal(value.getDecimalValue());
        } catch (NumberFormatException e) {
          throw new MalformedMessageException(
              "malformed decimal parameter: \"" + value.getDecimalValue() + "\"");
        }
      case STRING_VALUE:
        return value.getStringValue();
      case BOOL_VALUE:
        return value.getBoolValue();
      case BYTES_VALUE:
        return value.getBytesValue().toByteArray();
      case DATE_VALUE:
        return LocalDate.ofEpochDay(value.getDateValue());
      case TIMESTAMP_VALUE:
        return fromMicros(value.getTimestampValue());
      case KIND_NOT_SET:
      default:
        throw new MalformedMessageException("parameter value without a kind");
    }
  }

  /** Decodes a list of wire values (a parameter row). */
  public static List<Object> fromWire(List<Value> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Value v : values) {
      out.add(fromWire(v));
    }
    return out;
  }

  /** Encodes one result row. */
  public static Row rowToWire(Object[] row) {
    Row.Builder b = Row.newBuilder();
    for (Object v : row) {
      b.addValues(toWire(v));
    }
    return b.build();
  }

  static long toMicros(LocalDateTime ts) {
    long seconds = ts.toEpochSecond(ZoneOffset.UTC);
    return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), ts.getNano() / 1_000);
  }

  static LocalDateTime fromMicros(long micros) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    int nanos = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1_000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }
}
