package io.shaledb.kv.mvcc;

import io.shaledb.kv.Timestamp;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A user key at one MVCC timestamp, as stored in the MVCC column family (see {@link MvccKeys}).
 *
 * @param userKey the key as the transaction layer sees it (not copied)
 * @param timestamp the version's timestamp
 */
public record MvccKey(byte[] userKey, Timestamp timestamp) {
  public MvccKey {
    Objects.requireNonNull(userKey, "userKey");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MvccKey k && Arrays.equals(userKey, k.userKey) && timestamp.equals(k.timestamp);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(userKey) + timestamp.hashCode();
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(userKey) + "@" + timestamp;
  }
}
