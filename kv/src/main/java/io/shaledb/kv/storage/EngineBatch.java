package io.shaledb.kv.storage;

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
  private boolean closed;

  EngineBatch(Engine engine) {
    this.engine = engine;
  }

  public EngineBatch put(ColumnFamily cf, byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    ensureOpen();
    try {
      batch.put(engine.handle(cf), key, value);
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
