package io.shaledb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SltCompareTest {
  private static void writeRun(Path dir, List<SltFileResult> results, long elapsedNanos) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("summary.tsv"), SltSummary.tsv(results), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("summary.json"), SltSummary.json(results, elapsedNanos), StandardCharsets.UTF_8);
  }

  @Test
  void aRunReadsBackItsFilesAndElapsedTime(@TempDir Path dir) throws IOException {
    writeRun(dir, List.of(new SltFileResult("test/select1.test", 1000, 2, 0, false, null, null, 3_000_000_000L)),
        4_000_000_000L);
    SltCompare.RunSummary run = SltCompare.read(dir);
    assertEquals(4_000, run.elapsedMillis());
    assertEquals(List.of("test/select1.test"), run.results().stream().map(SltFileResult::file).toList());
    assertEquals(1000, run.results().get(0).passed());
    assertEquals(2, run.results().get(0).failed());
  }

  @Test
  void slicesOfAnInterleavedRunAddUpToOneRun(@TempDir Path dir) throws IOException {
    writeRun(dir.resolve("slice-0"),
        List.of(new SltFileResult("test/select1.test", 10, 0, 0, false, null, null, 1_000_000_000L),
            new SltFileResult("test/index/in/10/slt_good_0.test", 20, 1, 0, false, null, null, 2_000_000_000L)),
        2_500_000_000L);
    writeRun(dir.resolve("slice-1"),
        List.of(new SltFileResult("test/select2.test", 30, 0, 0, true, "boom", null, 4_000_000_000L)),
        4_000_000_000L);
    // not a slice: ignored
    Files.writeString(dir.resolve("slice-2.txt"), "test/select3.test\n", StandardCharsets.UTF_8);
    SltCompare.RunSummary run = SltCompare.read(dir);
    assertEquals(6_500, run.elapsedMillis());
    assertEquals(List.of("test/select1.test", "test/index/in/10/slt_good_0.test", "test/select2.test"),
        run.results().stream().map(SltFileResult::file).toList());
    SltSummary.GroupStats total = SltSummary.total(run.results());
    assertEquals(60, total.passed());
    assertEquals(1, total.failed());
    assertEquals(1, total.aborted());
  }
}
