package io.shaledb.tests.bench;

import io.shaledb.tests.cluster.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Single-connection point-operation workload: N single-row INSERTs (each its own implicit,
 * durable transaction), then N primary-key SELECTs of random existing keys (seeded). Prints rate
 * and p50/p99 latency per phase, for ShaleDB and, when a PostgreSQL URL is given, for PostgreSQL
 * in the same run, with the ratios.
 *
 * <pre>
 * PointOpsBenchmark [--url jdbc:shale://127.0.0.1:26257/defaultdb] [--pg-url jdbc:postgresql://...]
 *                   [--rows 20000] [--warmup 2000] [--seed 42]
 * </pre>
 * Without {@code --url} it starts a node process on a temporary store — the same configuration
 * {@code shale demo} runs — and removes the store afterwards.
 */
public final class PointOpsBenchmark {

  /** Latency summary of one phase. */
  record Phase(String name, int ops, double opsPerSec, double p50Micros, double p99Micros) {
    String line() {
      return String.format(Locale.ROOT, "%-8s %8d ops %10.0f ops/s   p50 %8.1f us   p99 %8.1f us",
          name, ops, opsPerSec, p50Micros, p99Micros);
    }
  }

  public static void main(String[] args) throws Exception {
    String url = null;
    String pgUrl = null;
    int rows = 20_000;
    int warmup = 2_000;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--pg-url" -> pgUrl = args[++i];
        case "--rows" -> rows = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Phase[] shale;
    if (url == null) {
      Path store = Files.createTempDirectory("shale-bench");
      try (NodeProcess node = NodeProcess.start(store, Duration.ofSeconds(120))) {
        shale = run("shale", node.jdbcUrl("defaultdb"), rows, warmup, seed);
      } finally {
        deleteTree(store);
      }
    } else {
      shale = run("shale", url, rows, warmup, seed);
    }
    System.out.println("ShaleDB (one JDBC connection, " + rows + " rows):");
    for (Phase p : shale) {
      System.out.println("  " + p.line());
    }
    if (pgUrl != null) {
      Phase[] pg = run("postgres", pgUrl, rows, warmup, seed);
      System.out.println("PostgreSQL (same workload, same machine):");
      for (Phase p : pg) {
        System.out.println("  " + p.line());
      }
      System.out.println("Ratios ShaleDB / PostgreSQL (throughput; >1 = ShaleDB faster):");
      for (int i = 0; i < shale.length; i++) {
        System.out.printf(Locale.ROOT, "  %-8s %.2fx   (p50 latency ratio %.2fx, p99 %.2fx)%n", shale[i].name(),
            shale[i].opsPerSec() / pg[i].opsPerSec(), shale[i].p50Micros() / pg[i].p50Micros(),
            shale[i].p99Micros() / pg[i].p99Micros());
      }
    }
  }

  static Phase[] run(String label, String url, int rows, int warmup, long seed) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench_kv");
        s.execute("CREATE TABLE bench_kv (k BIGINT PRIMARY KEY, v VARCHAR(100) NOT NULL)");
      }
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO bench_kv (k, v) VALUES (?, ?)");
           PreparedStatement sel = c.prepareStatement("SELECT v FROM bench_kv WHERE k = ?")) {
        // Warm up both statements on keys outside the measured range.
        for (int i = 0; i < warmup; i++) {
          insert(ins, -1 - i);
          select(sel, -1 - i);
        }
        long[] insertNanos = new long[rows];
        long start = System.nanoTime();
        for (int i = 0; i < rows; i++) {
          long t0 = System.nanoTime();
          insert(ins, i);
          insertNanos[i] = System.nanoTime() - t0;
        }
        long insertWall = System.nanoTime() - start;
        SplittableRandom random = new SplittableRandom(seed);
        long[] selectNanos = new long[rows];
        start = System.nanoTime();
        for (int i = 0; i < rows; i++) {
          long k = random.nextInt(rows);
          long t0 = System.nanoTime();
          select(sel, k);
          selectNanos[i] = System.nanoTime() - t0;
        }
        long selectWall = System.nanoTime() - start;
        return new Phase[] {summarize("insert", insertNanos, insertWall), summarize("select", selectNanos, selectWall)};
      } finally {
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE IF EXISTS bench_kv");
        }
      }
    }
  }

  private static void insert(PreparedStatement ins, long k) throws SQLException {
    ins.setLong(1, k);
    ins.setString(2, "value-" + k);
    if (ins.executeUpdate() != 1) {
      throw new IllegalStateException("insert of " + k + " did not insert one row");
    }
  }

  private static void select(PreparedStatement sel, long k) throws SQLException {
    sel.setLong(1, k);
    try (ResultSet rs = sel.executeQuery()) {
      if (!rs.next() || !rs.getString(1).equals("value-" + k)) {
        throw new IllegalStateException("select of " + k + " did not return its row");
      }
    }
  }

  static Phase summarize(String name, long[] nanos, long wallNanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Phase(name, nanos.length, nanos.length / (wallNanos / 1e9),
        percentile(sorted, 0.50) / 1e3, percentile(sorted, 0.99) / 1e3);
  }

  static long percentile(long[] sorted, double q) {
    int idx = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }

  private static void deleteTree(Path root) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
