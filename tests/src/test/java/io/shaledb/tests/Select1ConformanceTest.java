package io.shaledb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.tests.cluster.NodeProcess;
import io.shaledb.tests.slt.SltFileResult;
import io.shaledb.tests.slt.SltRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's {@code select1.test} passes in full through the JDBC driver against a real node. */
class Select1ConformanceTest {

  @Test
  void select1PassesCompletely(@TempDir Path store) throws Exception {
    try (NodeProcess node = NodeProcess.start(store, Duration.ofSeconds(90))) {
      SltFileResult r = new SltRunner(node.jdbcUrl("defaultdb")).runFile("test/select1.test");
      System.out.print(SltRunner.summaryTable(List.of(r)));
      assertFalse(r.aborted(), () -> "aborted: " + r.abortReason() + "\nnode output:\n" + node.output());
      assertEquals(0, r.failed(), () -> "first failure:\n" + r.firstFailure());
      // select1.test holds 1,000 queries; make sure they actually ran.
      assertTrue(r.passed() >= 1000, "passed only " + r.passed());
    }
  }
}
