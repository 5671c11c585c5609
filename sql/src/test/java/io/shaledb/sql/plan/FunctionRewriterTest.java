package io.shaledb.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.shaledb.sql.parse.CalciteParsing;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read-only look of {@link FunctionRewriter#rewrite} must agree with the shuttle: where it says
 * nothing changes, the shuttle returns the very same tree; where the shuttle changes something, it
 * must have said so.
 */
class FunctionRewriterTest {
  private static SqlNode parse(String sql) {
    return CalciteParsing.parseQuery(sql, sql, 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT a, b + 1 FROM t WHERE c > 5 ORDER BY 1",
      "SELECT COUNT(*), SUM(a) FROM t GROUP BY b HAVING MIN(c) > 1",
      "SELECT CASE WHEN a IN (1, 2, 3) THEN abs(b) ELSE NULLIF(c, 0) END FROM t",
      "SELECT a FROM t WHERE b NOT IN (SELECT c FROM u WHERE u.d = t.a)",
      "SELECT t.a FROM t JOIN u ON t.a = u.b WHERE EXISTS (SELECT 1 FROM v) UNION SELECT 1",
      "SELECT coalesce(a, 1), upper(b), -c FROM t WHERE d BETWEEN 1 AND 2"})
  void unchangedQueriesKeepTheirTree(String sql) {
    SqlNode q = parse(sql);
    assertEquals(false, FunctionRewriter.needsRewrite(q), sql);
    assertSame(q, FunctionRewriter.rewrite(q, "db"));
    assertSame(q, q.accept(new FunctionRewriter("db")), "the shuttle changes nothing either: " + sql);
  }

  /** Whatever the look answers, the result is the shuttle's. */
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT ceiling(a), char_length(b), character_length(c) FROM t ORDER BY 1",
      "SELECT a FROM t WHERE b IN (1) AND c NOT IN (2, 3)",
      "SELECT 1 FROM t WHERE a = + 5",
      "SELECT + a, - + b FROM t WHERE + c > length(d) GROUP BY + e HAVING + MIN(f) > 1 ORDER BY + a",
      "SELECT DISTINCT + a FROM t AS x JOIN u ON + x.a = + u.b WHERE b IN (shale_empty_in_list())",
      "SELECT CASE + a WHEN + b THEN + c ELSE + d END, CASE WHEN + e > 1 THEN substr(f, 2) END FROM t",
      "SELECT + a FROM t UNION ALL SELECT + + b FROM u ORDER BY 1 LIMIT 3",
      "SELECT CAST(+ a AS INTEGER), + a BETWEEN + b AND + c, COUNT(DISTINCT + d) FROM t",
      "SELECT a FROM t WHERE EXISTS (SELECT + b FROM u WHERE + u.c = t.a) AND + a NOT IN (SELECT + c FROM v)",
      "SELECT * FROM (SELECT + a AS x FROM t) AS s, (SELECT length(b) AS y FROM u) AS r WHERE + x = y"})
  void agreesWithTheShuttle(String sql) {
    SqlNode q = parse(sql);
    SqlNode byShuttle = parse(sql).accept(new FunctionRewriter("db"));
    SqlNode rewritten = FunctionRewriter.rewrite(q, "db");
    assertEquals(byShuttle.toString(), rewritten.toString(), sql);
    if (!FunctionRewriter.needsRewrite(q)) {
      assertSame(q, q.accept(new FunctionRewriter("db")), sql);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT length(a) FROM t",
      "SELECT a FROM t WHERE b IN (SELECT substr(c, 1, 2) FROM u)",
      "SELECT +a FROM t",
      "SELECT a FROM t WHERE b IN (shale_empty_in_list())",
      "SELECT a FROM t WHERE b NOT IN (shale_empty_in_list())",
      "SELECT version()",
      "SELECT a FROM t WHERE b = current_database()",
      "SELECT now()",
      "SELECT CASE WHEN a > 0 THEN length(b) END FROM t",
      "SELECT a FROM (SELECT substr(b, 2) AS a FROM t) AS s"})
  void changedQueriesAreFound(String sql) {
    SqlNode q = parse(sql);
    assertEquals(true, FunctionRewriter.needsRewrite(q), sql);
    String original = q.toString();
    SqlNode rewritten = FunctionRewriter.rewrite(q, "db");
    assertNotEquals(original, rewritten.toString(), sql);
    assertEquals(parse(sql).accept(new FunctionRewriter("db")).toString(), rewritten.toString(), sql);
  }
}
