package io.shaledb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.kv.hlc.HybridClock;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.Session;
import io.shaledb.sql.SqlEngine;
import io.shaledb.sql.StatementResult;
import io.shaledb.txn.local.LocalTxnFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL engine over the real single-node stack: RocksDB engine + local MVCC transactions. */
class RealStackSmokeTest {
  @TempDir Path dir;

  @Test
  void sqlOverRocksDbTransactionsIncludingConcurrentSessions() throws Exception {
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    HybridClock clock = new HybridClock(() -> nanos.addAndGet(1_000), Duration.ofMillis(500));
    try (Engine engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(false))) {
      LocalTxnFactory txns = new LocalTxnFactory(engine, clock, false);
      try (SqlEngine sql = SqlEngine.create(txns); Session s = sql.openSession("defaultdb", "root")) {
        s.execute("CREATE TABLE acc (id INT PRIMARY KEY, owner TEXT, balance BIGINT)", List.of(), ExecOptions.DEFAULT);
        s.execute("CREATE INDEX acc_owner ON acc (owner)", List.of(), ExecOptions.DEFAULT);
        s.execute("INSERT INTO acc VALUES (1, 'ann', 100), (2, 'bob', 50)", List.of(), ExecOptions.DEFAULT);
        s.execute("UPDATE acc SET balance = balance - 10 WHERE id = 1", List.of(), ExecOptions.DEFAULT);
        StatementResult r = s.execute("SELECT id, balance FROM acc WHERE owner = 'ann'", List.of(), ExecOptions.DEFAULT);
        assertEquals(1, r.rows().size());
        assertEquals(90L, r.rows().get(0)[1]);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
          List<Future<?>> fs = new ArrayList<>();
          for (int t = 0; t < 2; t++) {
            int base = 100 + t * 100;
            fs.add(pool.submit(() -> {
              try (Session w = sql.openSession("defaultdb", "root")) {
                for (int i = 0; i < 20; i++) {
                  w.execute("INSERT INTO acc VALUES (?, 'w', 1)", List.of(base + i), ExecOptions.DEFAULT);
                  w.execute("UPDATE acc SET balance = balance + 1 WHERE id = 2", List.of(), ExecOptions.DEFAULT);
                }
              }
              return null;
            }));
          }
          for (Future<?> f : fs) {
            f.get(120, TimeUnit.SECONDS);
          }
        } finally {
          pool.shutdownNow();
        }
        StatementResult c = s.execute("SELECT count(*), sum(balance) FROM acc", List.of(), ExecOptions.DEFAULT);
        assertEquals(42L, c.rows().get(0)[0]);
        assertEquals(90L + 50L + 40L + 40L, c.rows().get(0)[1]);
        StatementResult b = s.execute("SELECT balance FROM acc WHERE id = 2", List.of(), ExecOptions.DEFAULT);
        assertEquals(90L, b.rows().get(0)[0]);
        assertTrue(s.execute("EXPLAIN SELECT * FROM acc WHERE owner = 'w'", List.of(), ExecOptions.DEFAULT)
            .rows().toString().length() > 0);
      }
    }
  }
}
