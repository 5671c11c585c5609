package io.shaledb.kv.mvcc;

import io.shaledb.kv.Timestamp;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Layout of versioned keys in the MVCC column family:
 *
 * <pre>
 *   escaped(userKey) 0x00 0x01  ~wallNanos (8 bytes, big-endian)  ~logical (4 bytes, big-endian)
 * </pre>
 *
 * where {@code escaped} turns every 0x00 byte into 0x00 0xFF (as {@code OrderedEncoder.writeBytes}
 * does, without its type marker). The escaped user key plus terminator ({@link #versionPrefix}) is
 * order-preserving and prefix-free, so all versions of one user key are contiguous, user keys keep
 * their bytewise order, and a key never interleaves with a longer key that starts with it. The
 * inverted timestamp puts the newest version of a key first.
 */
public final class MvccKeys {
  private MvccKeys() {}

  /** Bytes after the version prefix: inverted wall (8) and logical (4). */
  static final int TIMESTAMP_LENGTH = 12;

  /** The versioned key of {@code userKey} at {@code ts}. */
  public static byte[] encode(byte[] userKey, Timestamp ts) {
    Objects.requireNonNull(ts, "ts");
    byte[] prefix = versionPrefix(userKey);
    byte[] out = Arrays.copyOf(prefix, prefix.length + TIMESTAMP_LENGTH);
    long wall = ~ts.wallNanos();
    int logical = ~ts.logical();
    int p = prefix.length;
    for (int shift = 56; shift >= 0; shift -= 8) {
      out[p++] = (byte) (wall >>> shift);
    }
    for (int shift = 24; shift >= 0; shift -= 8) {
      out[p++] = (byte) (logical >>> shift);
    }
    return out;
  }

  /**
   * The common prefix of every version of {@code userKey}. It sorts before all of them and, for
   * user keys {@code a < b}, {@code versionPrefix(a) < versionPrefix(b)}; so it is also the bound to
   * use for spans of user keys.
   */
  public static byte[] versionPrefix(byte[] userKey) {
    Objects.requireNonNull(userKey, "userKey");
    ByteArrayOutputStream out = new ByteArrayOutputStream(userKey.length + 2 + TIMESTAMP_LENGTH);
    for (byte b : userKey) {
      out.write(b);
      if (b == 0) {
        out.write(0xFF);
      }
    }
    out.write(0x00);
    out.write(0x01);
    return out.toByteArray();
  }

  /** The smallest encoded key above every version of {@code userKey}. */
  public static byte[] versionsEnd(byte[] userKey) {
    byte[] prefix = versionPrefix(userKey);
    prefix[prefix.length - 1] = 0x02; // the terminator 0x00 0x01 becomes 0x00 0x02
    return prefix;
  }

  /**
   * Splits an encoded versioned key.
   *
   * @throws IllegalArgumentException if {@code encoded} is not a versioned key
   */
  public static MvccKey decode(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    // Fast path: no 0x00 in the user key, so the first 0x00 is the terminator's and nothing is
    // escaped; the user key is a plain copy (most keys; a scan decodes one per row).
    int t = 0;
    while (t < encoded.length && encoded[t] != 0) {
      t++;
    }
    if (t + 1 < encoded.length && encoded[t + 1] == 0x01) {
      int i = t + 2;
      if (encoded.length - i != TIMESTAMP_LENGTH) {
        throw new IllegalArgumentException(
            "versioned key has " + (encoded.length - i) + " timestamp bytes, want " + TIMESTAMP_LENGTH);
      }
      return new MvccKey(Arrays.copyOf(encoded, t), timestampAt(encoded, i));
    }
    ByteArrayOutputStream user = new ByteArrayOutputStream(encoded.length);
    int i = 0;
    while (true) {
      if (i + 1 >= encoded.length) {
        throw new IllegalArgumentException("versioned key without terminator");
      }
      byte b = encoded[i];
      if (b != 0) {
        user.write(b);
        i++;
        continue;
      }
      byte next = encoded[i + 1];
      i += 2;
      if (next == (byte) 0xFF) {
        user.write(0);
      } else if (next == 0x01) {
        break;
      } else {
        throw new IllegalArgumentException("bad escape in versioned key at " + (i - 2));
      }
    }
    if (encoded.length - i != TIMESTAMP_LENGTH) {
      throw new IllegalArgumentException(
          "versioned key has " + (encoded.length - i) + " timestamp bytes, want " + TIMESTAMP_LENGTH);
    }
    return new MvccKey(user.toByteArray(), timestampAt(encoded, i));
  }

  /** The inverted timestamp stored at {@code encoded[i..i+12)}. */
  private static Timestamp timestampAt(byte[] encoded, int i) {
    long wall = 0;
    for (int k = 0; k < 8; k++) {
      wall = (wall << 8) | (encoded[i++] & 0xFF);
    }
    int logical = 0;
    for (int k = 0; k < 4; k++) {
      logical = (logical << 8) | (encoded[i++] & 0xFF);
    }
    return new Timestamp(~wall, ~logical);
  }
}
