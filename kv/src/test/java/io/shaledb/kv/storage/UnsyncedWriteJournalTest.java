package io.shaledb.kv.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnsyncedWriteJournalTest {
  private static final EngineOptions OPTS = EngineOptions.defaults().withSyncWrites(false);

  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private static String s(byte[] b) {
    return b == null ? null : new String(b, UTF_8);
  }

  private static void write(Engine e, boolean sync, ColumnFamily cf, String... kvs) {
    try (EngineBatch batch = e.newBatch()) {
      for (int i = 0; i < kvs.length; i += 2) {
        if (kvs[i + 1] == null) {
          batch.delete(cf, b(kvs[i]));
        } else {
          batch.put(cf, b(kvs[i]), b(kvs[i + 1]));
        }
      }
      e.write(batch, sync);
    }
  }

  /** Every key and value of {@code cf}. */
  private static Map<String, String> contents(Engine e, ColumnFamily cf) {
    Map<String, String> out = new TreeMap<>();
    try (EngineIterator it = e.newIterator(cf, null, null)) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        out.put(s(it.key()), s(it.value()));
      }
    }
    return out;
  }

  @Test
  void aSyncedWriteMakesEveryEarlierWriteDurable() {
    try (Engine e = Engine.openJournaled(dir, OPTS)) {
      UnsyncedWriteJournal j = e.unsyncedJournal();
      write(e, false, ColumnFamily.MVCC, "a", "1");
      write(e, false, ColumnFamily.MVCC, "b", "1");
      assertEquals(2, j.unsyncedBatches());
      assertNull(j.durableGet(ColumnFamily.MVCC, b("a")));
      write(e, true, ColumnFamily.LOCAL, "c", "1");
      assertEquals(0, j.unsyncedBatches());
      assertEquals("1", s(j.durableGet(ColumnFamily.MVCC, b("a"))));
      write(e, false, ColumnFamily.MVCC, "a", "2");
      assertEquals(1, j.loseUnsyncedWrites(0));
      assertEquals(Map.of("a", "1", "b", "1"), contents(e, ColumnFamily.MVCC));
      assertEquals("1", s(e.get(ColumnFamily.LOCAL, b("c"))));
      assertEquals(1, j.syncedWrites());
      assertEquals(3, j.unsyncedWrites());
      assertEquals(1, j.lostBatches());
    }
  }

  @Test
  void syncIsHonouredAlthoughTheEngineWritesUnsynced() {
    try (Engine e = Engine.openJournaled(dir, EngineOptions.defaults().withSyncWrites(false))) {
      write(e, true, ColumnFamily.MVCC, "a", "1");
      assertEquals(0, e.unsyncedJournal().unsyncedBatches());
      assertEquals(0, e.unsyncedJournal().loseUnsyncedWrites(0));
      assertEquals("1", s(e.get(ColumnFamily.MVCC, b("a"))));
    }
  }

  @Test
  void deletesOverwritesAndRangeDeletesAreUndone() {
    try (Engine e = Engine.openJournaled(dir, OPTS)) {
      write(e, true, ColumnFamily.RAFT, "k1", "old1", "k2", "old2", "k3", "old3", "k5", "old5");
      write(e, false, ColumnFamily.RAFT, "k1", "new1", "k2", null, "k4", "new4");
      try (EngineBatch batch = e.newBatch()) {
        batch.deleteRange(ColumnFamily.RAFT, b("k3"), b("k6"));
        batch.put(ColumnFamily.RAFT, b("k5"), b("newer5"));
        e.write(batch, false);
      }
      assertEquals(Map.of("k1", "new1", "k5", "newer5"), contents(e, ColumnFamily.RAFT));
      assertEquals("old3", s(e.unsyncedJournal().durableGet(ColumnFamily.RAFT, b("k3"))));
      assertNull(e.unsyncedJournal().durableGet(ColumnFamily.RAFT, b("k4")));
      assertEquals(2, e.unsyncedJournal().loseUnsyncedWrites(0));
      assertEquals(Map.of("k1", "old1", "k2", "old2", "k3", "old3", "k5", "old5"), contents(e, ColumnFamily.RAFT));
    }
  }

  /** Random batches over a few keys: losing all but k of n leaves exactly the state after the first k. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void aCrashKeepingKBatchesLeavesTheStateAfterTheFirstK(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Map<ColumnFamily, Map<String, String>>> states = new ArrayList<>();
    Map<ColumnFamily, Map<String, String>> model = new EnumMap<>(ColumnFamily.class);
    ColumnFamily[] cfs = {ColumnFamily.MVCC, ColumnFamily.RAFT};
    for (ColumnFamily cf : cfs) {
      model.put(cf, new TreeMap<>());
    }
    try (Engine e = Engine.openJournaled(dir, OPTS)) {
      states.add(copy(model)); // states.get(k): after k unsynced batches (0: the last synced state)
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        boolean sync = random.nextInt(5) == 0;
        try (EngineBatch batch = e.newBatch()) {
          int ops = 1 + random.nextInt(4);
          for (int o = 0; o < ops; o++) {
            ColumnFamily cf = cfs[random.nextInt(cfs.length)];
            String key = "k" + random.nextInt(8);
            int kind = random.nextInt(6);
            if (kind < 3) {
              String v = "v" + i + "." + o;
              batch.put(cf, b(key), b(v));
              model.get(cf).put(key, v);
            } else if (kind < 5) {
              batch.delete(cf, b(key));
              model.get(cf).remove(key);
            } else {
              String end = "k" + (key.charAt(1) - '0' + 1 + random.nextInt(4));
              batch.deleteRange(cf, b(key), b(end));
              model.get(cf).keySet().removeIf(k -> k.compareTo(key) >= 0 && k.compareTo(end) < 0);
            }
          }
          e.write(batch, sync);
        }
        if (sync) {
          states.clear();
        }
        states.add(copy(model));
      }
      UnsyncedWriteJournal j = e.unsyncedJournal();
      assertEquals(states.size() - 1, j.unsyncedBatches());
      int keep = random.nextInt(j.unsyncedBatches() + 1);
      for (ColumnFamily cf : cfs) {
        Map<String, String> durable = new TreeMap<>();
        for (int k = 0; k < 8; k++) {
          byte[] v = j.durableGet(cf, b("k" + k));
          if (v != null) {
            durable.put("k" + k, s(v));
          }
        }
        assertEquals(states.get(0).get(cf), durable, "durable view of " + cf);
      }
      int lost = j.loseUnsyncedWrites(keep);
      assertEquals(j.unsyncedBatches(), 0);
      assertEquals(states.size() - 1 - keep, lost);
      for (ColumnFamily cf : cfs) {
        assertEquals(states.get(keep).get(cf), contents(e, cf), cf + " after keeping " + keep + " batches");
      }
    }
  }

  private static Map<ColumnFamily, Map<String, String>> copy(Map<ColumnFamily, Map<String, String>> m) {
    Map<ColumnFamily, Map<String, String>> out = new EnumMap<>(ColumnFamily.class);
    m.forEach((cf, kv) -> out.put(cf, new TreeMap<>(kv)));
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void whatSurvivesAPowerFailureIsWhatTheReopenedEngineHolds(long seed) {
    int lost;
    try (Engine e = Engine.openJournaled(dir, OPTS)) {
      write(e, true, ColumnFamily.LOCAL, "a", "1");
      write(e, false, ColumnFamily.LOCAL, "a", "2");
      write(e, false, ColumnFamily.LOCAL, "b", "2");
      lost = e.unsyncedJournal().powerFailure(new SplittableRandom(seed));
      assertThrows(StorageException.class, () -> e.get(ColumnFamily.LOCAL, b("a")));
    }
    List<Map<String, String>> expected = List.of(Map.of("a", "1"), Map.of("a", "2"), Map.of("a", "2", "b", "2"));
    try (Engine e = Engine.open(dir, OPTS)) {
      assertEquals(expected.get(2 - lost), contents(e, ColumnFamily.LOCAL), "lost " + lost);
    }
  }

  @Test
  void snapshotsAndIteratorsOpenAcrossTheLossKeepWorking() {
    try (Engine e = Engine.openJournaled(dir, OPTS)) {
      write(e, true, ColumnFamily.MVCC, "a", "1", "b", "1");
      write(e, false, ColumnFamily.MVCC, "a", "2");
      try (EngineSnapshot snap = e.snapshot();
           EngineIterator it = e.newIterator(ColumnFamily.MVCC, null, null)) {
        write(e, false, ColumnFamily.MVCC, "b", null, "c", "3");
        e.unsyncedJournal().loseUnsyncedWrites(0);
        assertEquals("2", s(snap.get(ColumnFamily.MVCC, b("a"))), "the snapshot keeps its view");
        assertEquals("1", s(snap.get(ColumnFamily.MVCC, b("b"))));
        it.seekToFirst(); // an iterator reads the state as of its creation, like a snapshot
        assertTrue(it.valid());
        assertEquals("a", s(it.key()));
        assertEquals("2", s(it.value()));
        it.next();
        assertEquals("b", s(it.key()));
      }
      assertEquals(Map.of("a", "1", "b", "1"), contents(e, ColumnFamily.MVCC));
      assertEquals(0, e.unsyncedJournal().loseUnsyncedWrites(0));
    }
  }

  @Test
  void aNeverSyncedFamilyMakesSyncedWritesLosable() {
    try (Engine e = Engine.openJournaled(dir, OPTS, Set.of(ColumnFamily.RAFT))) {
      write(e, true, ColumnFamily.LOCAL, "a", "1");
      write(e, true, ColumnFamily.RAFT, "log", "1");
      assertEquals(1, e.unsyncedJournal().unsyncedBatches());
      e.unsyncedJournal().loseUnsyncedWrites(0);
      assertNull(e.get(ColumnFamily.RAFT, b("log")));
      assertEquals("1", s(e.get(ColumnFamily.LOCAL, b("a"))));
    }
  }

  @Test
  void keepingMoreThanWasWrittenIsRejected() {
    try (Engine e = Engine.openJournaled(dir, OPTS)) {
      write(e, false, ColumnFamily.MVCC, "a", "1");
      assertThrows(IllegalArgumentException.class, () -> e.unsyncedJournal().loseUnsyncedWrites(2));
      assertThrows(IllegalArgumentException.class, () -> e.unsyncedJournal().loseUnsyncedWrites(-1));
      assertEquals(0, e.unsyncedJournal().loseUnsyncedWrites(1));
      assertEquals("1", s(e.get(ColumnFamily.MVCC, b("a"))));
    }
  }

  @Test
  void anEngineOpenedPlainlyHasNoJournal() {
    try (Engine e = Engine.open(dir, OPTS)) {
      assertThrows(IllegalStateException.class, e::unsyncedJournal);
      write(e, false, ColumnFamily.MVCC, "a", "1");
      assertFalse(contents(e, ColumnFamily.MVCC).isEmpty());
    }
  }
}
