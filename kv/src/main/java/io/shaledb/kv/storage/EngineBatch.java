package io.shaledb.kv.storage;

/** An atomic batch of writes. */
public final class EngineBatch implements AutoCloseable {
  EngineBatch() {}

  public EngineBatch put(ColumnFamily cf, byte[] key, byte[] value) { throw new UnsupportedOperationException(); }
  public EngineBatch delete(ColumnFamily cf, byte[] key) { throw new UnsupportedOperationException(); }
  public EngineBatch deleteRange(ColumnFamily cf, byte[] start, byte[] end) { throw new UnsupportedOperationException(); }
  public int count() { throw new UnsupportedOperationException(); }
  @Override
  public void close() {}
}
