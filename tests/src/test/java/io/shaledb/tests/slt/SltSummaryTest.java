package io.shaledb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SltSummaryTest {
  private static final List<SltFileResult> RESULTS = List.of(
      new SltFileResult("test/select1.test", 1000, 0, 0, false, null, null, 2_000_000_000L),
      new SltFileResult("test/select2.test", 90, 10, 5, false, null, "ERROR: q1\nexpected 1\ngot 2", 1_000_000_000L),
      new SltFileResult("test/evidence/in1.test", 3, 0, 0, true, "SQLException: no\tsuch \"table\"", null, 500_000_000L));

  @Test
  void aggregatesByGroupAndInTotal() {
    List<SltSummary.GroupStats> groups = SltSummary.byGroup(RESULTS);
    assertEquals(List.of("evidence", "select"), groups.stream().map(SltSummary.GroupStats::group).toList());
    SltSummary.GroupStats select = groups.get(1);
    assertEquals(new SltSummary.GroupStats("select", 2, 1090, 10, 5, 0, 1, 3_000_000_000L), select);
    assertEquals(1100 / 3.0, select.queriesPerSecond(), 1e-9);
    SltSummary.GroupStats total = SltSummary.total(RESULTS);
    assertEquals(new SltSummary.GroupStats("TOTAL", 3, 1093, 10, 5, 1, 1, 3_500_000_000L), total);
    assertEquals(0.0, SltSummary.total(List.of()).queriesPerSecond());
  }

  @Test
  void tableHasOneRowPerGroupAndATotal() {
    String[] lines = SltSummary.table(RESULTS).split("\n");
    assertEquals(4, lines.length);
    assertTrue(lines[0].startsWith("group"));
    assertEquals(List.of("select", "2", "1", "1090", "10", "5", "0", "3.0", "367"), List.of(lines[2].trim().split("\\s+")));
    assertTrue(lines[3].startsWith("TOTAL"));
  }

  @Test
  void tsvHasOneLinePerFileWithEscapedReasons() {
    String[] lines = SltSummary.tsv(RESULTS).split("\n");
    assertEquals(4, lines.length);
    assertEquals("test/select2.test\tselect\t90\t10\t5\tfalse\t1000\t", lines[2]);
    String[] cols = lines[3].split("\t", -1);
    assertEquals(8, cols.length);
    assertEquals("SQLException: no such \"table\"", cols[7]);
  }

  @Test
  void jsonEscapesAndCarriesGroupsAndTotal() {
    String json = SltSummary.json(RESULTS, 2_500_000_000L);
    assertTrue(json.contains("\"elapsed_ms\": 2500"));
    assertTrue(json.contains("\"first_failure\": \"ERROR: q1\\nexpected 1\\ngot 2\""), json);
    assertTrue(json.contains("\"abort_reason\": \"SQLException: no\\tsuch \\\"table\\\"\""), json);
    assertTrue(json.contains("{\"group\": \"select\", \"files\": 2, \"clean\": 1, \"passed\": 1090"), json);
    assertTrue(json.contains("\"total\": {\"group\": \"TOTAL\", \"files\": 3"), json);
    assertEquals(json.chars().filter(c -> c == '{').count(), json.chars().filter(c -> c == '}').count());
    assertEquals("\"a\\u0001\"", SltSummary.quote("a\u0001"));
    assertEquals("null", SltSummary.quote(null));
  }

  @Test
  void failuresListOnlyUncleanFiles() {
    String f = SltSummary.failures(RESULTS);
    assertFalse(f.contains("select1"));
    assertTrue(f.contains("=== test/select2.test  (passed 90, failed 10)\nERROR: q1\nexpected 1\ngot 2\n"), f);
    assertTrue(f.contains("=== test/evidence/in1.test  (passed 3, failed 0, ABORTED)\nabort: SQLException"), f);
  }
}
