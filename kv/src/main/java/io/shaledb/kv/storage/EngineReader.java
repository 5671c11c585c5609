package io.shaledb.kv.storage;

/** Read access shared by {@link Engine} (latest state) and {@link EngineSnapshot} (point in time). */
public interface EngineReader {
  byte[] get(ColumnFamily cf, byte[] key);

  EngineIterator newIterator(ColumnFamily cf, byte[] lowerBound, byte[] upperBound);
}
