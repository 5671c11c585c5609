package io.shaledb.jdbc;

import static io.shaledb.jdbc.FakeShaleServer.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shaledb.jdbc.FakeShaleServer.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HikariPoolTest {
  @Test
  void poolOfFourServesSeveralThreads() throws Exception {
    try (FakeShaleServer fake = FakeShaleServer.start()) {
      fake.prepared(
          "SELECT ? + 1",
          List.of(col("$1", Types.BIGINT, "INT8")),
          List.of(col("r", Types.BIGINT, "INT8")));
      fake.on(
          "SELECT ? + 1",
          call ->
              Answer.rows(
                  List.of(col("r", Types.BIGINT, "INT8")),
                  List.of(List.of((Long) call.params().get(0) + 1))));
      fake.on(
          "SELECT 1",
          Answer.rows(List.of(col("one", Types.INTEGER, "INT4")), List.of(List.of(1L))));
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(fake.url());
      config.setDriverClassName(ShaleDriver.class.getName());
      config.setMaximumPoolSize(4);
      config.setMinimumIdle(4);
      config.setConnectionTimeout(10_000);
      config.setPoolName("shale-test");
      int threads = 6;
      int iterations = 40;
      try (HikariDataSource ds = new HikariDataSource(config)) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          final long base = t * 1000L;
          results.add(
              pool.submit(
                  () -> {
                    long sum = 0;
                    for (int i = 0; i < iterations; i++) {
                      try (Connection c = ds.getConnection()) {
                        try (PreparedStatement ps = c.prepareStatement("SELECT ? + 1")) {
                          ps.setLong(1, base + i);
                          try (ResultSet rs = ps.executeQuery()) {
                            assertTrue(rs.next());
                            assertEquals(base + i + 1, rs.getLong(1));
                            sum += rs.getLong(1);
                          }
                        }
                        try (Statement st = c.createStatement();
                            ResultSet rs = st.executeQuery("SELECT 1")) {
                          assertTrue(rs.next());
                          assertEquals(1, rs.getObject(1));
                        }
                      }
                    }
                    return sum;
                  }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        for (int t = 0; t < threads; t++) {
          long base = t * 1000L;
          long expected = iterations * (base + 1) + (long) iterations * (iterations - 1) / 2;
          assertEquals(expected, results.get(t).get());
        }
        assertTrue(fake.maxLiveSessions.get() <= 4, "sessions: " + fake.maxLiveSessions.get());
        assertEquals(4, fake.sessionsStarted.get());
      }
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (fake.liveSessions.get() > 0 && System.nanoTime() < deadline) {
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
      assertEquals(0, fake.liveSessions.get(), "closing the pool ends every session");
    }
  }
}
