package io.shaledb.sql.rowenc;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.Timestamp;
import io.shaledb.txn.KvLimitException;
import io.shaledb.txn.KvTxn;
import io.shaledb.txn.TxnFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-memory {@link TxnFactory} for tests: a sorted map under the unsigned byte order; each
 * transaction reads a snapshot taken at {@code begin()} plus its own writes, and {@code commit()}
 * applies its writes (last committer wins; no conflict detection). Counts scan calls and keys read
 * so tests can check paging and how much a statement reads. Not thread-safe.
 */
public final class MemoryTxnFactory implements TxnFactory {

  /** Keys above this size are refused, as by the real transactional KV. */
  public static final int MAX_KEY_BYTES = 64 * 1024;

  private final TreeMap<byte[], byte[]> committed = new TreeMap<>(Arrays::compareUnsigned);
  private long clock;
  private int scanCalls;
  private long keysRead;

  @Override
  public MemoryTxn begin() {
    return new MemoryTxn(new TreeMap<>(committed), new Timestamp(++clock, 0));
  }

  /** Number of committed keys starting with {@code prefix}. */
  public int committedKeysWithPrefix(byte[] prefix) {
    return (int) committed.keySet().stream()
        .filter(k -> k.length >= prefix.length && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length))
        .count();
  }

  public int scanCalls() {
    return scanCalls;
  }

  /** Keys read so far by every transaction: one per get, one per entry a scan returned. */
  public long keysRead() {
    return keysRead;
  }

  /** One transaction over a private copy of the committed map. */
  public final class MemoryTxn implements KvTxn {
    private final TreeMap<byte[], byte[]> view;
    private final Map<ByteKey, byte[]> writes = new HashMap<>();
    private final List<byte[]> writeOrder = new ArrayList<>();
    private final Timestamp readTimestamp;
    private boolean finished;

    private MemoryTxn(TreeMap<byte[], byte[]> view, Timestamp readTimestamp) {
      this.view = view;
      this.readTimestamp = readTimestamp;
    }

    @Override
    public Timestamp readTimestamp() {
      return readTimestamp;
    }

    @Override
    public Optional<byte[]> get(byte[] key) {
      checkOpen();
      keysRead++;
      return Optional.ofNullable(view.get(key)).map(byte[]::clone);
    }

    @Override
    public List<KeyValue> scan(byte[] startKey, byte[] endKey, int limit, boolean reverse) {
      checkOpen();
      scanCalls++;
      NavigableMap<byte[], byte[]> range = endKey == null ? view.tailMap(startKey, true)
          : Arrays.compareUnsigned(startKey, endKey) >= 0 ? new TreeMap<>(Arrays::compareUnsigned)
          : view.subMap(startKey, true, endKey, false);
      if (reverse) {
        range = range.descendingMap();
      }
      List<KeyValue> result = new ArrayList<>();
      for (var e : range.entrySet()) {
        if (limit > 0 && result.size() >= limit) {
          break;
        }
        result.add(new KeyValue(e.getKey().clone(), e.getValue().clone()));
      }
      keysRead += result.size();
      return result;
    }

    @Override
    public void put(byte[] key, byte[] value) {
      checkOpen();
      if (key.length == 0) {
        throw new IllegalArgumentException("empty key");
      }
      if (key.length > MAX_KEY_BYTES) {
        throw new KvLimitException("key of " + key.length + " bytes exceeds the limit of " + MAX_KEY_BYTES);
      }
      view.put(key.clone(), value.clone());
      record(key, value.clone());
    }

    @Override
    public void delete(byte[] key) {
      checkOpen();
      view.remove(key);
      record(key, null);
    }

    private void record(byte[] key, byte[] value) {
      if (!writes.containsKey(new ByteKey(key))) {
        writeOrder.add(key.clone());
      }
      writes.put(new ByteKey(key.clone()), value);
    }

    @Override
    public boolean hasWrites() {
      return !writes.isEmpty();
    }

    @Override
    public void commit() {
      checkOpen();
      finished = true;
      for (byte[] key : writeOrder) {
        byte[] value = writes.get(new ByteKey(key));
        if (value == null) {
          committed.remove(key);
        } else {
          committed.put(key, value);
        }
      }
    }

    @Override
    public void rollback() {
      finished = true;
    }

    @Override
    public void close() {
      finished = true;
    }

    private void checkOpen() {
      if (finished) {
        throw new IllegalStateException("transaction finished");
      }
    }
  }

  private record ByteKey(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ByteKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }
}
