package io.shaledb.tests.slt;

import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.SqlTestQueryOutputDescription;
import net.hydromatic.sqllogictest.TestStatistics;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * Runs sqllogictest files through ShaleDB's JDBC driver. Everything else — parsing the test file,
 * converting, sorting and hashing results, dropping tables between files — is the harness's own
 * reference code from {@link JdbcExecutor}, except for {@code statement error}: the 0.3 harness
 * swallows the expected exception and then reports "Statement should have failed" for every such
 * statement, whether it failed or not, and counts neither outcome. This executor runs those
 * statements itself, counts a statement that fails as expected as passed and one that succeeds as
 * failed, and records the {@code statement ok} whose failure ends the file.
 */
public final class ShaleSltExecutor extends JdbcExecutor {

  /** The executor name passed to the harness with {@code -e}. */
  public static final String NAME = "shale";

  private volatile TestStatistics liveStatistics;
  private final AtomicInteger statementErrorsPassed = new AtomicInteger();
  private final AtomicInteger statementErrorsFailed = new AtomicInteger();
  private final AtomicReference<String> firstStatementFailure = new AtomicReference<>();
  private final AtomicReference<String> failedStatementOk = new AtomicReference<>();

  public ShaleSltExecutor(OptionsParser.SuppliedOptions options, String url) {
    super(options, url, "root", "");
  }

  /**
   * The statistics the harness is accumulating for the running file (it only hands them to its
   * loader when the file ends), or null before the first query result; counters are read without
   * synchronisation, so they are approximate while the file runs.
   */
  public TestStatistics liveStatistics() {
    return liveStatistics;
  }

  @Override
  public boolean validate(SqlTestQuery query, ResultSet rs, SqlTestQueryOutputDescription description,
      TestStatistics statistics) throws SQLException, NoSuchAlgorithmException {
    liveStatistics = statistics;
    return super.validate(query, rs, description, statistics);
  }

  @Override
  public void statement(SltSqlStatement statement) throws SQLException {
    if (statement.shouldPass) {
      try {
        super.statement(statement);
      } catch (SQLException e) {
        failedStatementOk.compareAndSet(null, "statement ok failed: " + statement.statement
            + " -- " + e.getSQLState() + ": " + e.getMessage());
        throw e; // the harness ends the file
      }
      return;
    }
    try (Statement s = getConnection().createStatement()) {
      s.execute(statement.statement);
    } catch (SQLException expected) {
      statementErrorsPassed.incrementAndGet();
      throw expected; // the harness continues silently after a failing `statement error`
    }
    statementErrorsFailed.incrementAndGet();
    firstStatementFailure.compareAndSet(null, "ERROR: statement should have failed: " + statement.statement);
  }

  /** {@code statement error} lines whose statement failed, as expected. */
  public int statementErrorsPassed() {
    return statementErrorsPassed.get();
  }

  /** {@code statement error} lines whose statement succeeded. */
  public int statementErrorsFailed() {
    return statementErrorsFailed.get();
  }

  /** The first {@code statement error} that succeeded, or null. */
  public String firstStatementFailure() {
    return firstStatementFailure.get();
  }

  /** The {@code statement ok} whose failure ended the file (with its SQLSTATE and message), or null. */
  public String failedStatementOk() {
    return failedStatementOk.get();
  }

  /** Registers this executor under {@link #NAME}, connecting to {@code url} for every file. */
  public static void register(OptionsParser parser, String url) {
    parser.registerExecutor(NAME, () -> new ShaleSltExecutor(parser.getOptions(), url));
  }
}
