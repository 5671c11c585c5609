package io.shaledb.txn.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.hlc.HybridClock;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.txn.KvLimitException;
import io.shaledb.txn.KvTxn;
import io.shaledb.txn.TransactionRetryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTxnFactoryTest {
  @TempDir Path dir;
  /** Physical time: ticks one microsecond per reading, so it never depends on the time of day. */
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private HybridClock clock;
  private Engine engine;
  private LocalTxnFactory factory;

  @BeforeEach
  void open() {
    clock = new HybridClock(() -> nanos.addAndGet(1_000), Duration.ofMillis(500));
    engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(false));
    factory = new LocalTxnFactory(engine, clock, true);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  static String s(byte[] b) {
    return new String(b, UTF_8);
  }

  static List<String> render(List<KeyValue> kvs) {
    List<String> out = new ArrayList<>();
    for (KeyValue kv : kvs) {
      out.add(s(kv.key()) + "=" + s(kv.value()));
    }
    return out;
  }

  private void commit(String... kvs) {
    try (KvTxn t = factory.begin()) {
      for (int i = 0; i < kvs.length; i += 2) {
        if (kvs[i + 1] == null) {
          t.delete(b(kvs[i]));
        } else {
          t.put(b(kvs[i]), b(kvs[i + 1]));
        }
      }
      t.commit();
    }
  }

  private Optional<String> read(String key) {
    try (KvTxn t = factory.begin()) {
      return t.get(b(key)).map(LocalTxnFactoryTest::s);
    }
  }

  @Test
  void readsItsOwnWritesInGetsAndScans() {
    commit("a", "1", "b", "2", "c", "3", "d", "4");
    try (KvTxn t = factory.begin()) {
      t.put(b("b"), b("2'"));
      t.delete(b("c"));
      t.put(b("bb"), b("new"));
      t.delete(b("zz")); // absent: not an error
      assertTrue(t.hasWrites());
      assertEquals("2'", s(t.get(b("b")).orElseThrow()));
      assertTrue(t.get(b("c")).isEmpty());
      assertEquals(List.of("a=1", "b=2'", "bb=new", "d=4"), render(t.scan(b("a"), b("z"), 0, false)));
      assertEquals(List.of("d=4", "bb=new", "b=2'", "a=1"), render(t.scan(b("a"), b("z"), 0, true)));
      assertEquals(List.of("a=1", "b=2'"), render(t.scan(b("a"), b("z"), 2, false)));
      assertEquals(List.of("bb=new", "d=4"), render(t.scan(b("b\0"), b("z"), 2, false)));
      assertEquals(List.of("d=4", "bb=new"), render(t.scan(b("a"), b("z"), 2, true)));
      assertEquals(List.of("b=2'", "bb=new"), render(t.scan(b("b"), b("c\0"), 0, false)));
      assertEquals(List.of(), render(t.scan(b("c"), b("c\0"), 0, false)));
      assertEquals(List.of("a=1", "b=2'", "bb=new", "d=4"), render(t.scan(new byte[0], null, 0, false)));
      t.delete(b("bb"));
      t.put(b("c"), b("back"));
      assertEquals(List.of("a=1", "b=2'", "c=back", "d=4"), render(t.scan(b("a"), b("z"), 0, false)));
      t.commit();
    }
    try (KvTxn t = factory.begin()) {
      assertEquals(List.of("a=1", "b=2'", "c=back", "d=4"), render(t.scan(b("a"), b("z"), 0, false)));
    }
  }

  @Test
  void limitIsFilledDespiteBufferedDeletes() {
    commit("a", "1", "b", "2", "c", "3", "d", "4", "e", "5");
    try (KvTxn t = factory.begin()) {
      t.delete(b("a"));
      t.delete(b("b"));
      t.delete(b("d"));
      assertEquals(List.of("c=3", "e=5"), render(t.scan(b("a"), b("z"), 2, false)));
      assertEquals(List.of("e=5", "c=3"), render(t.scan(b("a"), b("z"), 2, true)));
      assertEquals(List.of("c=3"), render(t.scan(b("a"), b("z"), 1, false)));
    }
  }

  @Test
  void commitIsAtomicAndInvisibleToEarlierReaders() {
    KvTxn before = factory.begin();
    try (KvTxn w = factory.begin()) {
      for (int i = 0; i < 100; i++) {
        w.put(b(String.format("k%03d", i)), b("v" + i));
      }
      KvTxn concurrent = factory.begin();
      assertEquals(0, concurrent.scan(b("k"), b("l"), 0, false).size(), "buffered writes are private");
      concurrent.close();
      w.commit();
    }
    assertEquals(0, before.scan(b("k"), b("l"), 0, false).size(), "began before the commit");
    assertTrue(before.get(b("k000")).isEmpty());
    before.close();
    try (KvTxn after = factory.begin()) {
      assertEquals(100, after.scan(b("k"), b("l"), 0, false).size(), "began after the commit returned");
    }
  }

  @Test
  void secondWriterOfAKeyGetsWriteWriteConflict() {
    commit("k", "0");
    KvTxn t1 = factory.begin();
    KvTxn t2 = factory.begin();
    t1.put(b("k"), b("1"));
    t2.put(b("k"), b("2"));
    t2.put(b("other"), b("2"));
    t1.commit();
    TransactionRetryException e = assertThrows(TransactionRetryException.class, t2::commit);
    assertEquals(TransactionRetryException.Reason.WRITE_WRITE_CONFLICT, e.reason());
    assertTrue(e.getMessage().startsWith("restart transaction:"));
    assertThrows(IllegalStateException.class, t2::commit, "a failed transaction is finished");
    t2.close();
    assertEquals(Optional.of("1"), read("k"));
    assertEquals(Optional.empty(), read("other"), "nothing of the failed commit is visible");
  }

  @Test
  void deleteConflictsWithConcurrentWriteAndViceVersa() {
    commit("k", "0");
    KvTxn t1 = factory.begin();
    KvTxn t2 = factory.begin();
    t1.delete(b("k"));
    t2.put(b("k"), b("2"));
    t1.commit();
    assertThrows(TransactionRetryException.class, t2::commit);
    assertEquals(Optional.empty(), read("k"));
  }

  @Test
  void disjointConcurrentWritersBothCommit() {
    KvTxn t1 = factory.begin();
    KvTxn t2 = factory.begin();
    t1.put(b("x"), b("1"));
    t2.put(b("y"), b("2"));
    t1.commit();
    t2.commit();
    assertEquals(Optional.of("1"), read("x"));
    assertEquals(Optional.of("2"), read("y"));
  }

  @Test
  void rollbackAndCloseDiscardWrites() {
    KvTxn t = factory.begin();
    t.put(b("a"), b("1"));
    t.rollback();
    t.rollback();
    assertThrows(IllegalStateException.class, () -> t.get(b("a")));
    assertThrows(IllegalStateException.class, t::commit);
    try (KvTxn c = factory.begin()) {
      c.put(b("b"), b("1"));
    }
    assertEquals(Optional.empty(), read("a"));
    assertEquals(Optional.empty(), read("b"));
  }

  @Test
  void finishedTransactionRejectsEverything() {
    KvTxn t = factory.begin();
    t.put(b("a"), b("1"));
    t.commit();
    assertThrows(IllegalStateException.class, () -> t.put(b("a"), b("2")));
    assertThrows(IllegalStateException.class, () -> t.scan(b("a"), b("b"), 0, false));
    assertThrows(IllegalStateException.class, t::commit);
    t.close(); // no-op after commit
    assertEquals(Optional.of("1"), read("a"));
  }

  @Test
  void readOnlyAndEmptyCommitsSucceed() {
    commit("a", "1");
    try (KvTxn t = factory.begin()) {
      assertFalse(t.hasWrites());
      assertEquals(Optional.of(b("1")).map(LocalTxnFactoryTest::s), t.get(b("a")).map(LocalTxnFactoryTest::s));
      t.commit();
    }
    KvTxn old = factory.begin();
    commit("a", "2");
    old.get(b("a"));
    old.commit(); // read-only: no conflict check, nothing written
    assertEquals(Optional.of("2"), read("a"));
  }

  @Test
  void rejectsEmptyAndOversizedKeysAndValues() {
    try (KvTxn t = factory.begin()) {
      IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> t.put(new byte[0], b("v")));
      assertFalse(empty instanceof KvLimitException);
      assertThrows(IllegalArgumentException.class, () -> t.get(new byte[0]));
      assertThrows(IllegalArgumentException.class, () -> t.delete(new byte[0]));
      assertThrows(KvLimitException.class, () -> t.put(new byte[LocalTxnFactory.MAX_KEY_BYTES + 1], b("v")));
      assertThrows(KvLimitException.class, () -> t.delete(new byte[LocalTxnFactory.MAX_KEY_BYTES + 1]));
      assertThrows(KvLimitException.class, () -> t.put(b("k"), new byte[LocalTxnFactory.MAX_VALUE_BYTES + 1]));
      t.put(new byte[LocalTxnFactory.MAX_KEY_BYTES], new byte[LocalTxnFactory.MAX_VALUE_BYTES]);
      assertFalse(t.get(b("k")).isPresent(), "rejected writes leave no trace");
      t.commit();
    }
    try (KvTxn t = factory.begin()) {
      assertEquals(LocalTxnFactory.MAX_VALUE_BYTES, t.get(new byte[LocalTxnFactory.MAX_KEY_BYTES]).orElseThrow().length);
    }
  }

  @Test
  void writesAreCopiedOnTheWayInAndOut() {
    byte[] key = b("k");
    byte[] value = b("v");
    try (KvTxn t = factory.begin()) {
      t.put(key, value);
      key[0] = 'x';
      value[0] = 'x';
      byte[] got = t.get(b("k")).orElseThrow();
      assertEquals("v", s(got));
      got[0] = 'y';
      assertEquals("v", s(t.get(b("k")).orElseThrow()));
      t.commit();
    }
    assertEquals(Optional.of("v"), read("k"));
  }

  @Test
  void committedDataSurvivesReopeningTheEngine() {
    commit("a", "1", "b", "2");
    commit("b", null);
    engine.close();
    engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(false));
    factory = new LocalTxnFactory(engine, clock, true);
    assertEquals(Optional.of("1"), read("a"));
    assertEquals(Optional.empty(), read("b"));
  }

  @Test
  void reopeningWithALaggingClockStillSeesAndOverwritesEarlierCommits() {
    commit("a", "1");
    engine.close();
    engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(false));
    AtomicLong behind = new AtomicLong(1_000L); // physical clock far behind the earlier commits
    HybridClock lagging = new HybridClock(() -> behind.addAndGet(1_000), Duration.ofMillis(500));
    factory = new LocalTxnFactory(engine, lagging, true);
    assertEquals(Optional.of("1"), read("a"));
    commit("a", "2"); // would conflict forever if the read timestamp were below the first commit
    assertEquals(Optional.of("2"), read("a"));
  }
}
