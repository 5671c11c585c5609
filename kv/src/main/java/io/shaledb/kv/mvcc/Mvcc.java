package io.shaledb.kv.mvcc;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.Timestamp;
import io.shaledb.kv.encoding.Keys;
import io.shaledb.kv.storage.ColumnFamily;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.kv.storage.EngineIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stateless multi-version operations over the MVCC column family. Reads go through an {@link
 * MvccReader} (an engine or a snapshot); writes are appended to an {@link EngineBatch} the caller
 * writes. A read at {@code readTs} sees, per user key, the newest version with timestamp {@code
 * <= readTs}; a tombstone version hides the key. Thread-safe (no state).
 */
public final class Mvcc {
  private Mvcc() {}

  /**
   * The value of {@code key} visible at {@code readTs}: the newest version at or below it, or
   * empty if there is none or it is a tombstone.
   */
  public static Optional<byte[]> get(MvccReader r, byte[] key, Timestamp readTs) {
    Objects.requireNonNull(readTs, "readTs");
    try (EngineIterator it = r.newMvccIterator(MvccKeys.encode(key, readTs), MvccKeys.versionsEnd(key))) {
      byte[] stored = it.batch(() -> {
        it.seekToFirst();
        return it.valid() ? it.value() : null;
      });
      return stored == null || MvccValues.isTombstone(stored) ? Optional.empty()
          : Optional.of(MvccValues.userValue(stored));
    }
  }

  /**
   * As {@link #get} for each of {@code keys} (answers in that order), through one iterator bounded
   * by the smallest and largest key, visiting the keys in key order (see {@link #seekEach}).
   */
  public static List<Optional<byte[]>> getAll(MvccReader r, List<byte[]> keys, Timestamp readTs) {
    Objects.requireNonNull(readTs, "readTs");
    List<Optional<byte[]>> out = new ArrayList<>(keys.size());
    if (keys.isEmpty()) {
      return out;
    }
    if (keys.size() == 1) {
      out.add(get(r, keys.get(0), readTs));
      return out;
    }
    byte[] min = keys.get(0);
    byte[] max = keys.get(0);
    for (byte[] k : keys) {
      min = Keys.compare(k, min) < 0 ? k : min;
      max = Keys.compare(k, max) > 0 ? k : max;
    }
    try (EngineIterator it = r.newMvccIterator(MvccKeys.versionPrefix(min), MvccKeys.versionsEnd(max))) {
      it.batch(() -> {
        seekEach(it, keys, readTs, out);
        return null;
      });
    }
    return out;
  }

