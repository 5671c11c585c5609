package io.shaledb.sql.exec;

import io.shaledb.kv.hlc.HybridClock;
import io.shaledb.kv.hlc.PhysicalClock;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.Session;
import io.shaledb.sql.SqlEngine;
import io.shaledb.sql.StatementResult;
import io.shaledb.sql.plan.PlanPhase;
import io.shaledb.txn.local.LocalTxnFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Profiling harness (not a test): runs the first records of sqllogictest files from the
 * {@code net.hydromatic:sql-logic-test} jar in ~/.m2 through an in-process engine over RocksDB and
 * local transactions (as the server runs them), checks results the way the harness does (roughly:
 * I/R/T formatting, sort modes, hashing) and prints throughput, pass/fail counts and the time per
 * planning phase ({@link PlanPhase}; recorded only when the JVM runs with
 * {@code -Dshale.phases=true}).
 *
 * <p>Usage: {@code SltProfile [--max N] [--sync] [--failures OUT] FILE...} (OUT collects every failure) with FILE a path inside the jar, e.g.
 * {@code test/select2.test}. Run with the sql module's test class path.
 */
public final class SltProfile {
  private static final Path JAR = Path.of(System.getProperty("user.home"),
      ".m2/repository/net/hydromatic/sql-logic-test/0.3/sql-logic-test-0.3.jar");

  private final Session session;
  private final Map<String, long[]> byKind = new TreeMap<>();
  private int hashThreshold = 8;
  private int passed;
  private int failed;
  private int statementsFailed;
  private final List<String> failures = new ArrayList<>();

  private SltProfile(Session session) {
    this.session = session;
  }

