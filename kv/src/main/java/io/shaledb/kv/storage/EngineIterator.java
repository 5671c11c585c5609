package io.shaledb.kv.storage;

import java.util.Objects;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A bounded iterator over one column family of an {@link Engine} or {@link EngineSnapshot}. Starts
 * unpositioned; position it with a seek method. {@link #key()} and {@link #value()} return fresh
 * copies and require {@link #valid()}. Meant for one thread at a time, but safe against a
 * concurrent {@link #close()} (also the one done by closing its engine or snapshot): calls after
 * close throw {@link IllegalStateException}, or {@link StorageException} once the engine is closed.
 */
public final class EngineIterator implements AutoCloseable {
  private final Engine engine;
  private final Runnable onClose;
  private final ReadOptions readOptions;
  private final Slice lower;
  private final Slice upper;
  private final RocksIterator it;
  private boolean closed;
  /** Set (by the owning thread, under the monitor) while {@link #batch} runs its steps. */
  private boolean held;

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
    return call(() -> {
      if (it.isValid()) {
        return true;
      }
      try {
        it.status();
      } catch (RocksDBException e) {
        throw StorageException.from("iterate", e);
      }
      return false;
    });
  }

  public byte[] key() {
    return call(it::key);
  }

  public byte[] value() {
    return call(it::value);
  }

  /**
   * Runs {@code steps} (calls on this iterator) entering the engine and taking this iterator's
   * monitor once for all of them instead of once per call: a scan step is a few short native calls
   * and that locking was a large part of it. {@link #close()} from another thread waits until the
   * steps end, so they should be bounded (a scan batch, not a whole table). Steps must run on the
   * calling thread.
   */
  public <T> T batch(java.util.function.Supplier<T> steps) {
    return call(() -> {
      held = true;
      try {
        return steps.get();
      } finally {
        held = false;
      }
    });
  }

  /** Releases the native iterator. Idempotent; safe to race with closing the engine. */
  @Override
  public void close() {
    // Hold off Engine.close() first, so the engine cannot free the database between our marking
    // the iterator closed and freeing it (the engine skips iterators already marked closed).
    engine.enterForRelease();
    try {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        it.close();
        readOptions.close();
        if (lower != null) {
          lower.close();
        }
        if (upper != null) {
          upper.close();
        }
      }
    } finally {
      engine.exit();
    }
    onClose.run();
  }

  private void run(Runnable op) {
    call(() -> {
      op.run();
      return null;
    });
  }

  /**
   * Runs a native call under the engine's read lock (the engine stays open) and this iterator's
   * monitor (the iterator stays open). Lock order everywhere: engine, snapshot, iterator.
   */
  private <T> T call(java.util.function.Supplier<T> op) {
    if (held) {
      return op.get(); // inside batch(): the engine is entered and the monitor held
    }
    engine.enter();
    try {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("iterator is closed");
        }
        return op.get();
      }
    } finally {
      engine.exit();
    }
  }
}
