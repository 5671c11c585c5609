package io.shaledb.txn.local;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.Timestamp;
import io.shaledb.kv.encoding.Keys;
import io.shaledb.kv.mvcc.Mvcc;
import io.shaledb.txn.KvTxn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A transaction of {@link LocalTxnFactory}: reads committed versions at its read timestamp, keeps
 * its own writes in a sorted buffer (value {@code null} = delete) and overlays the buffer on every
 * read. Not thread-safe.
 */
final class LocalTxn implements KvTxn {
  private enum State { ACTIVE, COMMITTED, ABORTED }

  private final LocalTxnFactory factory;
  private final Timestamp readTs;
  private final TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
  private State state = State.ACTIVE;

  LocalTxn(LocalTxnFactory factory, Timestamp readTs) {
    this.factory = factory;
    this.readTs = readTs;
  }

  @Override
  public Timestamp readTimestamp() {
    return readTs;
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    ensureActive();
    LocalTxnFactory.checkKey(key);
    if (writes.containsKey(key)) {
      byte[] v = writes.get(key);
      return v == null ? Optional.empty() : Optional.of(v.clone());
    }
    return Mvcc.get(factory.reader(), key, readTs);
  }

  @Override
  public List<Optional<byte[]>> getAll(List<byte[]> keys) {
    ensureActive();
    List<byte[]> stored = new ArrayList<>(keys.size());
    for (byte[] key : keys) {
      LocalTxnFactory.checkKey(key);
      if (!writes.containsKey(key)) {
        stored.add(key);
      }
    }
    List<Optional<byte[]>> fromStore = Mvcc.getAll(factory.reader(), stored, readTs);
    List<Optional<byte[]>> out = new ArrayList<>(keys.size());
    int s = 0;
    for (byte[] key : keys) {
      if (writes.containsKey(key)) {
        byte[] v = writes.get(key);
        out.add(v == null ? Optional.empty() : Optional.of(v.clone()));
      } else {
        out.add(fromStore.get(s++));
      }
    }
    return out;
  }

  /**
   * Merges committed rows with buffered writes. Buffered deletes may hide stored rows, so when a
   * limit applies we fetch {@code limit + deletes in span} stored rows: at least {@code limit} of
   * them survive, so the merged result up to the last stored row fetched is complete and long
   * enough. {@code endKey == null} means no upper bound.
   */
  @Override
  public List<KeyValue> scan(byte[] startKey, byte[] endKey, int limit, boolean reverse) {
    ensureActive();
    Objects.requireNonNull(startKey, "startKey");
    if (endKey != null && Keys.compare(startKey, endKey) >= 0) {
      return new ArrayList<>();
    }
    NavigableMap<byte[], byte[]> span = endKey == null
        ? writes.tailMap(startKey, true)
        : writes.subMap(startKey, true, endKey, false);
    if (reverse) {
      span = span.descendingMap();
    }
    int deletes = 0;
    for (byte[] v : span.values()) {
      if (v == null) {
        deletes++;
      }
    }
    int fetch = limit <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (long) limit + deletes);
    List<KeyValue> stored = Mvcc.scan(factory.reader(), startKey, endKey, readTs, fetch, reverse);
    if (span.isEmpty()) {
      return stored; // nothing of ours to overlay (the common case of a read)
    }
    boolean storedTruncated = fetch > 0 && stored.size() == fetch;
    Comparator<byte[]> order = reverse
        ? Collections.reverseOrder(Arrays::compareUnsigned)
        : Arrays::compareUnsigned;
    byte[] horizon = storedTruncated ? stored.get(stored.size() - 1).key() : null;

    List<KeyValue> out = new ArrayList<>();
    Iterator<KeyValue> s = stored.iterator();
    Iterator<Map.Entry<byte[], byte[]>> b = span.entrySet().iterator();
    KeyValue nextStored = s.hasNext() ? s.next() : null;
    Map.Entry<byte[], byte[]> nextBuffered = b.hasNext() ? b.next() : null;
    while ((limit <= 0 || out.size() < limit) && (nextStored != null || nextBuffered != null)) {
      if (nextBuffered != null && horizon != null && order.compare(nextBuffered.getKey(), horizon) > 0) {
        nextBuffered = null; // beyond what the stored scan covered; cannot be placed safely
        continue;
      }
      int c = nextStored == null ? 1
          : nextBuffered == null ? -1
          : order.compare(nextStored.key(), nextBuffered.getKey());
      if (c < 0) {
        out.add(nextStored);
        nextStored = s.hasNext() ? s.next() : null;
      } else {
        if (nextBuffered.getValue() != null) {
          out.add(new KeyValue(nextBuffered.getKey().clone(), nextBuffered.getValue().clone()));
        }
        if (c == 0) {
          nextStored = s.hasNext() ? s.next() : null;
        }
        nextBuffered = b.hasNext() ? b.next() : null;
      }
    }
    return out;
  }

  @Override
  public void put(byte[] key, byte[] value) {
    ensureActive();
    LocalTxnFactory.checkKey(key);
    LocalTxnFactory.checkValue(value);
    writes.put(key.clone(), value.clone());
  }

  @Override
  public void delete(byte[] key) {
    ensureActive();
    LocalTxnFactory.checkKey(key);
    writes.put(key.clone(), null);
  }

  @Override
  public boolean hasWrites() {
    return !writes.isEmpty();
  }

  @Override
  public void commit() {
    ensureActive();
    if (writes.isEmpty()) {
      state = State.COMMITTED;
      return;
    }
    try {
      factory.commit(readTs, writes);
      state = State.COMMITTED;
    } finally {
      if (state != State.COMMITTED) {
        state = State.ABORTED;
      }
      writes.clear();
    }
  }

  @Override
  public void rollback() {
    if (state == State.ACTIVE) {
      state = State.ABORTED;
      writes.clear();
    }
  }

  @Override
  public void close() {
    rollback();
  }

  private void ensureActive() {
    if (state != State.ACTIVE) {
      throw new IllegalStateException("transaction is " + (state == State.COMMITTED ? "committed" : "rolled back"));
    }
  }

  @Override
  public String toString() {
    return "LocalTxn{readTs=" + readTs + ", writes=" + writes.size() + ", " + state + "}";
  }
}
