package io.shaledb.sql.exec;

import io.shaledb.sql.plan.QueryPlanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The golden scripts again with {@code shale.plan.costBasedOnly=true}: every query goes through
 * Calcite's cost-based optimiser (the path of queries the interpreter cannot run after heuristic
 * planning), and must give the same answers.
 */
class SqlScriptCostBasedTest extends SqlScriptTest {
  private static String previous;

  @BeforeAll
  static void costBasedOn() {
    previous = System.setProperty("shale.plan.costBasedOnly", "true");
    QueryPlanner.reloadSwitches();
  }

  @AfterAll
  static void costBasedOff() {
    if (previous == null) {
      System.clearProperty("shale.plan.costBasedOnly");
    } else {
      System.setProperty("shale.plan.costBasedOnly", previous);
    }
    QueryPlanner.reloadSwitches();
  }
}
