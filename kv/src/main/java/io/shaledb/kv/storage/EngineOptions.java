package io.shaledb.kv.storage;

/**
 * Options for {@link Engine#open}.
 *
 * @param syncWrites whether writes asked to be synced really fsync the WAL; {@code false} turns
 *     every write into an unsynced one (tests and throwaway demo stores only: acknowledged writes
 *     may be lost on power failure)
 * @param blockCacheBytes size of the LRU block cache shared by all column families; positive
 */
public record EngineOptions(boolean syncWrites, long blockCacheBytes) {
  public EngineOptions {
    if (blockCacheBytes <= 0) {
      throw new IllegalArgumentException("block cache must be positive: " + blockCacheBytes);
    }
  }

  /** Synced writes and a 64 MiB block cache. */
  public static EngineOptions defaults() {
    return new EngineOptions(true, 64L << 20);
  }

  /** This with {@link #syncWrites()} replaced. */
  public EngineOptions withSyncWrites(boolean sync) {
    return new EngineOptions(sync, blockCacheBytes);
  }
}