  public static void main(String[] args) throws Exception {
    int max = Integer.MAX_VALUE;
    boolean sync = false;
    Path failuresOut = null;
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--max" -> max = Integer.parseInt(args[++i]);
        case "--sync" -> sync = true;
        case "--failures" -> failuresOut = Path.of(args[++i]);
        default -> files.add(args[i]);
      }
    }
    Path dir = Files.createTempDirectory("sltprofile");
    try (ZipFile zip = new ZipFile(JAR.toFile());
        Engine engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(sync))) {
      LocalTxnFactory txns = new LocalTxnFactory(engine, new HybridClock(PhysicalClock.SYSTEM,
          Duration.ofMillis(500)), true);
      SqlEngine sql = SqlEngine.create(txns);
      int n = 0;
      for (String f : files) {
        String db = "p" + (n++);
        try (Session admin = sql.openSession("defaultdb", "root")) {
          admin.execute("CREATE DATABASE " + db, List.of(), ExecOptions.DEFAULT);
        }
        try (Session s = sql.openSession(db, "root")) {
          SltProfile p = new SltProfile(s);
          PlanPhase.reset();
          java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
          com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
              java.lang.management.ManagementFactory.getOperatingSystemMXBean();
          long p0 = os.getProcessCpuTime();
          long c0 = mx.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          int records = p.run(zip, f, max);
          double secs = (System.nanoTime() - t0) / 1e9;
          double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
          double proc = (os.getProcessCpuTime() - p0) / 1e9;
          System.out.printf(Locale.ROOT, "%s: %d records in %.2f s (thread CPU %.2f s, process CPU %.2f s)"
              + " = %.1f/s wall, %.1f/s thread CPU, %.1f/s process CPU; passed %d failed %d, statements failed %d%n",
              f, records, secs, cpu, proc, records / secs, records / cpu, records / proc, p.passed, p.failed,
              p.statementsFailed);
          p.byKind.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-8s n=%6d  %8.1f ms  %7.3f ms each%n",
              k, v[0], v[1] / 1e6, v[1] / 1e6 / Math.max(1, v[0])));
          System.out.print(PlanPhase.report());
          System.out.println("  plans: " + io.shaledb.sql.plan.QueryPlanner.implementationCounts());
          System.out.println("  direct: " + io.shaledb.sql.plan.QueryPlanner.directCounts());
          p.failures.stream().limit(5).forEach(x -> System.out.println("  FAIL " + x));
          if (failuresOut != null) {
            Files.write(failuresOut, p.failures, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
          }
        }
      }
    }
  }

  private int run(ZipFile zip, String file, int max) throws IOException {
    ZipEntry e = zip.getEntry(file);
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(zip.getInputStream(e),
        StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; ) {
        lines.add(l);
      }
    }
    int records = 0;
    int i = 0;
    boolean skip = false;
    while (i < lines.size() && records < max) {
      String line = lines.get(i).strip();
      i++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] w = line.split("\\s+");
      switch (w[0]) {
        case "hash-threshold" -> hashThreshold = Integer.parseInt(w[1]);
        case "halt" -> i = lines.size();
        case "skipif" -> skip |= w[1].equals("postgresql");
        case "onlyif" -> skip |= !w[1].equals("postgresql");
        case "statement", "query" -> {
          StringBuilder sqlText = new StringBuilder();
          while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
            sqlText.append(sqlText.length() > 0 ? "\n" : "").append(lines.get(i));
            i++;
          }
          List<String> expected = new ArrayList<>();
          if (i < lines.size() && lines.get(i).equals("----")) {
            i++;
            while (i < lines.size() && !lines.get(i).isBlank()) {
              expected.add(lines.get(i).strip());
              i++;
            }
          }
          if (!skip) {
            records++;
            if (w[0].equals("statement")) {
              statement(sqlText.toString(), w[1].equals("ok"));
            } else {
              query(sqlText.toString(), w[1], w.length > 2 ? w[2] : "nosort", expected);
            }
          }
          skip = false;
        }
        default -> { }
      }
    }
    return records;
  }

  private static String kind(String sql) {
    String s = sql.strip().toLowerCase(Locale.ROOT);
    String head = s.split("\\s+")[0];
    if (!head.equals("select")) {
      return head;
    }
    if (s.contains("join") || s.replaceAll("\\(.*?\\)", "").matches("(?s).*\\bfrom\\s+\\w+(\\s+(as\\s+)?\\w+)?\\s*,.*")) {
      return "join";
    }
    return s.indexOf("select", 6) >= 0 ? "subquery" : "select";
  }

  private void time(String sql, long nanos) {
    long[] v = byKind.computeIfAbsent(kind(sql), k -> new long[2]);
    v[0]++;
    v[1] += nanos;
  }

  private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

  /** Per-kind figures are thread CPU time (the machine is shared; wall time is mostly waiting). */
  private static long cpu() {
    return MX.getCurrentThreadCpuTime();
  }

  private void statement(String sql, boolean ok) {
    long t0 = cpu();
    boolean succeeded;
    try {
      session.execute(sql, List.of(), ExecOptions.DEFAULT);
      succeeded = true;
    } catch (RuntimeException ex) {
      succeeded = false;
    }
    time(sql, cpu() - t0);
    if (succeeded != ok) {
      statementsFailed++;
      failures.add("statement " + (ok ? "ok" : "error") + ": " + sql);
    }
  }

  private void query(String sql, String types, String sort, List<String> expected) {
    long t0 = cpu();
    StatementResult r;
    try {
      r = session.execute(sql, List.of(), ExecOptions.DEFAULT);
    } catch (RuntimeException ex) {
      time(sql, cpu() - t0);
      failed++;
      failures.add(sql + " -> " + ex.getMessage());
      return;
    }
    time(sql, cpu() - t0);
    List<List<String>> rows = new ArrayList<>();
    for (Object[] row : r.rows()) {
      List<String> out = new ArrayList<>();
      for (int c = 0; c < row.length; c++) {
        out.add(format(row[c], c < types.length() ? types.charAt(c) : 'T'));
      }
      rows.add(out);
    }
    List<String> values = new ArrayList<>();
    if (sort.equals("rowsort")) {
      rows.sort((a, b) -> {
        for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
          int c = a.get(k).compareTo(b.get(k));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      });
    }
    rows.forEach(values::addAll);
    if (sort.equals("valuesort")) {
      values.sort(null);
    }
    List<String> actual = values;
    if (values.size() > hashThreshold && hashThreshold > 0) {
      actual = List.of(values.size() + " values hashing to " + md5(values));
    }
    if (actual.equals(expected) || expected.size() == 1 && expected.get(0).contains("hashing to")
        && values.size() <= hashThreshold && md5(values).equals(expected.get(0).replaceAll(".* ", ""))) {
      passed++;
    } else {
      failed++;
      failures.add(sql + " -> " + actual + " expected " + expected);
    }
  }

  private static String format(Object v, char type) {
    if (v == null) {
      return "NULL";
    }
    switch (type) {
      case 'I':
        if (v instanceof Number n) {
          return Long.toString(n instanceof BigDecimal d ? d.longValue() : (long) n.doubleValue());
        }
        try {
          return Long.toString(Long.parseLong(v.toString().strip()));
        } catch (NumberFormatException ex) {
          return "0";
        }
      case 'R':
        double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
        return String.format(Locale.ROOT, "%.3f", d);
      default:
        String s = v.toString();
        if (s.isEmpty()) {
          return "(empty)";
        }
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
          b.append(ch < ' ' || ch > '~' ? '@' : ch);
        }
        return b.toString();
    }
  }

  private static String md5(List<String> values) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (String v : values) {
        md.update(v.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
