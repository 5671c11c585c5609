package io.shaledb.server.rpc;

import io.shaledb.jdbc.client.WireValues;
import io.shaledb.jdbc.proto.Row;
import io.shaledb.jdbc.proto.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts SQL values between the canonical Java types of {@link io.shaledb.sql.Session} and the
 * wire {@link Value}.
 *
 * <p>The encoding itself is the protocol owner's: {@link WireValues} in the driver module, which
 * owns the {@code .proto}. This class adds what a server needs on top: it refuses malformed client
 * values (no kind set, a decimal that does not parse) with {@link MalformedMessageException}
 * instead of guessing, and encodes {@link BigInteger} results. Stateless and thread-safe.
 */
public final class ValueCodec {

  private ValueCodec() {}

  /**
   * Encodes one Java value.
   *
   * @throws IllegalArgumentException if {@code value} is not of a supported Java type
   */
  public static Value toWire(Object value) {
    if (value instanceof BigInteger i) {
      return WireValues.toWire(new BigDecimal(i));
    }
    return WireValues.toWire(value);
  }

  /**
   * Decodes one client-sent wire value to its canonical Java type: {@link Long}, {@link Double},
   * {@link BigDecimal}, {@link String}, {@link Boolean}, {@code byte[]}, {@link java.time.LocalDate},
   * {@link LocalDateTime} or {@code null}.
   *
   * @throws MalformedMessageException if no kind is set or a decimal does not parse
   */
  public static Object fromWire(Value value) {
    switch (value.getKindCase()) {
      case KIND_NOT_SET:
        throw new MalformedMessageException("parameter value without a kind");
      case DECIMAL_VALUE:
        try {
          return new BigDecimal(value.getDecimalValue());
        } catch (NumberFormatException e) {
          throw new MalformedMessageException(
              "malformed decimal parameter: \"" + value.getDecimalValue() + "\"");
        }
      default:
        return WireValues.fromWire(value);
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
    return WireValues.toEpochMicros(ts);
  }

  static LocalDateTime fromMicros(long micros) {
    return WireValues.fromEpochMicros(micros);
  }
}
