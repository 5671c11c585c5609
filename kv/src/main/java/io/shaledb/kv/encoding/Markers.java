package io.shaledb.kv.encoding;

/**
 * Type marker bytes of ascending fields. A descending field is the bitwise inversion of the
 * ascending encoding of the same value, marker included, so every ascending marker lies in
 * {@code [0x01, 0x7F]} and every descending marker in {@code [0x80, 0xFE]}: the first byte of a
 * field alone tells its type and direction.
 */
final class Markers {
  private Markers() {}

  static final int NULL = 0x01;

  /** {@code LONG_ZERO - 1 - n}: negative long with n payload bytes (0..8). */
  static final int LONG_MIN = 0x03;
  /** Zero, encoded as the marker alone; {@code LONG_ZERO + n}: positive with n payload bytes. */
  static final int LONG_ZERO = 0x0C;
  static final int LONG_MAX = 0x14;

  static final int FALSE = 0x20;
  static final int TRUE = 0x21;

  static final int DOUBLE = 0x28;

  static final int DECIMAL_NEG = 0x30;
  static final int DECIMAL_ZERO = 0x31;
  static final int DECIMAL_POS = 0x32;

  static final int STRING = 0x40;
  static final int BYTES = 0x41;

  /** Followed by the long encoding of the epoch day. */
  static final int DATE = 0x48;
  /** Followed by the long encoding of microseconds since 1970-01-01T00:00 (no zone). */
  static final int TIMESTAMP = 0x49;

  /** Escape of a 0x00 data byte in strings and bytes: 0x00 0xFF. */
  static final int ESCAPE = 0x00;
  static final int ESCAPED_00 = 0xFF;
  /** Terminator of strings and bytes: 0x00 0x01. */
  static final int TERMINATOR = 0x01;

  /** Terminator of a decimal mantissa; mantissa bytes are 1..100. */
  static final int MANTISSA_END = 0x00;

  static String name(int ascMarker) {
    if (ascMarker == NULL) {
      return "NULL";
    } else if (ascMarker >= LONG_MIN && ascMarker <= LONG_MAX) {
      return "LONG";
    } else if (ascMarker == FALSE || ascMarker == TRUE) {
      return "BOOLEAN";
    } else if (ascMarker == DOUBLE) {
      return "DOUBLE";
    } else if (ascMarker >= DECIMAL_NEG && ascMarker <= DECIMAL_POS) {
      return "DECIMAL";
    } else if (ascMarker == STRING) {
      return "STRING";
    } else if (ascMarker == BYTES) {
      return "BYTES";
    } else if (ascMarker == DATE) {
      return "DATE";
    } else if (ascMarker == TIMESTAMP) {
      return "TIMESTAMP";
    }
    return String.format("unknown(0x%02x)", ascMarker);
  }
}
