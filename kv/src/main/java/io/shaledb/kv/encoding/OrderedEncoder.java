package io.shaledb.kv.encoding;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * Appends order-preserving, self-delimiting fields to a growable byte buffer.
 *
 * <p>For any two values {@code a}, {@code b} of the same type and direction, the unsigned
 * lexicographic order of their encodings equals their SQL order ({@link Direction#DESC}:
 * reversed), and no encoding is a proper prefix of another; hence tuples of fields compare field
 * by field. NULL sorts before every value ascending and after every value descending. See the
 * package documentation for the byte layout. Not thread-safe.
 */
public final class OrderedEncoder {
  private byte[] buf;
  private int len;

  public OrderedEncoder() {
    buf = new byte[32];
  }

  /** Starts the buffer with a copy of {@code prefix} (e.g. a table/index prefix). */
  public OrderedEncoder(byte[] prefix) {
    buf = Arrays.copyOf(prefix, Math.max(32, prefix.length + 16));
    len = prefix.length;
  }

  public OrderedEncoder writeNull(Direction d) {
    int start = len;
    put(Markers.NULL);
    return finish(start, d);
  }

  /** Marker (sign and byte count) plus 0..8 big-endian bytes; values 0..255 take at most 2 bytes. */
  public OrderedEncoder writeLong(long v, Direction d) {
    int start = len;
    putLongBody(v);
    return finish(start, d);
  }

  /**
   * Marker plus 8 bytes. {@code -0.0} encodes as {@code +0.0}; every NaN encodes as one NaN that
   * sorts after {@code +Infinity} (PostgreSQL order).
   */
  public OrderedEncoder writeDouble(double v, Direction d) {
    int start = len;
    put(Markers.DOUBLE);
    long bits = doubleSortBits(v);
    for (int shift = 56; shift >= 0; shift -= 8) {
      put((int) (bits >>> shift));
    }
    return finish(start, d);
  }

  /**
   * Numeric order regardless of scale: {@code 1.0} and {@code 1.00} encode equal. Layout: sign
   * marker; for non-zero values the decimal exponent {@code E} (value = 0.d1d2... x 10^E, d1 != 0)
   * as a long field, then the digits in base-100 pairs as bytes 1..100 and a 0x00 terminator;
   * negative values have everything after the marker inverted.
   */
  public OrderedEncoder writeDecimal(BigDecimal v, Direction d) {
    Objects.requireNonNull(v, "decimal");
    int start = len;
    int sign = v.signum();
    if (sign == 0) {
      put(Markers.DECIMAL_ZERO);
      return finish(start, d);
    }
    put(sign < 0 ? Markers.DECIMAL_NEG : Markers.DECIMAL_POS);
    int bodyStart = len;
    BigDecimal norm = v.abs().stripTrailingZeros();
    String digits = norm.unscaledValue().toString();
    long exponent = (long) digits.length() - norm.scale();
    putLongBody(exponent);
    for (int i = 0; i < digits.length(); i += 2) {
      int hi = digits.charAt(i) - '0';
      int lo = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
      put(1 + hi * 10 + lo);
    }
    put(Markers.MANTISSA_END);
    if (sign < 0) {
      invert(bodyStart, len);
    }
    return finish(start, d);
  }

  /**
   * UTF-8 bytes, escaped and terminated like {@link #writeBytes}; order is code point order (not
   * Java's UTF-16 {@code String.compareTo} order). Unpaired surrogates become {@code '?'}, as with
   * {@code String.getBytes(UTF_8)}.
   */
  public OrderedEncoder writeString(String v, Direction d) {
    Objects.requireNonNull(v, "string");
    int start = len;
    put(Markers.STRING);
    putEscaped(v.getBytes(StandardCharsets.UTF_8));
    return finish(start, d);
  }

  /** Each 0x00 byte becomes 0x00 0xFF; the field ends with 0x00 0x01. */
  public OrderedEncoder writeBytes(byte[] v, Direction d) {
    Objects.requireNonNull(v, "bytes");
    int start = len;
    put(Markers.BYTES);
    putEscaped(v);
    return finish(start, d);
  }

  public OrderedEncoder writeBoolean(boolean v, Direction d) {
    int start = len;
    put(v ? Markers.TRUE : Markers.FALSE);
    return finish(start, d);
  }

  /** The epoch day, as a long field after a DATE marker. */
  public OrderedEncoder writeDate(LocalDate v, Direction d) {
    Objects.requireNonNull(v, "date");
    int start = len;
    put(Markers.DATE);
    putLongBody(v.toEpochDay());
    return finish(start, d);
  }

  /**
   * Microseconds since 1970-01-01T00:00 (no zone), as a long field after a TIMESTAMP marker;
   * nanoseconds below the microsecond are truncated.
   *
   * @throws IllegalArgumentException if the timestamp is outside the +/-292,000-year microsecond range
   */
  public OrderedEncoder writeTimestamp(LocalDateTime v, Direction d) {
    Objects.requireNonNull(v, "timestamp");
    long micros;
    try {
      micros = Math.addExact(
          Math.multiplyExact(v.toEpochSecond(ZoneOffset.UTC), 1_000_000L), v.getNano() / 1000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("timestamp out of range: " + v, e);
    }
    int start = len;
    put(Markers.TIMESTAMP);
    putLongBody(micros);
    return finish(start, d);
  }

  /** Number of bytes written so far, prefix included. */
  public int length() {
    return len;
  }

  /** A copy of the bytes written so far. */
  public byte[] toBytes() {
    return Arrays.copyOf(buf, len);
  }

  static long doubleSortBits(double v) {
    if (v == 0.0) {
      v = 0.0; // folds -0.0 into +0.0
    }
    long bits = Double.doubleToLongBits(v); // canonical NaN 0x7ff8..., above +Inf once flipped
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  private void putLongBody(long v) {
    if (v >= 0) {
      int n = byteLength(v);
      put(Markers.LONG_ZERO + n);
      putLowBytes(v, n);
    } else {
      int n = byteLength(~v);
      put(Markers.LONG_ZERO - 1 - n);
      putLowBytes(v, n);
    }
  }

  /** Bytes needed to hold the non-negative {@code v}: 0 for zero. */
  static int byteLength(long v) {
    return (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
  }

  private void putLowBytes(long v, int n) {
    for (int shift = (n - 1) * 8; shift >= 0; shift -= 8) {
      put((int) (v >>> shift));
    }
  }

  private void putEscaped(byte[] v) {
    ensure(v.length + 2);
    for (byte b : v) {
      if (b == 0) {
        put(Markers.ESCAPE);
        put(Markers.ESCAPED_00);
      } else {
        put(b);
      }
    }
    put(Markers.ESCAPE);
    put(Markers.TERMINATOR);
  }

  private OrderedEncoder finish(int start, Direction d) {
    if (d == Direction.DESC) {
      invert(start, len);
    } else {
      Objects.requireNonNull(d, "direction");
    }
    return this;
  }

  private void invert(int from, int to) {
    for (int i = from; i < to; i++) {
      buf[i] = (byte) ~buf[i];
    }
  }

  private void put(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}
