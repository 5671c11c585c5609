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
    byte[] out = prefix(userKey, TIMESTAMP_LENGTH);
    long wall = ~ts.wallNanos();
    int logical = ~ts.logical();
    int p = out.length - TIMESTAMP_LENGTH;
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
    return prefix(userKey, 0);
  }

  /** The version prefix of {@code userKey} followed by {@code room} zero bytes. */
  private static byte[] prefix(byte[] userKey, int room) {
    Objects.requireNonNull(userKey, "userKey");
    int zeros = 0;
    for (byte b : userKey) {
      if (b == 0) {
        zeros++;
      }
    }
    byte[] out = Arrays.copyOf(userKey, userKey.length + zeros + 2 + room);
    if (zeros > 0) { // escape each 0x00 as 0x00 0xFF
      int p = 0;
      for (byte b : userKey) {
        out[p++] = b;
        if (b == 0) {
          out[p++] = (byte) 0xFF;
        }
      }
    }
    out[userKey.length + zeros] = 0x00;
    out[userKey.length + zeros + 1] = 0x01;
    return out;
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

  /** The user key of a versioned key (as {@link #decode}{@code .userKey()}, without the timestamp). */
  public static byte[] userKey(byte[] encoded) {
    int t = encoded.length - TIMESTAMP_LENGTH - 2;
    if (t >= 0 && encoded[t] == 0 && encoded[t + 1] == 0x01) {
      int i = 0;
      while (i < t && encoded[i] != 0) {
        i++;
      }
      if (i == t) {
        return Arrays.copyOf(encoded, t); // nothing escaped: a plain copy
      }
    }
    return decode(encoded).userKey();
  }

  /** The 12 bytes a version at {@code ts} ends with (compare with {@link #newerThan}). */
  static byte[] timestampSuffix(Timestamp ts) {
    byte[] enc = encode(new byte[0], ts);
    return Arrays.copyOfRange(enc, enc.length - TIMESTAMP_LENGTH, enc.length);
  }

  /**
   * Whether the versioned key {@code encoded} is of a timestamp above the one {@code suffix} (from
   * {@link #timestampSuffix}) encodes: timestamps are stored inverted, so newer sorts lower.
   */
  static boolean newerThan(byte[] encoded, byte[] suffix) {
    int n = encoded.length;
    if (n < TIMESTAMP_LENGTH) {
      throw new IllegalArgumentException("not a versioned key");
    }
    return Arrays.compareUnsigned(encoded, n - TIMESTAMP_LENGTH, n, suffix, 0, TIMESTAMP_LENGTH) < 0;
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
