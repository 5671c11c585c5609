package io.shaledb.kv.mvcc;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.Timestamp;
import io.shaledb.kv.storage.EngineBatch;
import java.util.List;
import java.util.Optional;

/** Stateless MVCC operations. */
public final class Mvcc {
  private Mvcc() {}

  public static Optional<byte[]> get(MvccReader r, byte[] key, Timestamp readTs) { throw new UnsupportedOperationException(); }
  public static List<KeyValue> scan(MvccReader r, byte[] start, byte[] end, Timestamp readTs, int limit, boolean reverse) { throw new UnsupportedOperationException(); }
  public static void put(EngineBatch b, byte[] key, Timestamp ts, byte[] value) { throw new UnsupportedOperationException(); }
  public static void delete(EngineBatch b, byte[] key, Timestamp ts) { throw new UnsupportedOperationException(); }
  public static Optional<Timestamp> newestVersion(MvccReader r, byte[] key) { throw new UnsupportedOperationException(); }
}
