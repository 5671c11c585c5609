package io.shaledb.kv.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineConcurrencyTest {
  @TempDir Path dir;

  private static byte[] key(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  @Test
  void concurrentWritersAndIteratingReadersSeeWholeBatches() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (Engine engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(false))) {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int writer = w;
        futures.add(pool.submit(() -> {
          for (int round = 0; round < 100; round++) {
            try (EngineBatch b = engine.newBatch()) {
              // Each batch writes 10 keys of its writer's block, all with the same round number.
              for (int k = 0; k < 10; k++) {
                b.put(ColumnFamily.MVCC, key(writer * 100 + k), key(round));
              }
              engine.write(b, false);
            }
          }
          return null;
        }));
      }
      futures.add(pool.submit(() -> {
        for (int i = 0; i < 200; i++) {
          try (EngineSnapshot snap = engine.snapshot();
              EngineIterator it = snap.newIterator(ColumnFamily.MVCC, key(0), key(10))) {
            List<Integer> rounds = new ArrayList<>();
            for (it.seekToFirst(); it.valid(); it.next()) {
              rounds.add(ByteBuffer.wrap(it.value()).getInt());
            }
            assertTrue(rounds.isEmpty() || rounds.size() == 10, "whole batch or nothing");
            assertTrue(rounds.stream().distinct().count() <= 1, "one round per snapshot: " + rounds);
          }
        }
        return null;
      }));
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(99, ByteBuffer.wrap(engine.get(ColumnFamily.MVCC, key(105))).getInt());
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void closeWhileAnotherThreadIteratesFailsCleanly() throws Exception {
    closeWhileIterating(EngineConcurrencyTest::readAll);
  }

  /** Steps run in one batch hold the engine open: close waits for the batch, then stops the next. */
  @Test
  void closeWhileAnotherThreadIteratesInBatchesFailsCleanly() throws Exception {
    closeWhileIterating(it -> it.batch(() -> {
      readAll(it);
      return null;
    }));
  }

  private static void readAll(EngineIterator it) {
    for (it.seekToFirst(); it.valid(); it.next()) {
      it.value();
    }
  }

  private void closeWhileIterating(java.util.function.Consumer<EngineIterator> pass) throws Exception {
    Engine engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(false));
    try (EngineBatch b = engine.newBatch()) {
      for (int k = 0; k < 1000; k++) {
        b.put(ColumnFamily.MVCC, key(k), key(k));
      }
      engine.write(b, false);
    }
    CountDownLatch started = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> reader = pool.submit(() -> {
        try (EngineIterator it = engine.newIterator(ColumnFamily.MVCC, null, null)) {
          started.countDown();
          while (true) {
            pass.accept(it);
          }
        } catch (StorageException e) {
          return "stopped: " + e.getMessage();
        }
      });
      assertTrue(started.await(30, TimeUnit.SECONDS));
      engine.close();
      assertTrue(reader.get(30, TimeUnit.SECONDS).contains("closed"));
    } finally {
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }
    try (Engine again = Engine.open(dir, EngineOptions.defaults())) {
      assertEquals(999, ByteBuffer.wrap(again.get(ColumnFamily.MVCC, key(999))).getInt());
    }
  }
}
