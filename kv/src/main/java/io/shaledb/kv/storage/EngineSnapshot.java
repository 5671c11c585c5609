package io.shaledb.kv.storage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
  /** Read side: a get or iterator creation in flight; write side: close(). Taken after the engine's lock. */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed; // guarded by lock

  EngineSnapshot(Engine engine, Snapshot snapshot) {
    this.engine = engine;
    this.snapshot = snapshot;
    this.getOptions = new ReadOptions().setSnapshot(snapshot);
  }

  @Override
  public byte[] get(ColumnFamily cf, byte[] key) {
    engine.enter();
    lock.readLock().lock();
    try {
      ensureOpen();
      return engine.get(cf, key, getOptions);
    } finally {
      lock.readLock().unlock();
      engine.exit();
    }
  }

  @Override
  public EngineIterator newIterator(ColumnFamily cf, byte[] lowerBound, byte[] upperBound) {
    engine.enter();
    lock.readLock().lock();
    try {
      ensureOpen();
      EngineIterator[] self = new EngineIterator[1];
      EngineIterator it = engine.openIterator(cf, lowerBound, upperBound, snapshot,
          () -> iterators.remove(self[0]));
      self[0] = it;
      iterators.add(it);
      return it;
    } finally {
      lock.readLock().unlock();
      engine.exit();
    }
  }

  /** Releases the snapshot and its iterators. Idempotent; safe to race with closing the engine. */
  @Override
  public void close() {
    engine.enterForRelease(); // see EngineIterator.close()
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (EngineIterator it : iterators) {
        it.close();
      }
      getOptions.close();
      engine.releaseSnapshot(this, snapshot);
    } finally {
      lock.writeLock().unlock();
      engine.exit();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("snapshot is closed");
    }
  }
}
