package io.shaledb.sql.exec;

import io.shaledb.sql.plan.QueryPlanner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The golden scripts again with {@code shale.direct.verify=true}: every query the direct binder
 * plans is also planned through the validator, and any difference in row type or result
 * columns fails the statement (and so the script).
 */
class SqlScriptVerifyTest extends SqlScriptTest {
  private static String previous;

  @BeforeAll
  static void verifyOn() {
    previous = System.setProperty("shale.direct.verify", "true");
    QueryPlanner.reloadSwitches();
  }

  @AfterAll
  static void verifyOff() {
    if (previous == null) {
      System.clearProperty("shale.direct.verify");
    } else {
      System.setProperty("shale.direct.verify", previous);
    }
    QueryPlanner.reloadSwitches();
  }
}
