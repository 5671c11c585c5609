package io.shaledb.tests.slt;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.TestLoader;
import net.hydromatic.sqllogictest.TestStatistics;

/**
 * Drives the sqllogictest harness ({@code net.hydromatic:sql-logic-test}) file by file against a
 * ShaleDB JDBC URL and collects per-file results.
 *
 * <p>Each file gets a fresh harness {@link TestLoader}, so one file's abort cannot hide another's
 * results. The harness throws when a {@code statement ok} fails; that file is reported as aborted.
 */
public final class SltRunner {
  private final String url;

  /** @param url the JDBC URL every file connects to, e.g. {@code jdbc:shale://127.0.0.1:26257/defaultdb} */
  public SltRunner(String url) {
    this.url = url;
  }

  /** Runs one file, given as a resource path inside the harness jar ({@code test/select1.test}). */
  public SltFileResult runFile(String file) {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    OptionsParser parser = new OptionsParser(false, out, err);
    ShaleSltExecutor.register(parser, url);
    OptionsParser.SuppliedOptions options = parser.parse("-e", ShaleSltExecutor.NAME, file);
    long start = System.nanoTime();
    TestLoader loader = new TestLoader(options);
    String abortReason = null;
    try {
      loader.visitFile(file);
    } catch (RuntimeException e) {
      abortReason = rootMessage(e);
    }
    long wall = System.nanoTime() - start;
    TestStatistics stats = loader.statistics;
    if (abortReason == null && stats.getParseFailureCount() > 0) {
      abortReason = "harness could not run the file: " + firstLine(errBytes.toString(StandardCharsets.UTF_8));
    }
    String firstFailure = null;
    if (stats.getFailedTestCount() > 0) {
      ByteArrayOutputStream failures = new ByteArrayOutputStream();
      stats.printStatistics(new PrintStream(failures, true, StandardCharsets.UTF_8));
      firstFailure = firstFailureOf(failures.toString(StandardCharsets.UTF_8));
    }
    return new SltFileResult(file, stats.getPassedTestCount(), stats.getFailedTestCount(),
        stats.getIgnoredTestCount(), abortReason != null, abortReason, firstFailure, wall);
  }

  /** Runs the files in order. */
  public List<SltFileResult> runFiles(List<String> files) {
    List<SltFileResult> results = new ArrayList<>();
    for (String f : files) {
      results.add(runFile(f));
    }
    return results;
  }

  /** A readable table: one line per group plus a total. */
  public static String summaryTable(List<SltFileResult> results) {
    Map<String, long[]> groups = new TreeMap<>();
    for (SltFileResult r : results) {
      long[] g = groups.computeIfAbsent(r.group(), k -> new long[6]);
      g[0]++;
      g[1] += r.passed();
      g[2] += r.failed();
      g[3] += r.ignored();
      g[4] += r.aborted() ? 1 : 0;
      g[5] += r.wallNanos();
    }
    StringBuilder sb = new StringBuilder();
    String fmt = "%-22s %6s %10s %8s %8s %8s %9s %10s%n";
    sb.append(String.format(Locale.ROOT, fmt, "group", "files", "passed", "failed", "ignored", "aborted", "wall s", "queries/s"));
    long[] total = new long[6];
    for (Map.Entry<String, long[]> e : groups.entrySet()) {
      appendRow(sb, fmt, e.getKey(), e.getValue());
      for (int i = 0; i < total.length; i++) {
        total[i] += e.getValue()[i];
      }
    }
    appendRow(sb, fmt, "TOTAL", total);
    return sb.toString();
  }

  /** Tab-separated, one line per file, with a header: the machine-readable form. */
  public static String tsv(List<SltFileResult> results) {
    StringBuilder sb = new StringBuilder("file\tgroup\tpassed\tfailed\tignored\taborted\twall_ms\tabort_reason\n");
    for (SltFileResult r : results) {
      sb.append(r.file()).append('\t').append(r.group()).append('\t').append(r.passed()).append('\t')
          .append(r.failed()).append('\t').append(r.ignored()).append('\t').append(r.aborted()).append('\t')
          .append(r.wallNanos() / 1_000_000).append('\t')
          .append(r.abortReason() == null ? "" : r.abortReason().replace('\t', ' ').replace('\n', ' '))
          .append('\n');
    }
    return sb.toString();
  }

  private static void appendRow(StringBuilder sb, String fmt, String name, long[] g) {
    double secs = g[5] / 1e9;
    double qps = secs > 0 ? (g[1] + g[2]) / secs : 0;
    sb.append(String.format(Locale.ROOT, fmt, name, g[0], g[1], g[2], g[3], g[4],
        String.format(Locale.ROOT, "%.1f", secs), String.format(Locale.ROOT, "%.0f", qps)));
  }

  private static String firstFailureOf(String printed) {
    // printStatistics lists failures after the counters; keep the first one, bounded in size.
    int idx = printed.indexOf("ERROR");
    String s = idx >= 0 ? printed.substring(idx) : printed;
    return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getClass().getSimpleName() + ": " + c.getMessage();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
