package io.shaledb.tests.slt;

import io.shaledb.tests.cluster.NodeProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import net.hydromatic.sqllogictest.TestStatistics;

/**
 * Runs a selection of the sqllogictest suite against ShaleDB (a node it starts, or {@code --url}
 * — which may also be a PostgreSQL URL, for the baseline) and writes a summary: the
 * {@code bench/slt.sh} command. See {@link SltOptions#USAGE}. Exit code 0 only when every selected
 * file ran clean; 1 when some did not; 2 on a usage or setup error.
 *
 * <p>Threading: {@code --jobs} job threads take files from a shared counter in sorted order. Each
 * file runs on its own daemon worker thread so a job can give up on it after the per-file timeout;
 * the job then closes that file's connection, leaves the worker behind and continues in a fresh
 * database so the abandoned file's tables cannot leak into the next one.
 */
public final class SltMain {
  private final SltOptions options;
  private final PrintStream err;
  private final AtomicInteger done = new AtomicInteger();

  private SltMain(SltOptions options, PrintStream err) {
    this.options = options;
    this.err = err;
  }

  public static void main(String[] args) {
    SltOptions options;
    try {
      options = SltOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(SltOptions.USAGE);
      System.exit(2);
      return;
    }
    int code;
    try {
      code = new SltMain(options, System.err).run(System.out);
    } catch (Exception e) {
      System.err.println("slt: " + e);
      e.printStackTrace(System.err);
      code = 2;
    }
    System.exit(code);
  }

  private int run(PrintStream out) throws Exception {
    List<String> files = selectFiles(options);
    if (options.list()) {
      files.forEach(out::println);
      return 0;
    }
    if (files.isEmpty()) {
      err.println("slt: no file matches the selection");
      return 2;
    }
    KnownDifferences known = knownDifferences(options);
    if (options.url() != null) {
      return report(runAll(files, options.url(), known), out);
    }
    Path store = Files.createTempDirectory("shale-slt-");
    try (NodeProcess node = NodeProcess.start(store, Duration.ofSeconds(120))) {
      return report(runAll(files, node.jdbcUrl("defaultdb"), known), out);
    } finally {
      deleteTree(store);
    }
  }

  /** The files {@code options} select: from its file lists (or the whole suite), by group and pattern. */
  public static List<String> selectFiles(SltOptions options) throws IOException {
    List<String> suite = SltFiles.listJar(SltFiles.harnessJar());
    List<String> base = suite;
    if (!options.fileLists().isEmpty()) {
      Set<String> listed = new LinkedHashSet<>();
      for (String list : options.fileLists()) {
        listed.addAll(SltCiSelection.readList(list));
      }
      Set<String> known = new HashSet<>(suite);
      for (String f : listed) {
        if (!known.contains(f)) {
          throw new IllegalArgumentException("listed file is not in the suite: " + f);
        }
      }
      base = listed.stream().sorted().toList();
    }
    return SltFiles.select(base, options.groups(), options.patterns());
  }

  /** The list {@code options} name: the bundled one by default, none for {@code none}, else a file. */
  public static KnownDifferences knownDifferences(SltOptions options) throws IOException {
    String k = options.knownDifferences();
    if (k == null) {
      return KnownDifferences.bundled();
    }
    return k.equals("none") ? KnownDifferences.NONE : KnownDifferences.load(Path.of(k));
  }

  /**
   * Runs {@code files} against {@code url} with {@code options.jobs()} jobs, each in a database of
   * its own, printing progress to {@code progress}; results in the order of {@code files}.
   */
  public static Run runFiles(SltOptions options, List<String> files, String url, KnownDifferences known,
      PrintStream progress) throws InterruptedException {
    return new SltMain(options, progress).runAll(files, url, known);
  }

  /**
   * The results of a run.
   *
   * @param results one per file, in selection order
   * @param elapsedNanos wall-clock time of the whole run
   * @param jobs jobs used
   */
  public record Run(List<SltFileResult> results, long elapsedNanos, int jobs) {
    public Run {
      results = List.copyOf(results);
    }

    /** The per-group table followed by the elapsed time. */
    public String table() {
      return SltSummary.table(results)
          + String.format(Locale.ROOT, "elapsed %.1f s with %d job(s)%n", elapsedNanos / 1e9, jobs);
    }
  }

