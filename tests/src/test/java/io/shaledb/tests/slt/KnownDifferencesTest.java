package io.shaledb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownDifferencesTest {

  @Test
  void parsesEntriesAndMatchesByFileAndNormalisedSql() {
    KnownDifferences k = KnownDifferences.parse(String.join("\n",
        "# comment",
        "",
        "evidence/in1.test\t12\tquery\tpostgresql-differs\tSELECT 1 IN  (SELECT x'01')\tPG: 42883",
        "test/select5.test\t7\tstatement\tshaledb-bug\tCREATE TABLE t(x VARCHAR(2))\tbug 1\r"));
    assertEquals(2, k.entries().size());
    assertTrue(k.lists("test/evidence/in1.test", "SELECT 1\n  IN (SELECT x'01')"));
    assertTrue(k.lists("evidence/in1.test", " SELECT 1 IN (SELECT x'01') "));
    assertFalse(k.lists("evidence/in2.test", "SELECT 1 IN (SELECT x'01')"));
    assertFalse(k.lists("evidence/in1.test", "SELECT 2"));
    KnownDifferences.Entry e = k.entry("select5.test", "CREATE TABLE t(x VARCHAR(2))");
    assertEquals(new KnownDifferences.Entry("select5.test", 7, "statement", "shaledb-bug",
        "CREATE TABLE t(x VARCHAR(2))", "bug 1"), e);
    assertEquals("select5.test\t7\tstatement\tshaledb-bug\tCREATE TABLE t(x VARCHAR(2))\tbug 1", e.toTsv());
    assertEquals(List.of(e), k.entriesOf("test/select5.test"));
    assertNull(KnownDifferences.NONE.entry("select5.test", "x"));
  }

  @Test
  void badLinesAreRejectedWithTheirLineNumber() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> KnownDifferences.parse("#\na\tb"))
        .getMessage().startsWith("known differences line 2: expected 6"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> KnownDifferences.parse("f.test\t1\tquery\tsqlite-differs\tSELECT 1\tr")).getMessage()
        .contains("unknown category"));
    assertThrows(IllegalArgumentException.class, () -> KnownDifferences.parse("f.test\tx\tquery\tshaledb-bug\tS\tr"));
    assertThrows(IllegalArgumentException.class, () -> KnownDifferences.parse("f.test\t1\tqry\tshaledb-bug\tS\tr"));
    assertThrows(IllegalArgumentException.class, () -> KnownDifferences.parse("f.test\t1\tquery\tshaledb-bug\t \tr"));
    assertThrows(IllegalArgumentException.class, () -> KnownDifferences.parse("f.test\t1\tquery\tshaledb-bug\tS\t"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> KnownDifferences.parse(
        "f.test\t1\tquery\tshaledb-bug\tS 1\tr\nf.test\t5\tquery\tshaledb-bug\tS  1\tr")).getMessage()
        .contains("listed twice"));
  }

  /**
   * The checked-in list is well formed, and every entry names a record that exists in its suite
   * file at the line it gives, of the kind it gives (so the list stays true to the suite).
   */
  @Test
  void theBundledListPointsAtRealRecords() throws Exception {
    KnownDifferences k = KnownDifferences.bundled();
    List<String> wrong = new ArrayList<>();
    Map<String, SltSource> sources = new HashMap<>();
    for (KnownDifferences.Entry e : k.entries()) {
      SltSource source = sources.computeIfAbsent(e.file(), SltSource::load);
      if (source.lineOf(e.sql()) != e.line() || !e.kind().equals(source.kindOf(e.sql()))) {
        wrong.add(e.file() + ":" + e.line() + " " + e.kind() + " " + e.sql() + " -> suite has line "
            + source.lineOf(e.sql()) + " kind " + source.kindOf(e.sql()));
      }
    }
    assertEquals(List.of(), wrong);
  }
}
