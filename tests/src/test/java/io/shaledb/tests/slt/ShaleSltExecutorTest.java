package io.shaledb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;
import org.junit.jupiter.api.Test;

/**
 * How {@code statement ok} and {@code statement error} lines are judged, against a fake connection
 * whose statements fail when their text contains "bad" (with SQLSTATE 42703).
 */
class ShaleSltExecutorTest {

  private static ShaleSltExecutor executor() throws ReflectiveOperationException {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    OptionsParser parser = new OptionsParser(false, sink, sink);
    ShaleSltExecutor e = new ShaleSltExecutor(parser.getOptions(), "jdbc:shale://unused/db");
    Field f = JdbcExecutor.class.getDeclaredField("connection");
    f.setAccessible(true);
    f.set(e, fakeConnection());
    return e;
  }

  private static Connection fakeConnection() {
    Statement statement = (Statement) Proxy.newProxyInstance(ShaleSltExecutorTest.class.getClassLoader(),
        new Class<?>[] {Statement.class}, (proxy, method, args) -> {
          if (method.getName().equals("execute")) {
            if (((String) args[0]).contains("bad")) {
              throw new SQLException("column \"z\" does not exist", "42703");
            }
            return false;
          }
          return null; // close()
        });
    return (Connection) Proxy.newProxyInstance(ShaleSltExecutorTest.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) ->
            method.getName().equals("createStatement") ? statement : null);
  }

  @Test
  void statementErrorThatFailsPassesAndLetsTheHarnessContinueSilently() throws Exception {
    ShaleSltExecutor e = executor();
    // the harness continues without a message when statement() throws for a `statement error`
    assertThrows(SQLException.class, () -> e.statement(new SltSqlStatement("UPDATE t1 SET bad='foo'", false)));
    assertEquals(1, e.statementErrorsPassed());
    assertEquals(0, e.statementErrorsFailed());
    assertNull(e.firstStatementFailure());
  }

  @Test
  void statementErrorThatSucceedsIsAFailure() throws Exception {
    ShaleSltExecutor e = executor();
    e.statement(new SltSqlStatement("UPDATE t1 SET x=1", false));
    assertEquals(0, e.statementErrorsPassed());
    assertEquals(1, e.statementErrorsFailed());
    assertTrue(e.firstStatementFailure().contains("UPDATE t1 SET x=1"), e.firstStatementFailure());
  }

  @Test
  void failedStatementOkIsRecordedAndEndsTheFile() throws Exception {
    ShaleSltExecutor e = executor();
    e.statement(new SltSqlStatement("CREATE TABLE t1(x INTEGER)", true));
    assertNull(e.failedStatementOk());
    assertThrows(SQLException.class, () -> e.statement(new SltSqlStatement("CREATE bad TRIGGER", true)));
    assertTrue(e.failedStatementOk().contains("CREATE bad TRIGGER -- 42703"), e.failedStatementOk());
    assertEquals(0, e.statementErrorsPassed() + e.statementErrorsFailed());
  }
}
