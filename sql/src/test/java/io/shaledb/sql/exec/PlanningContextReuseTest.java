package io.shaledb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.Session;
import io.shaledb.sql.SqlEngine;
import io.shaledb.sql.StatementResult;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Heuristic planning reuses one type factory, planner and cluster per thread
 * ({@code QueryPlanner.Reusable}): nothing of one planning may leak into the next (answers must
 * not depend on what was planned before on the thread), and nothing of a planning may stay
 * reachable from the thread afterwards (a Volcano planner keeps every schema a table scan
 * registers with it: each planning's catalog reader, and through it the statement's transaction).
 */
class PlanningContextReuseTest extends SqlTestBase {
  private static final List<String> QUERIES = List.of(
      "SELECT a, b FROM t WHERE a > 2 ORDER BY a",
      "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.x = t.a) ORDER BY a",
      "SELECT a, (SELECT MAX(y) FROM u WHERE u.x = t.a) FROM t ORDER BY a",
      "SELECT a FROM t WHERE a IN (SELECT x FROM u WHERE y > 15) ORDER BY a",
      "SELECT COUNT(*), SUM(b) FROM t, u WHERE t.a = u.x",
      "SELECT a FROM v ORDER BY a",
      "SELECT t.a, u.y FROM t JOIN u ON t.a = u.x AND u.y > (SELECT MIN(y) FROM u) ORDER BY 1, 2",
      "SELECT a * 2 + 1 FROM t WHERE b BETWEEN 10 AND 40 ORDER BY 1");

  private void schema(Session session) {
    for (String sql : List.of(
        "CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER)",
        "CREATE TABLE u (x INTEGER, y INTEGER)",
        "INSERT INTO t VALUES (1, 10), (2, 20), (3, 30), (4, 40), (5, 50)",
        "INSERT INTO u VALUES (1, 11), (3, 33), (3, 34), (5, 55)",
        "CREATE VIEW v AS SELECT a FROM t WHERE b > 20")) {
      session.execute(sql, List.of(), ExecOptions.DEFAULT);
    }
  }

  private String answer(String sql) {
    StatementResult r = exec(sql);
    List<String> rows = new ArrayList<>();
    for (Object[] row : r.rows()) {
      rows.add(Arrays.toString(row));
    }
    return String.join(";", rows);
  }

  @Test
  void answersDoNotDependOnWhatWasPlannedBeforeOnTheThread() {
    schema(s);
    List<String> first = new ArrayList<>();
    for (String q : QUERIES) {
      first.add(answer(q));
    }
    long seed = 1122L;
    Random random = new Random(seed);
    for (int round = 0; round < 5; round++) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < QUERIES.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      for (int i : order) {
        // EXPLAIN plans with a fresh cost-based planner in between
        exec("EXPLAIN " + QUERIES.get(i));
        assertEquals(first.get(i), answer(QUERIES.get(i)),
            "seed " + seed + " round " + round + ": " + QUERIES.get(i));
      }
    }
  }

  @Test
  void aPlanningLeavesNothingReachableFromTheThread() {
    FakeTxnFactory otherStore = new FakeTxnFactory();
    SqlEngine otherEngine = SqlEngine.create(otherStore);
    Session other = otherEngine.openSession("defaultdb", "root");
    schema(other);
    for (String q : QUERIES) {
      other.execute(q, List.of(), ExecOptions.DEFAULT);
    }
    other.close();
    otherEngine.close();
    WeakReference<FakeTxnFactory> ref = new WeakReference<>(otherStore);
    otherStore = null;
    otherEngine = null;
    other = null;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (ref.get() != null && System.nanoTime() < deadline) {
      System.gc();
      Thread.onSpinWait();
    }
    assertNull(ref.get(), "the store of a closed engine is still reachable after planning on this thread");
  }
}
