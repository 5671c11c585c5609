package io.shaledb.jdbc.client;

import com.google.protobuf.ByteString;
import io.shaledb.jdbc.proto.Value;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Converts between wire {@link Value}s and the canonical Java values of the client core.
 *
 * <p>Canonical values: {@code null}, {@link Long} (every integer type), {@link Double} (REAL and
 * DOUBLE), {@link BigDecimal}, {@link String}, {@link Boolean}, {@code byte[]}, {@link LocalDate}
 * and {@link LocalDateTime}. Integer widths are restored from column metadata by the caller.
 */
public final class WireValues {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final Value NULL = Value.newBuilder().setNull(true).build();

  private WireValues() {}

  /**
   * Encodes a Java value. Accepts the canonical types plus {@link Integer}, {@link Short}, {@link
   * Byte} and {@link Float}, which are widened.
   *
   * @throws IllegalArgumentException for any other type
   */
  public static Value toWire(Object value) {
    if (value == null) {
      return NULL;
    }
    Value.Builder b = Value.newBuilder();
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return b.setIntValue(((Number) value).longValue()).build();
    }
    if (value instanceof Double || value instanceof Float) {
      return b.setDoubleValue(((Number) value).doubleValue()).build();
    }
    if (value instanceof BigDecimal d) {
      return b.setDecimalValue(d.toString()).build();
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
      return b.setTimestampValue(toEpochMicros(ts)).build();
    }
    throw new IllegalArgumentException("cannot send a value of type " + value.getClass().getName());
  }

  /**
   * Decodes a wire value to its canonical Java value ({@code null} for SQL NULL or an unset value).
   */
  public static Object fromWire(Value value) {
    return switch (value.getKindCase()) {
      case NULL, KIND_NOT_SET -> null;
      case INT_VALUE -> value.getIntValue();
      case DOUBLE_VALUE -> value.getDoubleValue();
      case DECIMAL_VALUE -> new BigDecimal(value.getDecimalValue());
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> value.getBoolValue();
      case BYTES_VALUE -> value.getBytesValue().toByteArray();
      case DATE_VALUE -> LocalDate.ofEpochDay(value.getDateValue());
      case TIMESTAMP_VALUE -> fromEpochMicros(value.getTimestampValue());
    };
  }

  /** Microseconds since 1970-01-01T00:00 (no time zone); sub-microsecond digits are truncated. */
  public static long toEpochMicros(LocalDateTime ts) {
    long seconds = ts.toEpochSecond(ZoneOffset.UTC);
    return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), ts.getNano() / 1000);
  }

  /** Inverse of {@link #toEpochMicros}. */
  public static LocalDateTime fromEpochMicros(long micros) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    int nanos = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }
}
