package io.shaledb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SltSourceTest {

  @Test
  void findsTheHeaderLineOfEachRecordBySql() {
    SltSource s = SltSource.parse(String.join("\n",
        "hash-threshold 8",
        "",
        "statement ok",
        "CREATE TABLE t1(a INTEGER,",
        "  b INTEGER)",
        "",
        "skipif postgresql",
        "query I rowsort",
        "SELECT a FROM t1",
        "----",
        "1",
        "",
        "query I rowsort",
        "SELECT a FROM t1",
        "----",
        "1",
        "",
        "statement error",
        "UPDATE t1 SET a=1, a=2",
        ""));
    assertEquals(3, s.lineOf("CREATE TABLE t1(a INTEGER, b INTEGER)"));
    assertEquals("statement", s.kindOf("CREATE TABLE t1(a INTEGER,\n b INTEGER)"));
    assertEquals(8, s.lineOf("SELECT a FROM t1"));
    assertEquals("query", s.kindOf("SELECT a FROM t1"));
    assertEquals(18, s.lineOf("UPDATE t1 SET a=1, a=2"));
    assertEquals(0, s.lineOf("SELECT 1"));
    assertNull(s.kindOf("SELECT 1"));
  }

  @Test
  void readsSuiteFilesFromTheHarnessJar() {
    SltSource s = SltSource.load("evidence/slt_lang_update.test");
    assertEquals("statement", s.kindOf("UPDATE t1 SET x=3, x=4, x=5"));
  }
}
