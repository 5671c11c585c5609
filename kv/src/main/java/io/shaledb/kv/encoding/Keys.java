package io.shaledb.kv.encoding;

import java.util.Arrays;
import java.util.HexFormat;

/** Byte-key arithmetic under unsigned lexicographic order (RocksDB's bytewise comparator). */
public final class Keys {
  private Keys() {}

  /** Unsigned lexicographic comparison; a proper prefix sorts first. */
  public static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  /**
   * The smallest key greater than every key starting with {@code prefix}: the prefix with trailing
   * 0xFF bytes removed and its last byte incremented.
   *
   * @return that key, or {@code null} ("unbounded") if {@code prefix} is empty or all 0xFF bytes
   */
  public static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xFF) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }

  /** {@code key + 0x00}: the smallest key greater than {@code key}. */
  public static byte[] next(byte[] key) {
    return Arrays.copyOf(key, key.length + 1);
  }

  /**
   * A readable form for EXPLAIN and debugging: fields written by {@link OrderedEncoder} as
   * {@code /value} segments (descending ones suffixed with {@code ↓}), and any bytes that do not
   * decode as fields in hex. Not meant to be parsed.
   */
  public static String pretty(byte[] key) {
    if (key == null) {
      return "/Max";
    }
    if (key.length == 0) {
      return "/Min";
    }
    StringBuilder out = new StringBuilder();
    OrderedDecoder dec = new OrderedDecoder(key, 0);
    while (dec.hasRemaining()) {
      int start = dec.position();
      String segment;
      try {
        segment = prettyField(dec);
      } catch (KeyDecodingException e) {
        out.append("/0x").append(HexFormat.of().formatHex(key, start, key.length));
        break;
      }
      out.append('/').append(segment);
    }
    return out.toString();
  }

  private static String prettyField(OrderedDecoder dec) {
    Direction d = dec.peekDirection();
    String suffix = d == Direction.DESC ? "↓" : "";
    if (dec.tryReadNull(d)) {
      return "NULL" + suffix;
    }
    String type = dec.peekTypeName();
    String v = switch (type) {
      case "LONG" -> Long.toString(dec.readLong(d));
      case "BOOLEAN" -> Boolean.toString(dec.readBoolean(d));
      case "DOUBLE" -> Double.toString(dec.readDouble(d));
      case "DECIMAL" -> dec.readDecimal(d).toPlainString();
      case "STRING" -> "'" + dec.readString(d).replace("'", "''") + "'";
      case "BYTES" -> "x'" + HexFormat.of().formatHex(dec.readBytes(d)) + "'";
      case "DATE" -> dec.readDate(d).toString();
      case "TIMESTAMP" -> dec.readTimestamp(d).toString();
      default -> throw new KeyDecodingException("not a field: " + type);
    };
    return v + suffix;
  }
}
