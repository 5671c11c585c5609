package io.shaledb.kv.encoding;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Reads fields written by {@link OrderedEncoder} back in the same order. Every read method
 * expects the next field to have the given type and direction and throws {@link
 * KeyDecodingException} (leaving the position unchanged) if it has not or if the key is
 * truncated. The key array is not copied and must not change while decoding. Not thread-safe.
 */
public final class OrderedDecoder {
  private final byte[] key;
  private int pos;
  /** 0x00 while reading ascending bytes, 0xFF while reading inverted ones. */
  private int flip;

  public OrderedDecoder(byte[] key, int offset) {
    this.key = Objects.requireNonNull(key, "key");
    if (offset < 0 || offset > key.length) {
      throw new IndexOutOfBoundsException("offset " + offset + " outside key of " + key.length);
    }
    this.pos = offset;
  }

  public boolean hasRemaining() {
    return pos < key.length;
  }

  /** Index of the next unread byte. */
  public int position() {
    return pos;
  }

  /** Consumes the next field and returns true if it is a NULL of direction {@code d}. */
  public boolean tryReadNull(Direction d) {
    if (pos < key.length && (key[pos] & 0xFF) == (Markers.NULL ^ mask(d))) {
      pos++;
      return true;
    }
    return false;
  }

  public long readLong(Direction d) {
    return read(d, "LONG", this::longBody);
  }