  /**
   * The newest version at or below {@code readTs} of each key. The keys are visited in key order
   * (answers go back to their places): from one key's version the iterator steps forward a few
   * entries to reach the next key before it seeks, so a batch of nearby keys (an index scan's
   * rows, often most of a table) costs about a scan rather than a seek each.
   */
  private static void seekEach(EngineIterator it, List<byte[]> keys, Timestamp readTs,
      List<Optional<byte[]>> out) {
    int n = keys.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Keys.compare(keys.get(x), keys.get(y)));
    @SuppressWarnings("unchecked")
    Optional<byte[]>[] found = new Optional[n];
    byte[] current = null; // the iterator's key; null before the first seek
    boolean positioned = false; // whether the iterator is at (or ran past) an entry
    for (int i : order) {
      byte[] target = MvccKeys.encode(keys.get(i), readTs);
      int steps = 0;
      while (positioned && current != null && Keys.compare(current, target) < 0 && steps < STEPS_BEFORE_SEEK) {
        it.next();
        current = it.valid() ? it.key() : null;
        steps++;
      }
      if (!positioned || current != null && Keys.compare(current, target) < 0) {
        it.seek(target);
        current = it.valid() ? it.key() : null;
        positioned = true;
      }
      // current is now the first entry at or after target (null: none within the bounds)
      int prefix = target.length - MvccKeys.TIMESTAMP_LENGTH; // the version prefix of the key
      if (current == null || current.length != target.length
          || !Arrays.equals(current, 0, prefix, target, 0, prefix)) {
        found[i] = Optional.empty(); // no version of this key at or below readTs
        continue;
      }
      byte[] stored = it.value();
      found[i] = MvccValues.isTombstone(stored) ? Optional.empty() : Optional.of(MvccValues.userValue(stored));
    }
    out.addAll(Arrays.asList(found));
  }

  /**
   * The visible key-value pairs with {@code start <= key < end} at {@code readTs}, in ascending key
   * order ({@code reverse}: descending), at most {@code limit} of them ({@code limit <= 0}: all).
   * {@code end == null} means no upper bound.
   */
  public static List<KeyValue> scan(MvccReader r, byte[] start, byte[] end, Timestamp readTs,
      int limit, boolean reverse) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(readTs, "readTs");
    List<KeyValue> out = new ArrayList<>();
    if (end != null && Keys.compare(start, end) >= 0) {
      return out;
    }
    byte[] lower = MvccKeys.versionPrefix(start);
    byte[] upper = end == null ? null : MvccKeys.versionPrefix(end);
    try (EngineIterator it = r.newMvccIterator(lower, upper)) {
      it.batch(() -> {
        if (reverse) {
          scanReverse(it, readTs, limit, out);
        } else {
          scanForward(it, readTs, limit, out);
        }
        return null;
      });
    }
    return out;
  }

  /**
   * Steps taken with {@code next()} past a key's older versions before giving up and seeking (as
   * CockroachDB's MVCC scanner does): a seek costs several times a step, and most keys have one or
   * two versions.
   */
  private static final int STEPS_BEFORE_SEEK = 4;

  private static void scanForward(EngineIterator it, Timestamp readTs, int limit, List<KeyValue> out) {
    byte[] readSuffix = MvccKeys.timestampSuffix(readTs);
    it.seekToFirst();
    byte[] key = it.valid() ? it.key() : null;
    while (key != null && (limit <= 0 || out.size() < limit)) {
      byte[] userKey = MvccKeys.userKey(key);
      if (MvccKeys.newerThan(key, readSuffix)) {
        // Newer than the read: jump to this key's newest version at or below readTs, if any.
        it.seek(MvccKeys.encode(userKey, readTs));
        key = it.valid() ? it.key() : null;
      } else {
        addIfValue(out, userKey, it.value());
        key = nextUserKey(it, key, userKey);
      }
    }
  }

  /**
   * Moves from {@code current} (a version of {@code userKey}) to the first entry of the next user
   * key, a few steps and then a seek, and returns that entry's key (null when the iterator ran out).
   */
  private static byte[] nextUserKey(EngineIterator it, byte[] current, byte[] userKey) {
    int prefix = current.length - MvccKeys.TIMESTAMP_LENGTH;
    for (int step = 0; step < STEPS_BEFORE_SEEK; step++) {
      it.next();
      if (!it.valid()) {
        return null;
      }
      byte[] k = it.key();
      // versions of one user key share everything but the timestamp, and the prefix is prefix-free
      if (k.length != current.length || !Arrays.equals(k, 0, prefix, current, 0, prefix)) {
        return k;
      }
    }
    it.seek(MvccKeys.versionsEnd(userKey));
    return it.valid() ? it.key() : null;
  }

  private static void scanReverse(EngineIterator it, Timestamp readTs, int limit, List<KeyValue> out) {
    it.seekToLast(); // the oldest version of the last user key in the span
    while (it.valid() && (limit <= 0 || out.size() < limit)) {
      byte[] userKey = MvccKeys.decode(it.key()).userKey();
      it.seek(MvccKeys.encode(userKey, readTs));
      if (it.valid()) {
        MvccKey version = MvccKeys.decode(it.key());
        if (Arrays.equals(version.userKey(), userKey)) {
          addIfValue(out, userKey, it.value());
        }
      }
      // No stored key equals a version prefix, so this lands on the previous user key's oldest version.
      it.seekForPrev(MvccKeys.versionPrefix(userKey));
    }
  }

  private static void addIfValue(List<KeyValue> out, byte[] userKey, byte[] stored) {
    if (!MvccValues.isTombstone(stored)) {
      out.add(new KeyValue(userKey, MvccValues.userValue(stored)));
    }
  }

  /** Adds a version of {@code key} at {@code ts} holding {@code value} (empty allowed). */
  public static void put(EngineBatch b, byte[] key, Timestamp ts, byte[] value) {
    b.put(ColumnFamily.MVCC, MvccKeys.encode(key, ts), MvccValues.value(value));
  }

  /** Adds a tombstone version of {@code key} at {@code ts}. */
  public static void delete(EngineBatch b, byte[] key, Timestamp ts) {
    b.put(ColumnFamily.MVCC, MvccKeys.encode(key, ts), MvccValues.tombstone());
  }

  /**
   * The timestamp of the newest version of {@code key}, tombstones included, regardless of any
   * read timestamp; empty if the key was never written. Used for write-write conflict checks.
   */
  public static Optional<Timestamp> newestVersion(MvccReader r, byte[] key) {
    try (EngineIterator it = r.newMvccIterator(MvccKeys.versionPrefix(key), MvccKeys.versionsEnd(key))) {
      it.seekToFirst();
      return it.valid() ? Optional.of(MvccKeys.decode(it.key()).timestamp()) : Optional.empty();
    }
  }

  /**
   * {@link #newestVersion} of each key, through one iterator over the keys' span (a commit checks
   * every key it writes: an iterator per key was most of a many-row DELETE's commit).
   *
   * @param keysInOrder distinct keys in ascending order (e.g. a sorted write set's key set)
   * @return the newest version's timestamp per key, in the same order; empty where none
   */
  public static List<Optional<Timestamp>> newestVersions(MvccReader r, Collection<byte[]> keysInOrder) {
    List<Optional<Timestamp>> out = new ArrayList<>(keysInOrder.size());
    if (keysInOrder.isEmpty()) {
      return out;
    }
    if (keysInOrder.size() == 1) {
      out.add(newestVersion(r, keysInOrder.iterator().next()));
      return out;
    }
    byte[] first = null;
    byte[] last = null;
    for (byte[] k : keysInOrder) {
      if (last != null && Keys.compare(last, k) >= 0) {
        throw new IllegalArgumentException("keys are not distinct and ascending");
      }
      first = first == null ? k : first;
      last = k;
    }
    try (EngineIterator it = r.newMvccIterator(MvccKeys.versionPrefix(first), MvccKeys.versionsEnd(last))) {
      it.batch(() -> {
        for (byte[] k : keysInOrder) {
          byte[] prefix = MvccKeys.versionPrefix(k);
          it.seek(prefix);
          Optional<Timestamp> newest = Optional.empty();
          if (it.valid()) {
            byte[] found = it.key();
            // the first entry at or after the key's versions is one of them if it is the key's
            // prefix plus a timestamp (versions sort newest first)
            if (found.length == prefix.length + MvccKeys.TIMESTAMP_LENGTH
                && Arrays.equals(found, 0, prefix.length, prefix, 0, prefix.length)) {
              newest = Optional.of(MvccKeys.decode(found).timestamp());
            }
          }
          out.add(newest);
        }
        return null;
      });
    }
    return out;
  }
}
