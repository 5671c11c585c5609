package io.shaledb.kv.mvcc;

import io.shaledb.kv.storage.ColumnFamily;
import io.shaledb.kv.storage.EngineIterator;
import io.shaledb.kv.storage.EngineReader;

/** Where MVCC reads come from: an engine (latest state) or an engine snapshot. */
@FunctionalInterface
public interface MvccReader {
  /** A raw iterator over the MVCC column family bounded by encoded keys. */
  EngineIterator newMvccIterator(byte[] lowerBound, byte[] upperBound);

  /** Reads through {@code reader} (an {@code Engine} or {@code EngineSnapshot}). */
  static MvccReader of(EngineReader reader) {
    return (lo, hi) -> reader.newIterator(ColumnFamily.MVCC, lo, hi);
  }
}
