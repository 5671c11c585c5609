package io.shaledb.sql.rowenc;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/**
 * The compact value encoding of the non-key columns of a row (the value of a primary-index KV).
 *
 * <pre>
 * value  := 0x01 (format version) field*
 * field  := uvarint(columnId) tag payload        fields in column order; NULL columns are omitted
 * tag    := 1 INT     zigzag varint                (SMALLINT, INTEGER, BIGINT)
 *           2 DECIMAL zigzag varint scale, uvarint n, n bytes two's-complement unscaled value
 *           3 REAL    4 bytes IEEE bits, big-endian
 *           4 DOUBLE  8 bytes IEEE bits, big-endian
 *           5 STRING  uvarint n, n bytes UTF-8
 *           6 TRUE    (no payload)
 *           7 FALSE   (no payload)
 *           8 DATE    zigzag varint epoch day
 *           9 TIMESTAMP zigzag varint microseconds since 1970-01-01T00:00
 *          10 BYTES   uvarint n, n bytes
 * </pre>
 * The tag makes every field self-delimiting, so a reader skips fields of column ids it does not
 * know (a dropped column) and a column's type can be checked against its descriptor. Stateless.
 */
final class ValueCodec {

  static final byte FORMAT_VERSION = 1;

  private static final int TAG_INT = 1;
  private static final int TAG_DECIMAL = 2;
  private static final int TAG_REAL = 3;
  private static final int TAG_DOUBLE = 4;
  private static final int TAG_STRING = 5;
  private static final int TAG_TRUE = 6;
  private static final int TAG_FALSE = 7;
  private static final int TAG_DATE = 8;
  private static final int TAG_TIMESTAMP = 9;
  private static final int TAG_BYTES = 10;

  private ValueCodec() {}