  private int report(Run run, PrintStream out) throws IOException {
    List<SltFileResult> all = run.results();
    String table = run.table();
    out.print(table);
    String nowPassing = SltSummary.nowPassing(all);
    if (!nowPassing.isEmpty()) {
      out.print("listed records that now pass (remove them from the known differences):\n" + nowPassing);
    }
    if (options.out() != null) {
      Path dir = options.out();
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("summary.tsv"), SltSummary.tsv(all), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("summary.json"), SltSummary.json(all, run.elapsedNanos()), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("summary.txt"), table, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("failures.txt"), SltSummary.failures(all), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("unlisted.tsv"), SltSummary.unlisted(all), StandardCharsets.UTF_8);
    }
    return all.stream().allMatch(SltFileResult::clean) ? 0 : 1;
  }

  private Run runAll(List<String> files, String url, KnownDifferences known) throws InterruptedException {
    long start = System.nanoTime();
    SltFileResult[] results = new SltFileResult[files.size()];
    AtomicInteger next = new AtomicInteger();
    Thread[] jobs = new Thread[Math.min(options.jobs(), files.size())];
    for (int j = 0; j < jobs.length; j++) {
      int job = j;
      jobs[j] = new Thread(() -> runJob(job, url, known, files, next, results), "slt-job-" + j);
      jobs[j].start();
    }
    for (Thread t : jobs) {
      t.join();
    }
    return new Run(Arrays.asList(results), System.nanoTime() - start, jobs.length);
  }

  private void runJob(int job, String url, KnownDifferences known, List<String> files, AtomicInteger next,
      SltFileResult[] results) {
    int generation = 0;
    String jobUrl = createDatabase(url, "slt_job_" + job);
    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
      String file = files.get(i);
      SltFileResult r;
      if (jobUrl == null) {
        r = new SltFileResult(file, 0, 0, 0, true, "job " + job + " has no database", null, 0);
      } else {
        r = runWithTimeout(new SltRunner(jobUrl, options.user(), options.password(), known), file);
        if (r.aborted() && r.abortReason().startsWith("timeout")) {
          generation++;
          jobUrl = createDatabase(url, "slt_job_" + job + "_" + generation);
        }
      }
      results[i] = r;
      err.printf(Locale.ROOT, "[%d/%d] %s passed %d failed %d ignored %d listed %d%s%s%s %.1f s%n",
          done.incrementAndGet(), files.size(), file, r.passed(), r.failed(), r.ignored(), r.listed(),
          r.aborted() ? " ABORTED" : "", r.nowPassing().isEmpty() ? "" : " NOW-PASSING " + r.nowPassing().size(),
          r.retries() == 0 ? "" : " (retried " + r.retries() + " after 40001)", r.wallNanos() / 1e9);
    }
  }

  private SltFileResult runWithTimeout(SltRunner runner, String file) {
    AtomicReference<SltJdbcExecutor> executor = new AtomicReference<>();
    AtomicReference<TestStatistics> stats = new AtomicReference<>();
    FutureTask<SltFileResult> task = new FutureTask<>(() -> runner.runFile(file, executor::set, stats::set));
    Thread worker = new Thread(task, "slt-file");
    worker.setDaemon(true);
    long start = System.nanoTime();
    worker.start();
    try {
      return task.get(options.timeoutPerFile().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Snapshot the counts before abandoning: once its connection is closed, the worker fails
      // every remaining query quickly, and those failures are not the database's.
      SltJdbcExecutor ex = executor.get();
      TestStatistics partial = ex != null && ex.liveStatistics() != null ? ex.liveStatistics() : stats.get();
      int passed = partial == null ? 0 : partial.getPassedTestCount();
      int failed = partial == null ? 0 : partial.getFailedTestCount();
      int ignored = partial == null ? 0 : partial.getIgnoredTestCount();
      String first = null;
      if (partial != null) {
        try {
          first = SltRunner.firstFailure(partial);
        } catch (RuntimeException racedWithTheWorker) {
          first = null;
        }
      }
      abandon(ex, worker);
      return new SltFileResult(file, passed, failed, ignored, ex == null ? 0 : ex.listedFailing(), true,
          "timeout after " + options.timeoutPerFile().toSeconds() + " s (counts are the queries run until then)",
          first, System.nanoTime() - start, List.of(), ex == null ? List.of() : ex.failures(),
          ex == null ? 0 : ex.retries());
    } catch (ExecutionException e) {
      return new SltFileResult(file, 0, 0, 0, true, "harness error: " + e.getCause(), null, System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(executor.get(), worker);
      return new SltFileResult(file, 0, 0, 0, true, "interrupted", null, System.nanoTime() - start);
    }
  }

  private static void abandon(SltJdbcExecutor executor, Thread worker) {
    worker.interrupt();
    if (executor != null) {
      try {
        Connection c = executor.getConnection();
        if (c != null) {
          c.close();
        }
      } catch (SQLException | RuntimeException ignored) {
        // the connection is abandoned either way
      }
    }
  }

  /** Creates {@code db} (tolerating "already exists") and returns its URL, or null if that failed. */
  private String createDatabase(String url, String db) {
    try (Connection c = DriverManager.getConnection(url, options.user(), options.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      if (!m.contains("exist")) {
        err.println("slt: cannot create database " + db + ": " + e.getMessage());
        return null;
      }
    }
    return SltOptions.withDatabase(url, db);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
