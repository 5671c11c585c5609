package io.shaledb.kv.encoding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/** One SQL type as the tests see it: how to encode, decode, compare (SQL order) and normalise. */
record FieldCodec<T>(
    String name,
    TriConsumer<OrderedEncoder, T, Direction> writer,
    BiFunction<OrderedDecoder, Direction, T> reader,
    Comparator<T> sqlOrder,
    UnaryOperator<T> normalise) {

  interface TriConsumer<A, B, C> {
    void accept(A a, B b, C c);
  }

  byte[] encode(T v, Direction d) {
    OrderedEncoder e = new OrderedEncoder();
    writer.accept(e, v, d);
    return e.toBytes();
  }

  static final FieldCodec<Long> LONG = new FieldCodec<>("long",
      (e, v, d) -> e.writeLong(v, d), OrderedDecoder::readLong, Long::compare, v -> v);

  static final FieldCodec<Double> DOUBLE = new FieldCodec<>("double",
      (e, v, d) -> e.writeDouble(v, d), OrderedDecoder::readDouble,
      (a, b) -> Double.compare(a + 0.0, b + 0.0), // +0.0 folds -0.0; Double.compare puts NaN last
      v -> Double.isNaN(v) ? Double.NaN : v + 0.0);

  static final FieldCodec<BigDecimal> DECIMAL = new FieldCodec<>("decimal",
      (e, v, d) -> e.writeDecimal(v, d), OrderedDecoder::readDecimal, BigDecimal::compareTo,
      v -> v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros());

  static final FieldCodec<String> STRING = new FieldCodec<>("string",
      (e, v, d) -> e.writeString(v, d), OrderedDecoder::readString,
      FieldCodec::compareCodePoints, v -> v);

  static final FieldCodec<byte[]> BYTES = new FieldCodec<>("bytes",
      (e, v, d) -> e.writeBytes(v, d), OrderedDecoder::readBytes, Arrays::compareUnsigned, v -> v);

  static final FieldCodec<Boolean> BOOLEAN = new FieldCodec<>("boolean",
      (e, v, d) -> e.writeBoolean(v, d), OrderedDecoder::readBoolean, Boolean::compare, v -> v);

  static final FieldCodec<LocalDate> DATE = new FieldCodec<>("date",
      (e, v, d) -> e.writeDate(v, d), OrderedDecoder::readDate, LocalDate::compareTo, v -> v);

  static final FieldCodec<LocalDateTime> TIMESTAMP = new FieldCodec<>("timestamp",
      (e, v, d) -> e.writeTimestamp(v, d), OrderedDecoder::readTimestamp,
      (a, b) -> a.truncatedTo(ChronoUnit.MICROS).compareTo(b.truncatedTo(ChronoUnit.MICROS)),
      v -> v.truncatedTo(ChronoUnit.MICROS));

  static int compareCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    return Arrays.compare(x, y);
  }
}
