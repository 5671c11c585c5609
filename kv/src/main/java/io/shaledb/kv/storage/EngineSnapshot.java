package io.shaledb.kv.storage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ReadOptions;
import org.rocksdb.Snapshot;

/**
 * A consistent point-in-time view of an {@link Engine}: reads see exactly the writes completed
 * before {@link Engine#snapshot()} returned. Thread-safe; must be closed, which also closes
 * iterators created from it.
 */
public final class EngineSnapshot implements EngineReader, AutoCloseable {
  private final Engine engine;
  private final Snapshot snapshot;
  private final ReadOptions getOptions;
  private final Set<EngineIterator> iterators = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  EngineSnapshot(Engine engine, Snapshot snapshot) {
    this.engine = engine;
    this.snapshot = snapshot;
    this.getOptions = new ReadOptions().setSnapshot(snapshot);
  }

  @Override
  public byte[] get(ColumnFamily cf, byte[] key) {
    ensureOpen();
    return engine.get(cf, key, getOptions);
  }

  @Override
  public EngineIterator newIterator(ColumnFamily cf, byte[] lowerBound, byte[] upperBound) {
    ensureOpen();
    EngineIterator[] self = new EngineIterator[1];
    EngineIterator it = engine.openIterator(cf, lowerBound, upperBound, snapshot,
        () -> iterators.remove(self[0]));
    self[0] = it;
    iterators.add(it);
    if (closed) { // raced with close()
      it.close();
      ensureOpen();
    }
    return it;
  }

  /** Releases the snapshot and its iterators. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (EngineIterator it : iterators) {
      it.close();
    }
    getOptions.close();
    engine.releaseSnapshot(this, snapshot);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("snapshot is closed");
    }
  }
}
