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
import java.util.List;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;
import org.junit.jupiter.api.Test;

/**
 * How {@code statement ok} and {@code statement error} lines are judged, against a fake connection
 * whose statements fail when their text contains "bad" (with SQLSTATE 42703).
 */
class SltJdbcExecutorTest {

  private static final KnownDifferences KNOWN = KnownDifferences.parse(String.join("\n",
      "evidence/x.test\t3\tstatement\tpostgresql-differs\tCREATE  bad  TRIGGER listed\tPostgreSQL: 42601",
      "evidence/x.test\t9\tstatement\tpostgresql-differs\tCREATE TABLE listed(x INTEGER)\tnot really",
      "evidence/x.test\t12\tstatement\tpostgresql-differs\tUPDATE listed SET x=1\tPostgreSQL rejects it",
      "evidence/x.test\t15\tstatement\tshaledb-bug\tUPDATE listed SET bad=1\texpected to fail"));

  private static SltJdbcExecutor executor() throws ReflectiveOperationException {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    OptionsParser parser = new OptionsParser(false, sink, sink);
    SltJdbcExecutor e = new SltJdbcExecutor(parser.getOptions(), "jdbc:shale://unused/db", "root", "",
        "test/evidence/x.test", KNOWN);
    Field f = JdbcExecutor.class.getDeclaredField("connection");
    f.setAccessible(true);
    f.set(e, fakeConnection());
    return e;
  }

  private static Connection fakeConnection() {
    Statement statement = (Statement) Proxy.newProxyInstance(SltJdbcExecutorTest.class.getClassLoader(),
        new Class<?>[] {Statement.class}, (proxy, method, args) -> {
          if (method.getName().equals("execute")) {
            if (((String) args[0]).contains("bad")) {
              throw new SQLException("column \"z\" does not exist", "42703");
            }
            return false;
          }
          return null; // close()
        });
    return (Connection) Proxy.newProxyInstance(SltJdbcExecutorTest.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) ->
            method.getName().equals("createStatement") ? statement : null);
  }

  @Test
  void statementErrorThatFailsPasses() throws Exception {
    SltJdbcExecutor e = executor();
    e.statement(new SltSqlStatement("UPDATE t1 SET bad='foo'", false));
    assertEquals(1, e.statementErrorsPassed());
    assertEquals(0, e.statementErrorsFailed());
    assertNull(e.firstStatementFailure());
  }

  @Test
  void statementErrorThatSucceedsIsAFailure() throws Exception {
    SltJdbcExecutor e = executor();
    e.statement(new SltSqlStatement("UPDATE t1 SET x=1", false));
    assertEquals(0, e.statementErrorsPassed());
    assertEquals(1, e.statementErrorsFailed());
    assertTrue(e.firstStatementFailure().contains("UPDATE t1 SET x=1"), e.firstStatementFailure());
    assertEquals(List.of(new SltJdbcExecutor.Failure("statement", "UPDATE t1 SET x=1", "statement error succeeded")),
        e.failures());
  }

  @Test
  void failedStatementOkIsRecordedAndEndsTheFile() throws Exception {
    SltJdbcExecutor e = executor();
    e.statement(new SltSqlStatement("CREATE TABLE t1(x INTEGER)", true));
    assertNull(e.failedStatementOk());
    assertThrows(SQLException.class, () -> e.statement(new SltSqlStatement("CREATE bad TRIGGER", true)));
    assertTrue(e.failedStatementOk().contains("CREATE bad TRIGGER -- 42703"), e.failedStatementOk());
    assertEquals(0, e.statementErrorsPassed() + e.statementErrorsFailed());
  }

  @Test
  void aListedFailingStatementOkIsListedAndTheFileGoesOn() throws Exception {
    SltJdbcExecutor e = executor();
    // matched by normalised SQL: the white space differs from the list's
    e.statement(new SltSqlStatement("CREATE bad TRIGGER   listed", true));
    assertNull(e.failedStatementOk());
    assertEquals(1, e.listedFailing());
    assertEquals(List.of(), e.nowPassing());
    assertEquals(List.of(), e.failures());
  }

  @Test
  void listedRecordsThatPassAreReportedAsNowPassing() throws Exception {
    SltJdbcExecutor e = executor();
    e.statement(new SltSqlStatement("CREATE TABLE listed(x INTEGER)", true));
    e.statement(new SltSqlStatement("UPDATE listed SET x=1", false)); // succeeds: still a difference
    e.statement(new SltSqlStatement("UPDATE listed SET bad=1", false)); // fails as expected: now passes
    assertEquals(List.of("CREATE TABLE listed(x INTEGER)", "UPDATE listed SET bad=1"), e.nowPassing());
    assertEquals(1, e.listedFailing());
    assertEquals(0, e.statementErrorsPassed() + e.statementErrorsFailed());
  }

  @Test
  void aListedRecordThatFailsOnceIsNotNowPassing() throws Exception {
    SltJdbcExecutor e = executor();
    e.statement(new SltSqlStatement("UPDATE listed SET bad=1", false));
    e.statement(new SltSqlStatement("UPDATE listed SET bad=1", false));
    assertEquals(List.of("UPDATE listed SET bad=1"), e.nowPassing());
    e.statement(new SltSqlStatement("UPDATE listed SET x=1", false));
    assertEquals(List.of("UPDATE listed SET bad=1"), e.nowPassing());
    assertEquals(1, e.listedFailing());
    assertEquals(2, e.listedPassing()); // the passing executions count as passed
  }
}
