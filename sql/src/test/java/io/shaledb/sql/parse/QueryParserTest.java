package io.shaledb.sql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.shaledb.sql.SqlError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link QueryParser} must build exactly Calcite's tree (deep equality and the same unparsed text)
 * for everything it accepts, and accept nothing Calcite rejects. Checked on hand-picked shapes and
 * on the queries of sqllogictest scripts (the suite the fast path exists for).
 */
class QueryParserTest {
  private static SqlNode calcite(String sql) throws Exception {
    return SqlParser.create(sql, CalciteParsing.CONFIG).parseStmt();
  }

  private static void assertSameTree(String sql) throws Exception {
    SqlNode fast = QueryParser.tryParse(sql);
    assertNotNull(fast, () -> "the fast parser should accept: " + sql);
    SqlNode expected = calcite(sql);
    assertTrue(expected.equalsDeep(fast, Litmus.IGNORE), () -> "different trees for " + sql
        + "\n calcite: " + expected + "\n fast:    " + fast);
    assertEquals(expected.toString(), fast.toString(), sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1",
      "SELECT ALL - 5 + -col0, +col1, + 7, - - 3, -0.0E0, 1.5E3, .5, 'it''s' FROM tab0 AS cor0, tab1",
      "SELECT DISTINCT a, b AS x, c y FROM t WHERE NOT (NULL) IS NULL AND a IN (1, 2) AND b NOT IN (3)",
      "SELECT * FROM t WHERE a BETWEEN 1 AND 2 AND b NOT BETWEEN c + 1 AND d * 2 OR e IS NOT NULL",
      "SELECT t.*, t.a FROM t JOIN u ON t.a = u.b LEFT JOIN v ON TRUE LEFT OUTER JOIN w ON w.x <> 1 CROSS JOIN z",
      "SELECT COUNT(*), COUNT(DISTINCT a), SUM(ALL b), AVG(c), MIN(d), MAX(e), ABS(-2.5), COALESCE(a, b, 3), NULLIF(a, 0) FROM t",
      "SELECT CASE WHEN a > 1 THEN 'x' WHEN a IS NULL THEN NULL ELSE 'z' END, CASE a WHEN 1 THEN 2 END FROM t",
      "SELECT CAST(NULL AS INTEGER), CAST(a AS REAL), CAST(b AS DECIMAL), CAST(c AS VARCHAR), CAST(d AS BIGINT) FROM t",
      "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.b = t.a) AND a > (SELECT MAX(b) FROM u) AND a IN (SELECT b FROM u)",
      "SELECT a, COUNT(*) FROM t GROUP BY a, b HAVING COUNT(*) > 1 ORDER BY 1 DESC, a ASC, 2",
      "SELECT a FROM t UNION SELECT b FROM u UNION ALL SELECT c FROM v EXCEPT SELECT d FROM w INTERSECT SELECT e FROM x ORDER BY 1",
      "SELECT a FROM t ORDER BY a LIMIT 5 OFFSET 2",
      "SELECT a FROM t LIMIT 3",
      "SELECT pk FROM (SELECT pk, col0 FROM tab0 WHERE col0 > 5) AS v WHERE col0 < 9",
      "SELECT a || 'x', a % 3, a / 2, a != b, a >= b, a <= b FROM t WHERE a LIKE 'x%' AND b NOT LIKE 'y'",
      "SELECT a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b, a IS TRUE, a IS NOT FALSE, a IS UNKNOWN FROM t",
      "SELECT ?, ? + 1 FROM t WHERE a = ?",
      "SELECT -(5), (-5), - (- 5), NOT NOT TRUE, ((a)) FROM t",
      "SELECT a\nFROM t\nWHERE b = 1\n  AND c = 2",
  })
  void buildsCalcitesTree(String sql) throws Exception {
    assertSameTree(sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO t VALUES (1)",
      "VALUES (1)",
      "SELECT \"Quoted\" FROM t",
      "SELECT (1, 2)",
      "SELECT a FROM t WHERE a BETWEEN 1",
      "SELECT CAST(a AS SIGNED) FROM t",
      "SELECT 5 DIV 2",
      "SELECT a FROM t WHERE",
      "SELECT a FROM t t2 t3",
      "SELECT SUBSTRING(a FROM 1) FROM t",
      "SELECT a FROM t NATURAL JOIN u",
      "SELECT a FROM t JOIN u USING (a)",
      "SELECT E'x'",
      "SELECT 'a' 'b'",
      "SELECT a FROM t; SELECT 1",
      "SELECT a FROM t ORDER BY a NULLS FIRST",
      "SELECT COUNT(*) OVER () FROM t",
      "SELECT x IN t7",
      "SELECT 1 IN ()",
  })
  void leavesTheRestToCalcite(String sql) {
    assertNull(QueryParser.tryParse(sql), sql);
  }