  /** Encodes the columns of {@code row} whose ids are not in {@code keyColumnIds}. */
  static byte[] encode(TableDescriptor t, Object[] row, Set<Integer> keyColumnIds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    out.write(FORMAT_VERSION);
    var columns = t.columns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDescriptor c = columns.get(i);
      Object v = row[i];
      if (v == null || keyColumnIds.contains(c.id())) {
        continue;
      }
      writeUvarint(out, c.id());
      writeField(out, v);
    }
    return out.toByteArray();
  }

  /**
   * Fills the non-key entries of {@code row} (ordered like {@code t.columns()}) from {@code value}:
   * {@code positionById[columnId]} is the column's position
   * in the row (-1 or beyond the array: a dropped column, skipped); when {@code wanted} is non-null
   * only the positions it marks are decoded (the others are skipped without building values).
   */
  static void decode(TableDescriptor t, int[] positionById, boolean[] narrowIntegers, boolean[] wanted,
      byte[] value, Object[] row) {
    if (value.length == 0 || value[0] != FORMAT_VERSION) {
      throw corrupt(t, "unknown row value format");
    }
    int[] pos = {1};
    while (pos[0] < value.length) {
      int columnId = (int) readUvarint(value, pos);
      int tag = value[pos[0]++];
      int index = columnId >= 0 && columnId < positionById.length ? positionById[columnId] : -1;
      if (index < 0 || wanted != null && !wanted[index]) {
        skipField(t, value, pos, tag);
        continue;
      }
      if (tag == TAG_INT) {
        long v = readZigzag(value, pos);
        row[index] = narrowIntegers[index] ? (Object) Integer.valueOf((int) v) : (Object) Long.valueOf(v);
      } else {
        row[index] = readField(t, value, pos, tag);
      }
    }
  }

  private static void skipField(TableDescriptor t, byte[] b, int[] pos, int tag) {
    switch (tag) {
      case TAG_INT, TAG_DATE, TAG_TIMESTAMP -> readUvarint(b, pos);
      case TAG_DECIMAL -> {
        readUvarint(b, pos);
        skipBytes(b, pos);
      }
      case TAG_REAL -> pos[0] += 4;
      case TAG_DOUBLE -> pos[0] += 8;
      case TAG_STRING, TAG_BYTES -> skipBytes(b, pos);
      case TAG_TRUE, TAG_FALSE -> { }
      default -> throw corrupt(t, "unknown value tag " + tag);
    }
  }

  private static void skipBytes(byte[] b, int[] pos) {
    int n = (int) readUvarint(b, pos);
    pos[0] += n;
  }

  private static void writeField(ByteArrayOutputStream out, Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      out.write(TAG_INT);
      writeZigzag(out, ((Number) v).longValue());
    } else if (v instanceof BigDecimal d) {
      out.write(TAG_DECIMAL);
      writeZigzag(out, d.scale());
      writeBytes(out, d.unscaledValue().toByteArray());
    } else if (v instanceof Float f) {
      out.write(TAG_REAL);
      writeFixed(out, Float.floatToRawIntBits(f) & 0xFFFFFFFFL, 4);
    } else if (v instanceof Double d) {
      out.write(TAG_DOUBLE);
      writeFixed(out, Double.doubleToRawLongBits(d), 8);
    } else if (v instanceof String s) {
      out.write(TAG_STRING);
      writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    } else if (v instanceof Boolean b) {
      out.write(b ? TAG_TRUE : TAG_FALSE);
    } else if (v instanceof LocalDate d) {
      out.write(TAG_DATE);
      writeZigzag(out, d.toEpochDay());
    } else if (v instanceof LocalDateTime ts) {
      out.write(TAG_TIMESTAMP);
      writeZigzag(out, epochMicros(ts));
    } else if (v instanceof byte[] b) {
      out.write(TAG_BYTES);
      writeBytes(out, b);
    } else {
      throw new IllegalArgumentException("cannot store a " + v.getClass().getName());
    }
  }

  static long epochMicros(LocalDateTime ts) {
    try {
      long seconds = ts.toEpochSecond(ZoneOffset.UTC);
      return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), ts.getNano() / 1000);
    } catch (ArithmeticException e) {
      throw new SqlError(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
    }
  }

  static LocalDateTime fromEpochMicros(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  private static Object readField(TableDescriptor t, byte[] b, int[] pos, int tag) {
    return switch (tag) {
      case TAG_INT -> readZigzag(b, pos);
      case TAG_DECIMAL -> {
        int scale = (int) readZigzag(b, pos);
        yield new BigDecimal(new BigInteger(readBytes(b, pos)), scale);
      }
      case TAG_REAL -> Float.intBitsToFloat((int) readFixed(b, pos, 4));
      case TAG_DOUBLE -> Double.longBitsToDouble(readFixed(b, pos, 8));
      case TAG_STRING -> readString(b, pos);
      case TAG_TRUE -> Boolean.TRUE;
      case TAG_FALSE -> Boolean.FALSE;
      case TAG_DATE -> LocalDate.ofEpochDay(readZigzag(b, pos));
      case TAG_TIMESTAMP -> fromEpochMicros(readZigzag(b, pos));
      case TAG_BYTES -> readBytes(b, pos);
      default -> throw corrupt(t, "unknown value tag " + tag);
    };
  }

  private static SqlError corrupt(TableDescriptor t, String what) {
    return new SqlError(SqlState.DATA_CORRUPTED, what + " in table \"" + t.name() + "\"");
  }

  static void writeUvarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static long readUvarint(byte[] b, int[] pos) {
    byte first = b[pos[0]];
    if (first >= 0) {
      // one byte: column ids, tags' small integers, short lengths
      pos[0]++;
      return first;
    }
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte x = b[pos[0]++];
      result |= (long) (x & 0x7F) << shift;
      if ((x & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }

  private static void writeZigzag(ByteArrayOutputStream out, long v) {
    writeUvarint(out, (v << 1) ^ (v >> 63));
  }

  private static long readZigzag(byte[] b, int[] pos) {
    long u = readUvarint(b, pos);
    return (u >>> 1) ^ -(u & 1);
  }

  private static void writeFixed(ByteArrayOutputStream out, long v, int bytes) {
    for (int i = bytes - 1; i >= 0; i--) {
      out.write((int) (v >>> (8 * i)));
    }
  }

  private static long readFixed(byte[] b, int[] pos, int bytes) {
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | (b[pos[0]++] & 0xFF);
    }
    return v;
  }

  private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
    writeUvarint(out, bytes.length);
    out.writeBytes(bytes);
  }

  /** A length-prefixed UTF-8 string, decoded in place. */
  private static String readString(byte[] b, int[] pos) {
    int n = (int) readUvarint(b, pos);
    if (n < 0 || n > b.length - pos[0]) {
      throw new ArrayIndexOutOfBoundsException("string of " + n + " bytes past the value's end");
    }
    String s = new String(b, pos[0], n, StandardCharsets.UTF_8);
    pos[0] += n;
    return s;
  }

  private static byte[] readBytes(byte[] b, int[] pos) {
    int n = (int) readUvarint(b, pos);
    byte[] result = Arrays.copyOfRange(b, pos[0], pos[0] + n);
    pos[0] += n;
    return result;
  }
}
