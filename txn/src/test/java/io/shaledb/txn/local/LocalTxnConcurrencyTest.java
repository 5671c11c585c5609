package io.shaledb.txn.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.hlc.HybridClock;
import io.shaledb.kv.hlc.PhysicalClock;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.txn.KvTxn;
import io.shaledb.txn.TransactionRetryException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded multi-threaded smoke tests whose assertions do not depend on scheduling. */
class LocalTxnConcurrencyTest {
  @TempDir Path dir;
  private Engine engine;
  private LocalTxnFactory factory;
  private ExecutorService pool;

  @BeforeEach
  void open() {
    engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(false));
    factory = new LocalTxnFactory(engine, new HybridClock(PhysicalClock.SYSTEM, Duration.ofMillis(500)), false);
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterEach
  void close() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    engine.close();
  }

  private static byte[] key(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void concurrentIncrementsLoseNoUpdate() throws Exception {
    byte[] counter = key("counter");
    int threads = 4;
    int perThread = 40;
    AtomicInteger retries = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          while (true) {
            try (KvTxn txn = factory.begin()) {
              long v = txn.get(counter).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
              txn.put(counter, ByteBuffer.allocate(8).putLong(v + 1).array());
              txn.commit();
              break;
            } catch (TransactionRetryException e) {
              retries.incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    try (KvTxn txn = factory.begin()) {
      assertEquals(threads * perThread, ByteBuffer.wrap(txn.get(counter).orElseThrow()).getLong());
    }
  }

  @Test
  void readersNeverSeeAPartialCommit() throws Exception {
    int keys = 20;
    int generations = 60;
    List<Future<?>> futures = new ArrayList<>();
    futures.add(pool.submit(() -> {
      for (int g = 1; g <= generations; g++) {
        try (KvTxn txn = factory.begin()) {
          for (int k = 0; k < keys; k++) {
            txn.put(key(String.format("row%02d", k)), key("g" + g));
          }
          txn.commit();
        }
      }
      return null;
    }));
    AtomicInteger scans = new AtomicInteger();
    for (int r = 0; r < 2; r++) {
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 150; i++) {
          try (KvTxn txn = factory.begin()) {
            List<KeyValue> rows = txn.scan(key("row"), key("rox"), 0, i % 2 == 0);
            if (!rows.isEmpty()) {
              assertEquals(keys, rows.size(), "all rows of a commit or none");
              String first = new String(rows.get(0).value(), StandardCharsets.UTF_8);
              for (KeyValue kv : rows) {
                assertEquals(first, new String(kv.value(), StandardCharsets.UTF_8), "one generation per snapshot");
              }
            }
            scans.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    assertEquals(300, scans.get());
    try (KvTxn txn = factory.begin()) {
      List<KeyValue> rows = txn.scan(key("row"), key("rox"), 0, false);
      assertEquals(keys, rows.size());
      assertEquals("g" + generations, new String(rows.get(keys - 1).value(), StandardCharsets.UTF_8));
    }
  }
}
