package io.shaledb.kv.storage;

/**
 * Read access shared by {@link Engine} (latest committed state) and {@link EngineSnapshot} (a
 * fixed point in time). Keys are compared bytewise (unsigned lexicographic).
 */
public interface EngineReader {
  /** The value stored at {@code key} in {@code cf}, or {@code null} if absent. */
  byte[] get(ColumnFamily cf, byte[] key);

  /**
   * An iterator over {@code lowerBound <= key < upperBound} in {@code cf}; {@code null} bounds are
   * unbounded. The iterator starts unpositioned (call a seek method) and must be closed.
   */
  EngineIterator newIterator(ColumnFamily cf, byte[] lowerBound, byte[] upperBound);
}
