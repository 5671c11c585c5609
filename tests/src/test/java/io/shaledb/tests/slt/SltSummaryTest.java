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
      new SltFileResult("test/evidence/in1.test", 3, 0, 0, true, "SQLException: no\tsuch \"table\"", null, 500_000_000L),
      new SltFileResult("test/evidence/in2.test", 40, 0, 0, 2, false, null, null, 500_000_000L,
          List.of("SELECT 1 IN (SELECT x'00')"),
          List.of(), 3),
      new SltFileResult("test/select3.test", 7, 1, 0, 0, false, null, null, 1_000_000L, List.of(),
          List.of(new SltJdbcExecutor.Failure("query", "SELECT nope\n  FROM t1", "Hash of data does not match")), 0));

  @Test
  void aggregatesByGroupAndInTotal() {
    List<SltSummary.GroupStats> groups = SltSummary.byGroup(RESULTS);
    assertEquals(List.of("evidence", "select"), groups.stream().map(SltSummary.GroupStats::group).toList());
    SltSummary.GroupStats select = groups.get(1);
    assertEquals(new SltSummary.GroupStats("select", 3, 1097, 11, 5, 0, 0, 1, 3_001_000_000L), select);
    assertEquals(1108 / 3.001, select.queriesPerSecond(), 1e-9);
    assertEquals(new SltSummary.GroupStats("evidence", 2, 43, 0, 0, 2, 1, 1, 1_000_000_000L), groups.get(0));
    assertEquals(45.0, groups.get(0).queriesPerSecond(), 1e-9);
    SltSummary.GroupStats total = SltSummary.total(RESULTS);
    assertEquals(new SltSummary.GroupStats("TOTAL", 5, 1140, 11, 5, 2, 1, 2, 4_001_000_000L), total);
    assertEquals(0.0, SltSummary.total(List.of()).queriesPerSecond());
  }

  @Test
  void tableHasOneRowPerGroupAndATotal() {
    String[] lines = SltSummary.table(RESULTS).split("\n");
    assertEquals(4, lines.length);
    assertTrue(lines[0].startsWith("group"));
    assertEquals(List.of("select", "3", "1", "1097", "11", "5", "0", "0", "3.0", "369"),
        List.of(lines[2].trim().split("\\s+")));
    assertTrue(lines[3].startsWith("TOTAL"));
  }

  @Test
  void tsvHasOneLinePerFileWithEscapedReasons() {
    String[] lines = SltSummary.tsv(RESULTS).split("\n");
    assertEquals(6, lines.length);
    assertEquals("test/select2.test\tselect\t90\t10\t5\t0\t0\tfalse\t1000\t", lines[2]);
    String[] cols = lines[3].split("\t", -1);
    assertEquals(10, cols.length);
    assertEquals("SQLException: no such \"table\"", cols[9]);
    assertEquals("test/evidence/in2.test\tevidence\t40\t0\t0\t2\t1\tfalse\t500\t", lines[4]);
    // the comparison reads it back
    List<SltFileResult> back = SltCompare.parseTsv(SltSummary.tsv(RESULTS));
    assertEquals(SltSummary.byGroup(RESULTS), SltSummary.byGroup(back));
  }

  @Test
  void jsonEscapesAndCarriesGroupsAndTotal() {
    String json = SltSummary.json(RESULTS, 2_500_000_000L);
    assertTrue(json.contains("\"elapsed_ms\": 2500"));
    assertTrue(json.contains("\"first_failure\": \"ERROR: q1\\nexpected 1\\ngot 2\""), json);
    assertTrue(json.contains("\"abort_reason\": \"SQLException: no\\tsuch \\\"table\\\"\""), json);
    assertTrue(json.contains("{\"group\": \"select\", \"files\": 3, \"clean\": 1, \"passed\": 1097, \"failed\": 11, "
        + "\"ignored\": 5, \"listed\": 0"), json);
    assertTrue(json.contains("\"now_passing\": 1, \"retries\": 3,"), json);
    assertTrue(json.contains("\"total\": {\"group\": \"TOTAL\", \"files\": 5"), json);
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
    assertFalse(f.contains("=== test/evidence/in2.test  ("), f);
    assertTrue(f.endsWith("=== listed records that now pass (remove them from the known differences)\n"
        + "evidence/in2.test\tSELECT 1 IN (SELECT x'00')\n"), f);
  }

  @Test
  void unlistedFailuresComeOutInTheKnownDifferencesFormatWithTheirLine() {
    String[] lines = SltSummary.unlisted(RESULTS).split("\n");
    assertEquals(2, lines.length);
    assertTrue(lines[0].startsWith("#"));
    String[] cols = lines[1].split("\t", -1);
    assertEquals("select3.test", cols[0]);
    assertEquals("query", cols[2]);
    assertEquals("SELECT nope FROM t1", cols[4]);
    assertEquals("Hash of data does not match", cols[5]);
    // select3.test has no such query: the line is 0
    assertEquals("0", cols[1]);
  }
}
