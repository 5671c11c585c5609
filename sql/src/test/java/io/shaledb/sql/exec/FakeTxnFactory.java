package io.shaledb.sql.exec;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.Timestamp;
import io.shaledb.txn.KvTxn;
import io.shaledb.txn.TransactionRetryException;
import io.shaledb.txn.TxnFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * In-memory {@link TxnFactory} for SQL tests: one shared sorted map (unsigned byte order); a
 * transaction buffers its writes (read-your-writes) and applies them on commit. Tests can make the
 * next N commits fail with a retry error. Not for concurrent use.
 */
public final class FakeTxnFactory implements TxnFactory {
  private static final byte[] TOMBSTONE = new byte[0];

  private final TreeMap<byte[], byte[]> committed = new TreeMap<>(Arrays::compareUnsigned);
  private long clock;
  private int failNextCommits;
  private int commits;
  private int rollbacks;

  /** The next {@code n} commits that have writes throw TransactionRetryException. */
  public void failNextCommits(int n) {
    failNextCommits = n;
  }

  public int commits() {
    return commits;
  }

  public int rollbacks() {
    return rollbacks;
  }

  public int size() {
    return committed.size();
  }

  @Override
  public KvTxn begin() {
    return new Txn(new Timestamp(++clock, 0));
  }

  private final class Txn implements KvTxn {
    private final TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
    private final Timestamp ts;
    private boolean done;

    Txn(Timestamp ts) {
      this.ts = ts;
    }

    @Override
    public Timestamp readTimestamp() {
      return ts;
    }

    private void check() {
      if (done) {
        throw new IllegalStateException("transaction finished");
      }
    }

    @Override
    public Optional<byte[]> get(byte[] key) {
      check();
      byte[] w = writes.get(key);
      if (w != null) {
        return w == TOMBSTONE ? Optional.empty() : Optional.of(w.clone());
      }
      byte[] v = committed.get(key);
      return Optional.ofNullable(v == null ? null : v.clone());
    }

    @Override
    public List<KeyValue> scan(byte[] startKey, byte[] endKey, int limit, boolean reverse) {
      check();
      TreeMap<byte[], byte[]> merged = new TreeMap<>(Arrays::compareUnsigned);
      if (Arrays.compareUnsigned(startKey, endKey) >= 0) {
        return List.of();
      }
      merged.putAll(committed.subMap(startKey, true, endKey, false));
      for (Map.Entry<byte[], byte[]> e : writes.subMap(startKey, true, endKey, false).entrySet()) {
        if (e.getValue() == TOMBSTONE) {
          merged.remove(e.getKey());
        } else {
          merged.put(e.getKey(), e.getValue());
        }
      }
      NavigableMap<byte[], byte[]> view = reverse ? merged.descendingMap() : merged;
      List<KeyValue> out = new ArrayList<>();
      for (Map.Entry<byte[], byte[]> e : view.entrySet()) {
        if (limit > 0 && out.size() >= limit) {
          break;
        }
        out.add(new KeyValue(e.getKey().clone(), e.getValue().clone()));
      }
      return out;
    }

    @Override
    public void put(byte[] key, byte[] value) {
      check();
      writes.put(key.clone(), value.clone());
    }

    @Override
    public void delete(byte[] key) {
      check();
      writes.put(key.clone(), TOMBSTONE);
    }

    @Override
    public boolean hasWrites() {
      return !writes.isEmpty();
    }

    @Override
    public void commit() {
      check();
      done = true;
      if (!writes.isEmpty() && failNextCommits > 0) {
        failNextCommits--;
        rollbacks++;
        throw new TransactionRetryException(TransactionRetryException.Reason.WRITE_WRITE_CONFLICT, "injected");
      }
      for (Map.Entry<byte[], byte[]> e : writes.entrySet()) {
        if (e.getValue() == TOMBSTONE) {
          committed.remove(e.getKey());
        } else {
          committed.put(e.getKey(), e.getValue());
        }
      }
      commits++;
    }

    @Override
    public void rollback() {
      if (!done) {
        done = true;
        rollbacks++;
      }
    }

    @Override
    public void close() {
      rollback();
    }
  }
}
