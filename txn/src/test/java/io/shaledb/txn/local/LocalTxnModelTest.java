package io.shaledb.txn.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.hlc.HybridClock;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.txn.KvTxn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares transactions against a sorted-map model: random committed history, then a transaction
 * with random buffered writes, checked after every step with random gets and scans (bounds,
 * limits, both directions). Seeded, so failures reproduce.
 */
class LocalTxnModelTest {
  private static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;

  @TempDir Path dir;

  @Test
  void scansAndGetsMatchASortedMapModel() {
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    HybridClock clock = new HybridClock(() -> nanos.addAndGet(1_000), Duration.ofMillis(500));
    try (Engine engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(false))) {
      LocalTxnFactory factory = new LocalTxnFactory(engine, clock, false);
      Random rnd = new Random(42);
      TreeMap<byte[], byte[]> committed = new TreeMap<>(ORDER);
      for (int round = 0; round < 40; round++) {
        try (KvTxn t = factory.begin()) {
          TreeMap<byte[], byte[]> model = new TreeMap<>(committed);
          int ops = rnd.nextInt(12);
          for (int op = 0; op < ops; op++) {
            byte[] key = randomKey(rnd);
            if (rnd.nextInt(3) == 0) {
              t.delete(key);
              model.remove(key);
            } else {
              byte[] value = new byte[] {(byte) round, (byte) op};
              t.put(key, value);
              model.put(key, value);
            }
            check(t, model, rnd, "round " + round + " op " + op);
          }
          if (rnd.nextBoolean()) {
            t.commit();
            committed = model;
          }
        }
        try (KvTxn fresh = factory.begin()) {
          check(fresh, committed, rnd, "after round " + round);
        }
      }
    }
  }

  private static void check(KvTxn t, NavigableMap<byte[], byte[]> model, Random rnd, String where) {
    byte[] probe = randomKey(rnd);
    assertEquals(hex(model.get(probe)), t.get(probe).map(LocalTxnModelTest::hex).orElse(null), where + " get");
    for (int i = 0; i < 4; i++) {
      byte[] start = rnd.nextInt(5) == 0 ? new byte[0] : randomKey(rnd);
      byte[] end = rnd.nextInt(5) == 0 ? null : randomKey(rnd);
      int limit = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(4);
      boolean reverse = rnd.nextBoolean();
      List<String> expected = new ArrayList<>();
      if (end == null || ORDER.compare(start, end) < 0) {
        NavigableMap<byte[], byte[]> span = end == null ? model.tailMap(start, true) : model.subMap(start, true, end, false);
        for (Map.Entry<byte[], byte[]> e : (reverse ? span.descendingMap() : span).entrySet()) {
          if (limit > 0 && expected.size() == limit) {
            break;
          }
          expected.add(hex(e.getKey()) + "=" + hex(e.getValue()));
        }
      }
      List<String> actual = new ArrayList<>();
      for (KeyValue kv : t.scan(start, end, limit, reverse)) {
        actual.add(hex(kv.key()) + "=" + hex(kv.value()));
      }
      assertEquals(expected, actual, where + " scan [" + hex(start) + ", " + hex(end) + ") limit "
          + limit + (reverse ? " reverse" : ""));
    }
  }

  /** Short keys over a tiny alphabet, so prefixes, overwrites and deletes of existing keys are common. */
  private static byte[] randomKey(Random rnd) {
    byte[] alphabet = {0x00, 0x01, 0x61, (byte) 0xFF};
    byte[] key = new byte[1 + rnd.nextInt(3)];
    for (int i = 0; i < key.length; i++) {
      key[i] = alphabet[rnd.nextInt(alphabet.length)];
    }
    return key;
  }

  private static String hex(byte[] b) {
    return b == null ? null : HexFormat.of().formatHex(b);
  }
}