  public double readDouble(Direction d) {
    return read(d, "DOUBLE", () -> {
      expectMarker(Markers.DOUBLE, "DOUBLE");
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits = (bits << 8) | next();
      }
      bits = bits < 0 ? bits ^ Long.MIN_VALUE : ~bits;
      return Double.longBitsToDouble(bits);
    });
  }

  /** The value with trailing zeros stripped (scale may differ from what was written). */
  public BigDecimal readDecimal(Direction d) {
    return read(d, "DECIMAL", () -> {
      int marker = next();
      if (marker == Markers.DECIMAL_ZERO) {
        return BigDecimal.ZERO;
      }
      if (marker != Markers.DECIMAL_POS && marker != Markers.DECIMAL_NEG) {
        throw mismatch("DECIMAL", marker);
      }
      boolean negative = marker == Markers.DECIMAL_NEG;
      if (negative) {
        flip ^= 0xFF;
      }
      long exponent = longBody();
      StringBuilder digits = new StringBuilder();
      for (int b = next(); b != Markers.MANTISSA_END; b = next()) {
        if (b < 1 || b > 100) {
          throw new KeyDecodingException("bad decimal mantissa byte at " + (pos - 1));
        }
        digits.append((char) ('0' + (b - 1) / 10)).append((char) ('0' + (b - 1) % 10));
      }
      if (negative) {
        flip ^= 0xFF;
      }
      if (digits.length() == 0) {
        throw new KeyDecodingException("empty decimal mantissa at " + pos);
      }
      if (digits.charAt(digits.length() - 1) == '0') {
        digits.setLength(digits.length() - 1); // padding of an odd digit count
      }
      BigInteger unscaled = new BigInteger(digits.toString());
      long scale = digits.length() - exponent;
      if (scale > Integer.MAX_VALUE || scale < Integer.MIN_VALUE) {
        throw new KeyDecodingException("decimal exponent out of range: " + exponent);
      }
      BigDecimal v = new BigDecimal(negative ? unscaled.negate() : unscaled, (int) scale);
      return v.stripTrailingZeros();
    });
  }

  public String readString(Direction d) {
    return read(d, "STRING", () -> {
      expectMarker(Markers.STRING, "STRING");
      return new String(unescape(), StandardCharsets.UTF_8);
    });
  }

  public byte[] readBytes(Direction d) {
    return read(d, "BYTES", () -> {
      expectMarker(Markers.BYTES, "BYTES");
      return unescape();
    });
  }

  public boolean readBoolean(Direction d) {
    return read(d, "BOOLEAN", () -> {
      int marker = next();
      if (marker == Markers.TRUE) {
        return true;
      } else if (marker == Markers.FALSE) {
        return false;
      }
      throw mismatch("BOOLEAN", marker);
    });
  }

  public LocalDate readDate(Direction d) {
    return read(d, "DATE", () -> {
      expectMarker(Markers.DATE, "DATE");
      return LocalDate.ofEpochDay(longBody());
    });
  }

  public LocalDateTime readTimestamp(Direction d) {
    return read(d, "TIMESTAMP", () -> {
      expectMarker(Markers.TIMESTAMP, "TIMESTAMP");
      long micros = longBody();
      return LocalDateTime.ofEpochSecond(
          Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000,
          ZoneOffset.UTC);
    });
  }

  /** Skips one field of any type and direction. */
  public void skipField() {
    if (pos >= key.length) {
      throw new KeyDecodingException("no field to skip at " + pos);
    }
    Direction d = (key[pos] & 0x80) == 0 ? Direction.ASC : Direction.DESC;
    read(d, "any field", () -> {
      int marker = peek();
      if (marker == Markers.NULL || marker == Markers.TRUE || marker == Markers.FALSE
          || marker == Markers.DECIMAL_ZERO) {
        pos++;
      } else if (marker >= Markers.LONG_MIN && marker <= Markers.LONG_MAX) {
        longBody();
      } else if (marker == Markers.DOUBLE) {
        pos++;
        need(8);
        pos += 8;
      } else if (marker == Markers.DECIMAL_POS || marker == Markers.DECIMAL_NEG) {
        readDecimal(Direction.ASC);
      } else if (marker == Markers.STRING || marker == Markers.BYTES) {
        pos++;
        unescape();
      } else if (marker == Markers.DATE || marker == Markers.TIMESTAMP) {
        pos++;
        longBody();
      } else {
        throw mismatch("a field", marker);
      }
      return null;
    });
  }

  /** The type name of the next field (for diagnostics), or null at the end of the key. */
  String peekTypeName() {
    if (pos >= key.length) {
      return null;
    }
    int raw = key[pos] & 0xFF;
    return Markers.name((raw & 0x80) == 0 ? raw : raw ^ 0xFF);
  }

  /** Direction of the next field, judged by its marker. */
  Direction peekDirection() {
    return (key[pos] & 0x80) == 0 ? Direction.ASC : Direction.DESC;
  }

  private interface FieldReader<T> {
    T read();
  }

  /** Runs {@code r} with bytes un-inverted for {@code d}; restores the position on failure. */
  private <T> T read(Direction d, String type, FieldReader<T> r) {
    int start = pos;
    int savedFlip = flip;
    flip ^= mask(d);
    try {
      return r.read();
    } catch (KeyDecodingException e) {
      pos = start;
      throw e;
    } catch (RuntimeException e) {
      pos = start;
      throw new KeyDecodingException("malformed " + type + " at " + start + ": " + e.getMessage());
    } finally {
      flip = savedFlip;
    }
  }

  private long longBody() {
    int marker = next();
    if (marker < Markers.LONG_MIN || marker > Markers.LONG_MAX) {
      throw mismatch("LONG", marker);
    }
    boolean negative = marker < Markers.LONG_ZERO;
    int n = negative ? Markers.LONG_ZERO - 1 - marker : marker - Markers.LONG_ZERO;
    need(n);
    long v = negative ? -1L : 0L;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | next();
    }
    return v;
  }

  private byte[] unescape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      int b = next();
      if (b != Markers.ESCAPE) {
        out.write(b);
        continue;
      }
      int e = next();
      if (e == Markers.TERMINATOR) {
        return out.toByteArray();
      } else if (e == Markers.ESCAPED_00) {
        out.write(0);
      } else {
        throw new KeyDecodingException("bad escape 0x00 0x" + Integer.toHexString(e) + " at " + (pos - 2));
      }
    }
  }

  private void expectMarker(int marker, String type) {
    int m = next();
    if (m != marker) {
      throw mismatch(type, m);
    }
  }

  private KeyDecodingException mismatch(String expected, int marker) {
    return new KeyDecodingException("expected " + expected + " but found "
        + Markers.name(marker) + " (byte 0x" + Integer.toHexString(marker ^ flip) + ")");
  }

  private void need(int n) {
    if (pos + n > key.length) {
      throw new KeyDecodingException("key truncated at " + pos);
    }
  }

  private int peek() {
    need(1);
    return (key[pos] & 0xFF) ^ flip;
  }

  private int next() {
    need(1);
    return (key[pos++] & 0xFF) ^ flip;
  }

  private static int mask(Direction d) {
    return Objects.requireNonNull(d, "direction") == Direction.DESC ? 0xFF : 0x00;
  }
}
