package io.shaledb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The driver under HikariCP against a real node: pooled connections from several threads. */
class HikariPoolTest {

  @Test
  void pooledConnectionsWorkFromSeveralThreads() throws Exception {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl(SharedNode.url());
    cfg.setMaximumPoolSize(4);
    cfg.setConnectionTimeout(30_000);
    try (HikariDataSource ds = new HikariDataSource(cfg)) {
      try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE hikari_t (worker INT, n INT, PRIMARY KEY (worker, n))");
      }
      int workers = 4;
      int perWorker = 50;
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      try {
        List<Future<Integer>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
          int worker = w;
          futures.add(pool.submit(() -> {
            int done = 0;
            for (int n = 0; n < perWorker; n++) {
              try (Connection c = ds.getConnection();
                   PreparedStatement ps = c.prepareStatement("INSERT INTO hikari_t VALUES (?, ?)")) {
                ps.setInt(1, worker);
                ps.setInt(2, n);
                done += ps.executeUpdate();
              }
            }
            return done;
          }));
        }
        int total = 0;
        for (Future<Integer> f : futures) {
          total += f.get(120, TimeUnit.SECONDS);
        }
        assertEquals(workers * perWorker, total);
      } finally {
        pool.shutdownNow();
      }
      try (Connection c = ds.getConnection(); Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT worker, count(*) FROM hikari_t GROUP BY worker ORDER BY worker")) {
        for (int w = 0; w < workers; w++) {
          rs.next();
          assertEquals(w, rs.getInt(1));
          assertEquals(perWorker, rs.getInt(2));
        }
        s.execute("DROP TABLE hikari_t");
      }
    }
  }
}