  /** The queries of sqllogictest scripts: equal trees where accepted, and most accepted. */
  @ParameterizedTest
  @ValueSource(strings = {
      "test/select1.test:100", "test/select2.test:100", "test/select3.test:100", "test/select4.test:100",
      "test/select5.test:100",
      "test/index/between/10/slt_good_0.test:100", "test/index/commute/10/slt_good_0.test:100",
      "test/index/in/10/slt_good_1.test:100", "test/index/orderby/10/slt_good_0.test:100",
      "test/index/view/10/slt_good_1.test:100", "test/index/delete/10/slt_good_0.test:100",
      "test/index/random/10/slt_good_0.test:85", "test/random/aggregates/slt_good_0.test:85",
      "test/random/expr/slt_good_0.test:80", "test/random/groupby/slt_good_0.test:90",
      "test/random/select/slt_good_0.test:85",
  })
  void agreesWithCalciteOnSqlLogicTestQueries(String spec) throws Exception {
    String file = spec.substring(0, spec.indexOf(':'));
    int floorPercent = Integer.parseInt(spec.substring(spec.indexOf(':') + 1));
    List<String> queries = queries(file, 300);
    int accepted = 0;
    List<String> problems = new ArrayList<>();
    for (String sql : queries) {
      String text;
      try {
        if (!(StatementParser.parse(sql) instanceof Stmt.Calcite c)) {
          continue;
        }
        text = c.sql();
      } catch (SqlError e) {
        continue;
      }
      SqlNode fast = QueryParser.tryParse(text);
      SqlNode expected;
      try {
        expected = calcite(text);
      } catch (Exception e) {
        if (fast != null) {
          problems.add("accepted what Calcite rejects: " + text);
        }
        continue;
      }
      if (fast == null) {
        continue;
      }
      accepted++;
      if (!expected.equalsDeep(fast, Litmus.IGNORE) || !expected.toString().equals(fast.toString())) {
        problems.add("different tree: " + text + "\n calcite: " + expected + "\n fast:    " + fast);
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " problems in " + file + ", first: " + problems.get(0));
    }
    assertTrue(queries.size() > 50, "too few queries read from " + file);
    int percent = 100 * accepted / queries.size();
    assertTrue(percent >= floorPercent, file + ": the fast parser took " + percent + "% (floor " + floorPercent + "%)");
  }

  @Test
  void syntaxErrorsStillComeFromCalcite() {
    assertNull(QueryParser.tryParse("SELECT a FROM t WHERE a = "));
    SqlError e = org.junit.jupiter.api.Assertions.assertThrows(SqlError.class,
        () -> CalciteParsing.parseStatement("SELECT a FROM t WHERE a = ", "SELECT a FROM t WHERE a = ", 0));
    assertTrue(e.getMessage().startsWith("syntax error"), e.getMessage());
  }

  /** The SQL of the first {@code max} query records of a script in the sql-logic-test jar. */
  private static List<String> queries(String resource, int max) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = QueryParserTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, "missing " + resource + " (net.hydromatic:sql-logic-test on the test class path)");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = r.lines().toList();
      for (int i = 0; i < lines.size() && out.size() < max; i++) {
        if (!lines.get(i).startsWith("query ")) {
          continue;
        }
        StringBuilder sql = new StringBuilder();
        for (int j = i + 1; j < lines.size() && !lines.get(j).equals("----") && !lines.get(j).isBlank(); j++) {
          sql.append(sql.length() > 0 ? "\n" : "").append(lines.get(j));
        }
        out.add(sql.toString());
      }
    }
    return out;
  }
}
