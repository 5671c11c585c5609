package io.shaledb.kv.mvcc;

import io.shaledb.kv.Timestamp;

/** Encoding of versioned keys. */
public final class MvccKeys {
  private MvccKeys() {}

  public static byte[] encode(byte[] userKey, Timestamp ts) { throw new UnsupportedOperationException(); }
  public static MvccKey decode(byte[] encoded) { throw new UnsupportedOperationException(); }
}
