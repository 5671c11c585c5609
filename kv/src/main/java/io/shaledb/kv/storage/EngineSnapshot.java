package io.shaledb.kv.storage;

/** A consistent point-in-time view of an engine. */
public final class EngineSnapshot implements EngineReader, AutoCloseable {
  EngineSnapshot() {}

  @Override
  public byte[] get(ColumnFamily cf, byte[] key) { throw new UnsupportedOperationException(); }
  @Override
  public EngineIterator newIterator(ColumnFamily cf, byte[] lowerBound, byte[] upperBound) { throw new UnsupportedOperationException(); }
  @Override
  public void close() {}
}
