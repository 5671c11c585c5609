package io.shaledb.kv.storage;

/** A raw iterator over one column family. */
public final class EngineIterator implements AutoCloseable {
  EngineIterator() {}

  public void seek(byte[] target) { throw new UnsupportedOperationException(); }
  public void seekForPrev(byte[] target) { throw new UnsupportedOperationException(); }
  public void seekToFirst() { throw new UnsupportedOperationException(); }
  public void seekToLast() { throw new UnsupportedOperationException(); }
  public void next() { throw new UnsupportedOperationException(); }
  public void prev() { throw new UnsupportedOperationException(); }
  public boolean valid() { throw new UnsupportedOperationException(); }
  public byte[] key() { throw new UnsupportedOperationException(); }
  public byte[] value() { throw new UnsupportedOperationException(); }
  @Override
  public void close() {}
}
