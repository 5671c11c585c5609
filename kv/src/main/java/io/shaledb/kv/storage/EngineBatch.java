package io.shaledb.kv.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Writes collected for one atomic {@link Engine#write}. Not thread-safe. The owner closes it
 * (writing does not close it; a batch may be written once and then closed).
 */
public final class EngineBatch implements AutoCloseable {
  private final Engine engine;
  private final WriteBatch batch = new WriteBatch();
  /** The operations, kept only for an engine with an {@link UnsyncedWriteJournal}; else null. */
  private final List<Op> ops;
  private boolean closed;

  /**
   * A key an operation touches: a put or delete of {@code key} ({@code end} null), or a range
   * delete of {@code [key, end)}.
   */
  record Op(ColumnFamily cf, byte[] key, byte[] end) {
  }

  EngineBatch(Engine engine, boolean journaled) {
    this.engine = engine;
    this.ops = journaled ? new ArrayList<>() : null;
  }

  public EngineBatch put(ColumnFamily cf, byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    ensureOpen();
    try {
      batch.put(engine.handle(cf), key, value);
      record(cf, key, null);
    } catch (RocksDBException e) {
      throw StorageException.from("batch put", e);
    }
    return this;
  }

  public EngineBatch delete(ColumnFamily cf, byte[] key) {
    Objects.requireNonNull(key, "key");
    ensureOpen();
    try {
      batch.delete(engine.handle(cf), key);
      record(cf, key, null);
    } catch (RocksDBException e) {
      throw StorageException.from("batch delete", e);
    }
    return this;
  }

  /** Deletes every key with {@code start <= key < end}. */
  public EngineBatch deleteRange(ColumnFamily cf, byte[] start, byte[] end) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    ensureOpen();
    try {
      batch.deleteRange(engine.handle(cf), start, end);
      record(cf, start, end);
    } catch (RocksDBException e) {
      throw StorageException.from("batch delete range", e);
    }
    return this;
  }

  /** Number of operations in the batch. */
  public int count() {
    ensureOpen();
    return batch.count();
  }

  /** Whether the batch holds no operation. */
  public boolean isEmpty() {
    return count() == 0;
  }

  WriteBatch rocksBatch(Engine writer) {
    if (writer != engine) {
      throw new IllegalArgumentException("batch belongs to another engine");
    }
    ensureOpen();
    return batch;
  }

  /** The operations so far, for the engine's journal (only when journaled). */
  List<Op> journaledOps() {
    if (ops == null) {
      throw new IllegalStateException("batch is not journaled");
    }
    return ops;
  }

  private void record(ColumnFamily cf, byte[] key, byte[] end) {
    if (ops != null) {
      ops.add(new Op(cf, key.clone(), end == null ? null : end.clone()));
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      batch.close();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("batch is closed");
    }
  }
}
