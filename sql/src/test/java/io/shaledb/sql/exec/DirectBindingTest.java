package io.shaledb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.Session;
import io.shaledb.sql.SqlEngine;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.StatementResult;
import io.shaledb.sql.plan.QueryPlanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct binder ({@code io.shaledb.sql.bind}): which queries it plans itself, which it
 * leaves to the validator, and that its plans give the same columns and rows as the validator
 * path's (run over the same data with {@code shale.direct=false}).
 */
class DirectBindingTest extends SqlTestBase {
  @BeforeEach
  void tables() {
    exec("CREATE TABLE tab0 (pk INTEGER PRIMARY KEY, col0 INTEGER, col1 FLOAT, col2 TEXT, col3 INTEGER,"
        + " col4 FLOAT, col5 TEXT)");
    exec("CREATE INDEX idx_tab0_0 ON tab0 (col0)");
    exec("INSERT INTO tab0 VALUES (0, 10, 1.5, 'a', 3, 2.25, 'x'), (1, 20, NULL, 'b', NULL, 0.5, 'y'),"
        + " (2, NULL, 3.0, NULL, 7, NULL, 'z'), (3, 20, -4.5, 'd', 1, 8.0, NULL)");
    exec("CREATE TABLE tab1 (col0 INTEGER, col1 INTEGER, col2 INTEGER)");
    exec("INSERT INTO tab1 VALUES (64, 77, 40), (75, 67, 58), (46, 51, 23), (NULL, 5, NULL)");
    exec("CREATE VIEW view_1 AS SELECT pk, col0 FROM tab0 WHERE col0 > 10");
    // a body outside the direct subset (LOWER): expanded by the validator path inside a direct query
    exec("CREATE VIEW view_low AS SELECT pk, LOWER ( col5 ) AS l FROM tab0");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM tab0",
      "SELECT ALL + col1 AS col0, col2 AS col2 FROM tab1",
      "SELECT cor0.* , 5 FROM tab1 AS cor0 WHERE NOT col0 IS NULL",
      "SELECT - - col0, 37 + col2 AS col2 FROM tab1 AS cor0 WHERE col1 BETWEEN 50 AND 70",
      "SELECT pk, col1 / 2, col0 / 3, col0 % 7, - col3 * + col4 FROM tab0 WHERE col0 NOT BETWEEN 11 AND 15",
      "SELECT DISTINCT col0 FROM tab0 WHERE col0 IN (10, 20, 30) OR col3 NOT IN (1, 2.5)",
      "SELECT 81 + - CAST ( + 31 AS INTEGER ) * 73, 20 / - - 96, NULLIF ( 3, 3 ), COALESCE ( NULL, 4, 5 )",
      "SELECT CASE WHEN col0 > 15 THEN col1 ELSE col0 END, CASE col2 WHEN 'a' THEN 1 WHEN 'b' THEN 2.5 END FROM tab0",
      "SELECT ABS ( col1 ), CAST ( NULL AS INTEGER ) + col0, col0 * NULL FROM tab0 WHERE NOT ( NULL ) IS NULL OR col0 > 0",
      "SELECT cor0.col0, cor1.col2 FROM tab1 AS cor0, tab1 cor1 WHERE cor0.col0 = cor1.col1 + 10",
      "SELECT * FROM tab1 AS cor0 CROSS JOIN tab1 AS cor1",
      "SELECT tab0.pk, tab1.col1 FROM tab0 JOIN tab1 ON tab0.col3 * 10 < tab1.col2 WHERE tab1.col0 > 50",
      "SELECT COUNT ( * ), SUM ( col0 ), AVG ( col1 ), MIN ( col2 ), MAX ( DISTINCT col4 ) FROM tab0",
      "SELECT col0, COUNT ( DISTINCT col3 ) * - 2, SUM ( ALL col4 ) FROM tab0 GROUP BY col0 HAVING COUNT ( * ) > 0",
      "SELECT col0 + col1 AS s, MAX ( col2 ) FROM tab1 GROUP BY col0 + col1 ORDER BY s DESC",
      "SELECT + + MIN ( ALL - + 32 ) AS col0, + COUNT ( * ) * + COUNT ( * ) FROM ( tab1 AS cor0 CROSS JOIN tab1 cor1 )",
      "SELECT pk, col0 FROM tab0 ORDER BY col0 DESC NULLS LAST, 1 LIMIT 3 OFFSET 1",
      "SELECT pk FROM tab0 ORDER BY col4 * 2, pk",
      "SELECT pk, col0 FROM view_1 WHERE pk > 0 ORDER BY pk",
      "SELECT t.col0, v.l, w.col0 FROM tab1 AS t JOIN view_low AS v ON v.pk * 20 < t.col2 JOIN view_1 AS w ON w.pk <= v.pk"
          + " ORDER BY 1, 2, 3",
      "SELECT tab1.col0, t.col1 FROM public.tab1, public.tab1 AS t WHERE tab1.col1 > 50 AND t.col0 = tab1.col0",
      "SELECT col2 FROM tab0 WHERE col2 > 'a' AND col5 <> 'z'",
      "SELECT col0 FROM tab1 WHERE col1 IN (SELECT col2 FROM tab1 WHERE col2 > 20) OR col0 NOT IN (SELECT pk FROM tab0)",
      "SELECT col0 FROM tab1 WHERE EXISTS ( SELECT 1 FROM tab0 WHERE col0 > 15 ) AND NOT EXISTS ( SELECT * FROM tab0 WHERE pk > 10 )",
      "SELECT col0, ( SELECT MAX ( col1 ) FROM tab1 ) - col1 FROM tab1 WHERE col0 > ( SELECT MIN ( col0 ) FROM tab1 )",
      "SELECT col0, COUNT ( * ) AS n FROM tab1 GROUP BY col0 ORDER BY n, col0",
      "SELECT pk FROM tab0 AS t WHERE col0 > ( SELECT AVG ( col0 ) FROM tab0 WHERE pk <> t.pk )",
      "SELECT pk, ( SELECT COUNT ( * ) FROM tab0 AS x WHERE x.col0 < t.col0 ) FROM tab0 AS t",
      "SELECT col0 FROM tab1 AS t WHERE EXISTS ( SELECT 1 FROM tab0 WHERE tab0.col3 * 10 < t.col2 )",
      "SELECT col0 FROM tab1 UNION SELECT col1 FROM tab1",
      // the validator's implicit casts on comparisons (mixed DOUBLE and DECIMAL literals on one
      // column used to reach RexSimplify's Sarg builder with Double and BigDecimal values)
      "SELECT pk FROM tab0 WHERE col1 IN (89.31, 3, 66.84) OR col1 = 58.39 OR col1 > 45.81 AND col1 < 50.5",
      "SELECT pk FROM tab0 WHERE col1 BETWEEN 1 AND 50.5 OR col0 > 2.5 OR col0 IN (10, 2.5) OR col4 = 8",
      "SELECT col0, col1 FROM tab1 EXCEPT SELECT col1, col0 FROM tab1 ORDER BY 1",
      "SELECT col0 FROM tab1 INTERSECT ALL SELECT col0 FROM tab1 WHERE col0 > 50",
      "SELECT col0 FROM tab1 UNION ALL SELECT col2 FROM tab1 ORDER BY col0 DESC LIMIT 3",
      // a repeated GROUP BY item groups once; DISTINCT over repeated expressions
      "SELECT col1 FROM tab1 GROUP BY col1, col1",
      "SELECT col0, COUNT ( * ) FROM tab1 GROUP BY col0, col0, col1 HAVING MAX ( col1 ) > 0",
      "SELECT DISTINCT col0, + col0, col0 * 1 FROM tab1",
      "SELECT DISTINCT col1 AS a, col1 AS b FROM tab1 GROUP BY col1 ORDER BY a",
      // an untyped NULL on the left of IN takes the items' type
      "SELECT pk FROM tab0 WHERE NOT NULL IN ( col0, col4 )",
      "SELECT pk, NULL NOT IN ( col3, 2.5 ), NULL IN ( col2, 'x' ) FROM tab0",
      "SELECT COUNT ( * ) FROM tab1 WHERE NULL IN ( - col0 + 39, col1 ) IS NULL",
      // sub-queries in FROM
      "SELECT * FROM ( SELECT col0 FROM tab1 ) AS t",
      "SELECT pk FROM ( SELECT pk, col0 FROM tab0 WHERE col1 < 2.5 ) AS tab0_77 WHERE col0 > 5",
      "SELECT t.a, u.col2 FROM ( SELECT col0 + 1 AS a, col1 FROM tab1 ORDER BY col1 ) AS t JOIN tab1 AS u ON t.col1 = u.col1",
      "SELECT COUNT ( * ), MAX ( t.col0 ) FROM ( SELECT DISTINCT col0 FROM tab1 UNION ALL SELECT pk FROM tab0 ) AS t",
      "SELECT * FROM ( SELECT col0 FROM tab1 ORDER BY col0 DESC LIMIT 2 ) AS t ORDER BY col0",
      "SELECT x.*, y.n FROM ( SELECT col0, col1 * 2 FROM tab1 ) AS x, ( SELECT COUNT ( * ) AS n FROM tab0 ) AS y",
  })
  void sameAnswersAsTheValidatorPath(String sql) {
    Result direct = withProperty("shale.direct.verify", "true", () -> planned(sql));
    assertEquals(1, direct.direct, "planned directly: " + sql);
    assertEquals(0, direct.fallback, sql);
    Result validator = withProperty("shale.direct", "false", () -> new Result(onOtherEngine(sql), 0, 0));
    assertEquals(validator.result.columns(), direct.result.columns(), sql);
    boolean ordered = sql.contains("ORDER BY");
    assertEquals(render(validator.result, ordered), render(direct.result, ordered), sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT col0 FROM tab1 UNION SELECT col1 FROM tab0",
      "SELECT NULL FROM tab1",
      "SELECT col0 FROM tab1 WHERE col0 IN (1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20)",
      "SELECT tab0.col0 FROM tab0 LEFT JOIN tab1 ON tab0.col0 = tab1.col0",
      "SELECT col0, COUNT(*) FROM tab1 GROUP BY 1",
      "SELECT col0 FROM tab0 WHERE col2 = 1",
      "SELECT col0 + col2 FROM tab0",
      "SELECT LOWER ( col2 ) FROM tab0",
      "SELECT CAST ( col0 AS TEXT ) FROM tab1",
      "SELECT * FROM ( SELECT col0, col0 FROM tab1 ) AS t",
      "SELECT * FROM ( SELECT col0 FROM tab1 )",
      "SELECT * FROM tab1 AS t WHERE EXISTS ( SELECT * FROM ( SELECT col0 FROM tab0 WHERE col0 = t.col0 ) AS u )",
      "SELECT col0 FROM tab1 AS t WHERE EXISTS ( SELECT 1 FROM tab0 WHERE col0 IN ( SELECT col1 FROM tab1 WHERE col0 = t.col0 ) )",
      "SELECT col0 FROM tab1 AS t GROUP BY col0 HAVING COUNT ( * ) > ( SELECT COUNT ( * ) FROM tab0 )",
      "SELECT col0, ( SELECT COUNT ( * ) FROM tab0 ) FROM tab1 GROUP BY col0",
      "SELECT col0 FROM tab1 WHERE col0 IN ( SELECT col1 FROM tab0 )",
  })
  void fallsBackOutsideTheSubset(String sql) {
    Result r = planned(sql);
    assertEquals(0, r.direct, "not planned directly: " + sql);
    assertEquals(1, r.fallback, sql);
  }

  @Test
  void namingErrorsComeFromTheValidatorPath() {
    long fallback = QueryPlanner.fallbackPlanCount();
    fails(SqlState.UNDEFINED_COLUMN, "SELECT nope FROM tab1");
    SqlError ambiguous = assertThrows(SqlError.class, () -> exec("SELECT col0 FROM tab0, tab1"));
    SqlError unknownTable = assertThrows(SqlError.class, () -> exec("SELECT * FROM nowhere"));
    assertEquals(3, QueryPlanner.fallbackPlanCount() - fallback);
    assertEquals(SqlState.UNDEFINED_TABLE, unknownTable.state());
    assertEquals(SqlState.AMBIGUOUS_COLUMN, ambiguous.state());
  }

  @Test
  void arithmeticErrorsStayTheSame() {
    long direct = QueryPlanner.directPlanCount();
    fails(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "SELECT col0 * 2147483647 * 2147483647 FROM tab1");
    fails(SqlState.DIVISION_BY_ZERO, "SELECT col0 / 0 FROM tab1");
    fails(SqlState.DIVISION_BY_ZERO, "SELECT col1 / 0 FROM tab0 WHERE col1 IS NOT NULL");
    assertEquals(3, QueryPlanner.directPlanCount() - direct);
  }

  @Test
  void groupByNamesAreInputColumnsAsInPostgres() {
    // the validator path resolves GROUP BY col1 to the select list first and finds two col1s
    Result grouped = planned("SELECT col1, col1 FROM tab1 GROUP BY col1, col1");
    assertEquals(1, grouped.direct);
    Result distinct = planned("SELECT DISTINCT col1, col1 FROM tab1");
    assertEquals(1, distinct.direct);
    assertEquals(render(distinct.result, false), render(grouped.result, false));
    assertTrue(grouped.result.rows().size() > 1);
  }

  @Test
  void deleteAndUpdateReadTheirRowsDirectly() {
    // they select from public.<table> with its hidden columns (tab1 has only the row id as key)
    Result deleted = planned("DELETE FROM tab1 WHERE col0 > 70");
    assertEquals(1, deleted.direct);
    assertEquals(0, deleted.fallback);
    assertEquals(1L, deleted.result.updateCount());
    Result updated = planned("UPDATE tab1 SET col2 = col2 + 1 WHERE col1 < 60");
    assertEquals(1, updated.direct);
    assertEquals(2L, updated.result.updateCount());
    assertEquals(List.of("[46, 51, 24]", "[64, 77, 40]", "[null, 5, null]"),
        render(exec("SELECT col0, col1, col2 FROM tab1 ORDER BY col0 NULLS LAST"), true));
    Result qualified = planned("SELECT count(*) FROM public.tab1 WHERE col0 IS NOT NULL");
    assertEquals(1, qualified.direct);
  }

  @Test
  void disabledBySystemProperty() {
    Result r = withProperty("shale.direct", "false", () -> planned("SELECT col0 FROM tab1"));
    assertEquals(0, r.direct);
    assertEquals(0, r.fallback);
  }

  private record Result(StatementResult result, long direct, long fallback) {}

  private Result planned(String sql) {
    long d = QueryPlanner.directPlanCount();
    long f = QueryPlanner.fallbackPlanCount();
    StatementResult r;
    try {
      r = exec(sql);
    } catch (SqlError e) {
      r = null; // e.g. a string that is not a number: an error either way, but planned first
    }
    return new Result(r, QueryPlanner.directPlanCount() - d, QueryPlanner.fallbackPlanCount() - f);
  }

  /** Runs {@code sql} on a second engine over the same store (its own plan cache). */
  private StatementResult onOtherEngine(String sql) {
    SqlEngine other = SqlEngine.create(store);
    try (Session session = other.openSession("defaultdb", "root")) {
      return session.execute(sql, List.of(), ExecOptions.DEFAULT);
    } finally {
      other.close();
    }
  }

  private static List<String> render(StatementResult r, boolean ordered) {
    List<String> out = new ArrayList<>();
    for (Object[] row : r.rows()) {
      out.add(Arrays.toString(row));
    }
    if (!ordered) {
      out.sort(null);
    }
    return out;
  }

  private static <T> T withProperty(String key, String value, Supplier<T> body) {
    String previous = System.setProperty(key, value);
    QueryPlanner.reloadSwitches();
    try {
      return body.get();
    } finally {
      if (previous == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, previous);
      }
      QueryPlanner.reloadSwitches();
    }
  }
}
