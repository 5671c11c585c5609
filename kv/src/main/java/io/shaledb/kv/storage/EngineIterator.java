package io.shaledb.kv.storage;

import java.util.Objects;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A bounded iterator over one column family of an {@link Engine} or {@link EngineSnapshot}. Starts
 * unpositioned; position it with a seek method. {@link #key()} and {@link #value()} return fresh
 * copies and require {@link #valid()}. Used by one thread at a time; must be closed (closing the
 * engine or snapshot it came from also closes it).
 */
public final class EngineIterator implements AutoCloseable {
  private final Engine engine;
  private final Runnable onClose;
  private final ReadOptions readOptions;
  private final Slice lower;
  private final Slice upper;
  private final RocksIterator it;
  private boolean closed;

  /** Takes ownership of {@code readOptions}, {@code lower} and {@code upper}. */
  EngineIterator(Engine engine, Runnable onClose, ReadOptions readOptions, Slice lower, Slice upper,
      RocksIterator it) {
    this.engine = engine;
    this.onClose = onClose;
    this.readOptions = readOptions;
    this.lower = lower;
    this.upper = upper;
    this.it = it;
  }

  /** Positions at the first key {@code >= target} (clamped to the bounds). */
  public void seek(byte[] target) {
    Objects.requireNonNull(target, "target");
    run(() -> it.seek(target));
  }

  /** Positions at the last key {@code <= target} (clamped to the bounds). */
  public void seekForPrev(byte[] target) {
    Objects.requireNonNull(target, "target");
    run(() -> it.seekForPrev(target));
  }

  /** Positions at the first key within the bounds. */
  public void seekToFirst() {
    run(it::seekToFirst);
  }

  /** Positions at the last key within the bounds. */
  public void seekToLast() {
    run(it::seekToLast);
  }

  public void next() {
    run(it::next);
  }

  public void prev() {
    run(it::prev);
  }

  /**
   * Whether the iterator is positioned at an entry.
   *
   * @throws StorageException if iteration stopped because of an engine error
   */
  public boolean valid() {
    engine.enter();
    try {
      ensureOpen();
      if (it.isValid()) {
        return true;
      }
      try {
        it.status();
      } catch (RocksDBException e) {
        throw StorageException.from("iterate", e);
      }
      return false;
    } finally {
      engine.exit();
    }
  }

  public byte[] key() {
    engine.enter();
    try {
      ensureOpen();
      return it.key();
    } finally {
      engine.exit();
    }
  }

  public byte[] value() {
    engine.enter();
    try {
      ensureOpen();
      return it.value();
    } finally {
      engine.exit();
    }
  }

  /** Releases the native iterator. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    engine.enterForRelease();
    try {
      it.close();
      readOptions.close();
      if (lower != null) {
        lower.close();
      }
      if (upper != null) {
        upper.close();
      }
    } finally {
      engine.exit();
    }
    onClose.run();
  }

  private void run(Runnable op) {
    engine.enter();
    try {
      ensureOpen();
      op.run();
    } finally {
      engine.exit();
    }
  }

  private synchronized void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("iterator is closed");
    }
  }
}
