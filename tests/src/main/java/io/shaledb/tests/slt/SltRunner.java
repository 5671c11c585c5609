package io.shaledb.tests.slt;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.TestLoader;
import net.hydromatic.sqllogictest.TestStatistics;

/**
 * Drives the sqllogictest harness ({@code net.hydromatic:sql-logic-test}) file by file against a
 * JDBC URL (ShaleDB, or PostgreSQL for the baseline) and collects per-file results.
 *
 * <p>Each file gets a fresh harness {@link TestLoader}, so one file's abort cannot hide another's
 * results. The harness throws when a {@code statement ok} fails; that file is reported as aborted.
 */
public final class SltRunner {
  private final String url;
  private final String user;
  private final String password;
  private final KnownDifferences known;

  /**
   * @param url the JDBC URL every file connects to, e.g. {@code jdbc:shale://127.0.0.1:26257/defaultdb}
   * @param known listed records ({@link KnownDifferences#NONE}: every failure counts)
   */
  public SltRunner(String url, String user, String password, KnownDifferences known) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.known = known;
  }

  /** A runner as user {@code root} without a password that counts every failure. */
  public SltRunner(String url) {
    this(url, "root", "", KnownDifferences.NONE);
  }

  /** Runs one file, given as a resource path inside the harness jar ({@code test/select1.test}). */
  public SltFileResult runFile(String file) {
    return runFile(file, e -> { });
  }

  /**
   * Runs one file, handing the executor the harness creates for it to {@code executorSink} (so a
   * watchdog on another thread can close its connection to abandon the file).
   */
  public SltFileResult runFile(String file, Consumer<SltJdbcExecutor> executorSink) {
    return runFile(file, executorSink, s -> { });
  }

  /**
   * As {@link #runFile(String, Consumer)}, also handing the file's live statistics to
   * {@code statisticsSink} (a watchdog that abandons the file can report how far it got; the
   * counters are read without synchronisation, so they are approximate).
   */
  public SltFileResult runFile(String file, Consumer<SltJdbcExecutor> executorSink,
      Consumer<TestStatistics> statisticsSink) {
    AtomicReference<SltJdbcExecutor> created = new AtomicReference<>();
    try {
      return runHarness(file, executorSink.andThen(created::set), statisticsSink);
    } finally {
      // The harness leaves its connection open after a file (and on abort); close it here.
      SltJdbcExecutor e = created.get();
      if (e != null && e.getConnection() != null) {
        try {
          e.closeConnection();
        } catch (SQLException | RuntimeException ignored) {
          // closing is best effort; the file's outcome is already decided
        }
      }
    }
  }

  private SltFileResult runHarness(String file, Consumer<SltJdbcExecutor> executorSink,
      Consumer<TestStatistics> statisticsSink) {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    OptionsParser parser = new OptionsParser(false, out, err);
    AtomicReference<SltJdbcExecutor> created = new AtomicReference<>();
    parser.registerExecutor(SltJdbcExecutor.NAME, () -> {
      SltJdbcExecutor executor = new SltJdbcExecutor(parser.getOptions(), url, user, password, file, known);
      created.set(executor);
      executorSink.accept(executor);
      return executor;
    });
    OptionsParser.SuppliedOptions options = parser.parse("-e", SltJdbcExecutor.NAME, file);
    long start = System.nanoTime();
    TestLoader loader = new TestLoader(options);
    statisticsSink.accept(loader.statistics);
    String abortReason = null;
    try {
      loader.visitFile(file);
    } catch (RuntimeException e) {
      abortReason = rootMessage(e);
    }
    long wall = System.nanoTime() - start;
    TestStatistics stats = loader.statistics;
    SltJdbcExecutor executor = created.get();
    if (abortReason == null && stats.getParseFailureCount() > 0) {
      abortReason = executor != null && executor.failedStatementOk() != null ? executor.failedStatementOk()
          : "harness could not run the file: " + firstLine(errBytes.toString(StandardCharsets.UTF_8));
    }
    String firstFailure = firstFailure(stats);
    int passed = stats.getPassedTestCount();
    int failed = stats.getFailedTestCount();
    int listed = 0;
    List<String> nowPassing = List.of();
    List<SltJdbcExecutor.Failure> failures = List.of();
    int retries = 0;
    if (executor != null) {
      retries = executor.retries();
      passed += executor.statementErrorsPassed() + executor.listedPassing();
      failed += executor.statementErrorsFailed();
      listed = executor.listedFailing();
      nowPassing = executor.nowPassing();
      failures = executor.failures();
      if (firstFailure == null) {
        firstFailure = executor.firstStatementFailure();
      }
    }
    return new SltFileResult(file, passed, failed, stats.getIgnoredTestCount(), listed, abortReason != null,
        abortReason, firstFailure, wall, nowPassing, failures, retries);
  }

  /** Runs the files in order. */
  public List<SltFileResult> runFiles(List<String> files) {
    List<SltFileResult> results = new ArrayList<>();
    for (String f : files) {
      results.add(runFile(f));
    }
    return results;
  }

  /** A readable table: one line per group plus a total; see {@link SltSummary#table}. */
  public static String summaryTable(List<SltFileResult> results) {
    return SltSummary.table(results);
  }

  /** One line per file; see {@link SltSummary#tsv}. */
  public static String tsv(List<SltFileResult> results) {
    return SltSummary.tsv(results);
  }

  /** The first failing query recorded in {@code stats} (expected and actual), or null. */
  static String firstFailure(TestStatistics stats) {
    if (stats.getFailedTestCount() == 0) {
      return null;
    }
    ByteArrayOutputStream failures = new ByteArrayOutputStream();
    stats.printStatistics(new PrintStream(failures, true, StandardCharsets.UTF_8));
    return firstFailureOf(failures.toString(StandardCharsets.UTF_8));
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
