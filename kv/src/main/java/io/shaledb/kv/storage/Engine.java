package io.shaledb.kv.storage;

import java.nio.file.Path;

/** A RocksDB store. */
public final class Engine implements EngineReader, AutoCloseable {
  private Engine() {}

  public static Engine open(Path dir, EngineOptions opts) { throw new UnsupportedOperationException(); }
  public EngineBatch newBatch() { throw new UnsupportedOperationException(); }
  public void write(EngineBatch b, boolean sync) { throw new UnsupportedOperationException(); }
  @Override
  public byte[] get(ColumnFamily cf, byte[] key) { throw new UnsupportedOperationException(); }
  public EngineSnapshot snapshot() { throw new UnsupportedOperationException(); }
  @Override
  public EngineIterator newIterator(ColumnFamily cf, byte[] lowerBound, byte[] upperBound) { throw new UnsupportedOperationException(); }
  public Path directory() { throw new UnsupportedOperationException(); }
  @Override
  public void close() {}
}
