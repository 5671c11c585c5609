package io.shaledb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.shaledb.tests.cluster.NodeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI conformance subset of SQLite's sqllogictest suite ({@code slt/ci-files.txt}: select1–5,
 * every evidence file, 40 index/random files) through the JDBC driver against a real node, with 2
 * jobs, as {@code ./shale slt --ci} runs it. Fails, with a readable report, if any file aborts, any
 * failure is not in {@code slt/known-differences.tsv}, or a listed record now passes (the list only
 * shrinks). Runs in {@code mvn verify} (the integration-test phase), not in {@code mvn test}; the
 * run's summary files are written to {@code target/slt-ci/}.
 */
class SltCiConformanceIT {

  @Test
  void ciSubsetPassesApartFromTheListedDifferences(@TempDir Path store) throws Exception {
    SltOptions options = SltOptions.parse("--ci", "--jobs", "2", "--timeout-per-file", "900");
    List<String> files = SltMain.selectFiles(options);
    KnownDifferences known = KnownDifferences.bundled();
    SltMain.Run run;
    try (NodeProcess node = NodeProcess.start(store, Duration.ofSeconds(120))) {
      run = SltMain.runFiles(options, files, node.jdbcUrl("defaultdb"), known, System.err);
    }
    List<SltFileResult> results = run.results();
    Path out = Path.of("target", "slt-ci");
    Files.createDirectories(out);
    Files.writeString(out.resolve("summary.txt"), run.table(), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("summary.tsv"), SltSummary.tsv(results), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("summary.json"), SltSummary.json(results, run.elapsedNanos()), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("failures.txt"), SltSummary.failures(results), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("unlisted.tsv"), SltSummary.unlisted(results), StandardCharsets.UTF_8);
    System.out.print(run.table());

    assertEquals(files.size(), results.size());
    StringBuilder problems = new StringBuilder();
    if (!results.stream().allMatch(SltFileResult::clean)) {
      problems.append("files with aborts or unlisted failures (first failing query of each, expected vs actual):\n")
          .append(SltSummary.failures(results.stream().filter(r -> !r.clean()).toList()))
          .append("every unlisted failure, in the known-differences format (category and reason to fill in):\n")
          .append(SltSummary.unlisted(results));
    }
    String nowPassing = SltSummary.nowPassing(results);
    if (!nowPassing.isEmpty()) {
      problems.append("listed records that now pass; remove them from slt/known-differences.tsv:\n").append(nowPassing);
    }
    if (problems.length() > 0) {
      fail(run.table() + problems);
    }
    long passed = results.stream().mapToLong(SltFileResult::passed).sum();
    assertTrue(passed > 50_000, "only " + passed + " queries passed: did the files run?");
  }

  /** The checked-in CI list is exactly what {@link SltCiSelection}'s rule picks from the harness jar. */
  @Test
  void theCiListFollowsItsRule() throws Exception {
    List<String> listed = SltCiSelection.readList(SltOptions.CI_LIST);
    List<String> rule = SltCiSelection.select(SltCiSelection.costs(SltFiles.harnessJar()));
    assertEquals(rule, listed, "regenerate slt/ci-files.txt with SltCiSelection");
  }
}
