package io.shaledb.txn.local;

import io.shaledb.kv.Timestamp;
import io.shaledb.kv.hlc.HybridClock;
import io.shaledb.kv.mvcc.Mvcc;
import io.shaledb.kv.mvcc.MvccReader;
import io.shaledb.kv.storage.ColumnFamily;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.txn.KvLimitException;
import io.shaledb.txn.KvTxn;
import io.shaledb.txn.TransactionRetryException;
import io.shaledb.txn.TransactionRetryException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Single-node transactions directly over one {@link Engine}: snapshot isolation with
 * first-committer-wins write-write conflict detection. See the package documentation for the
 * visibility argument. Thread-safe; each {@link KvTxn} it returns is used by one thread at a time.
 */
public final class LocalTxnFactory implements io.shaledb.txn.TxnFactory {
  /** Largest accepted key, in bytes. */
  public static final int MAX_KEY_BYTES = 64 * 1024;
  /** Largest accepted value, in bytes. */
  public static final int MAX_VALUE_BYTES = 8 * 1024 * 1024;

  private final Engine engine;
  private final HybridClock clock;
  private final boolean syncCommits;
  private final MvccReader reader;

  /**
   * Read side: allocating a read timestamp. Write side: conflict check, commit timestamp
   * allocation and the batch write of one commit. Hence a read timestamp is either below a
   * commit's timestamp or allocated after its batch was written.
   */
  /**
   * Node-local record of the highest commit timestamp, written in every commit batch, so that a
   * factory created over an existing store forwards its clock past every committed version even
   * if the physical clock went backwards across a restart.
   */
  static final byte[] MAX_COMMIT_TS_KEY = "txn.local.max-commit-ts".getBytes(StandardCharsets.US_ASCII);

  private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();

  /**
   * Creates the factory and forwards {@code clock} past the highest commit timestamp recorded in
   * {@code engine} (see {@link HybridClock#forward}).
   *
   * @param engine where committed versions live (MVCC column family); not closed by this factory
   * @param clock source of read and commit timestamps
   * @param syncCommits whether each commit fsyncs before returning
   */
  public LocalTxnFactory(Engine engine, HybridClock clock, boolean syncCommits) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.syncCommits = syncCommits;
    this.reader = MvccReader.of(engine);
    byte[] persisted = engine.get(ColumnFamily.LOCAL, MAX_COMMIT_TS_KEY);
    if (persisted != null) {
      clock.forward(decodeTimestamp(persisted));
    }
  }

  @Override
  public KvTxn begin() {
    Timestamp readTs;
    commitLock.readLock().lock();
    try {
      readTs = clock.now();
    } finally {
      commitLock.readLock().unlock();
    }
    return new LocalTxn(this, readTs);
  }

  MvccReader reader() {
    return reader;
  }

  /**
   * Writes {@code writes} (value {@code null} = delete) at a fresh commit timestamp, atomically.
   *
   * @return the commit timestamp
   * @throws TransactionRetryException if a written key has a version newer than {@code readTs}
   */
  Timestamp commit(Timestamp readTs, NavigableMap<byte[], byte[]> writes) {
    commitLock.writeLock().lock();
    try {
      List<Optional<Timestamp>> newestVersions = Mvcc.newestVersions(reader, writes.keySet());
      int i = 0;
      for (byte[] key : writes.keySet()) {
        Optional<Timestamp> newest = newestVersions.get(i++);
        if (newest.isPresent() && newest.get().compareTo(readTs) > 0) {
          throw new TransactionRetryException(Reason.WRITE_WRITE_CONFLICT,
              "key " + HexFormat.of().formatHex(key) + " written at " + newest.get()
                  + " after read timestamp " + readTs);
        }
      }
      Timestamp commitTs = clock.now();
      try (EngineBatch batch = engine.newBatch()) {
        for (Map.Entry<byte[], byte[]> w : writes.entrySet()) {
          if (w.getValue() == null) {
            Mvcc.delete(batch, w.getKey(), commitTs);
          } else {
            Mvcc.put(batch, w.getKey(), commitTs, w.getValue());
          }
        }
        batch.put(ColumnFamily.LOCAL, MAX_COMMIT_TS_KEY, encodeTimestamp(commitTs));
        engine.write(batch, syncCommits);
      }
      return commitTs;
    } finally {
      commitLock.writeLock().unlock();
    }
  }

  private static byte[] encodeTimestamp(Timestamp ts) {
    return ByteBuffer.allocate(12).putLong(ts.wallNanos()).putInt(ts.logical()).array();
  }

  private static Timestamp decodeTimestamp(byte[] b) {
    if (b.length != 12) {
      throw new IllegalStateException("corrupt max commit timestamp record of " + b.length + " bytes");
    }
    ByteBuffer buf = ByteBuffer.wrap(b);
    return new Timestamp(buf.getLong(), buf.getInt());
  }

  static void checkKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length == 0) {
      throw new IllegalArgumentException("empty key");
    }
    if (key.length > MAX_KEY_BYTES) {
      throw new KvLimitException("key of " + key.length + " bytes exceeds the limit of " + MAX_KEY_BYTES);
    }
  }

  static void checkValue(byte[] value) {
    Objects.requireNonNull(value, "value");
    if (value.length > MAX_VALUE_BYTES) {
      throw new KvLimitException(
          "value of " + value.length + " bytes exceeds the limit of " + MAX_VALUE_BYTES);
    }
  }
}
