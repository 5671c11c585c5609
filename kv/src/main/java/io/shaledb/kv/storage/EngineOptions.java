package io.shaledb.kv.storage;

/** Options for {@link Engine#open}. */
public record EngineOptions(boolean syncWrites, long blockCacheBytes) {
  public static EngineOptions defaults() {
    return new EngineOptions(true, 64L << 20);
  }
}
