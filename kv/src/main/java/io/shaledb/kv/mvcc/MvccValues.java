package io.shaledb.kv.mvcc;

import java.util.Arrays;
import java.util.Objects;

/**
 * Layout of stored MVCC values: a header byte, {@code 0x01} followed by the value bytes for a
 * value (possibly empty) or {@code 0x00} alone for a deletion tombstone.
 */
public final class MvccValues {
  private MvccValues() {}

  static final byte TOMBSTONE = 0x00;
  static final byte VALUE = 0x01;

  /** The stored form of {@code value}. */
  public static byte[] value(byte[] value) {
    Objects.requireNonNull(value, "value");
    byte[] out = new byte[value.length + 1];
    out[0] = VALUE;
    System.arraycopy(value, 0, out, 1, value.length);
    return out;
  }

  /** The stored form of a deletion. */
  public static byte[] tombstone() {
    return new byte[] {TOMBSTONE};
  }

  /** Whether {@code stored} is a deletion tombstone. */
  public static boolean isTombstone(byte[] stored) {
    check(stored);
    return stored[0] == TOMBSTONE;
  }

  /** The user value held by a non-tombstone stored value. */
  public static byte[] userValue(byte[] stored) {
    check(stored);
    if (stored[0] != VALUE) {
      throw new IllegalArgumentException("not a value: tombstone");
    }
    return Arrays.copyOfRange(stored, 1, stored.length);
  }

  private static void check(byte[] stored) {
    if (stored.length == 0 || (stored[0] != TOMBSTONE && stored[0] != VALUE)
        || (stored[0] == TOMBSTONE && stored.length != 1)) {
      throw new IllegalArgumentException("malformed MVCC value");
    }
  }
}
