package io.shaledb.tests.slt;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.SltTestFile;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.TestStatistics;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * Runs one sqllogictest file through a JDBC driver (ShaleDB's, or pgjdbc for the PostgreSQL
 * baseline). Result conversion, sorting and hashing ({@link #validate}), the {@code DROP VIEW}
 * rewrite and the dropping of tables and views between files are the harness's own code from
 * {@link JdbcExecutor}; this class owns the loop over the file's records ({@link #execute}) so that:
 * <ul>
 *   <li>{@code statement error} lines are judged: one that fails as expected passes, one that
 *       succeeds fails (the 0.3 harness counts neither);</li>
 *   <li>a record listed in {@link KnownDifferences} for this file is run and its outcome is kept
 *       apart: a listed failure counts as "listed", a listed record that passes as "now passing".
 *       A listed {@code statement ok} that fails does not end the file: the file goes on without
 *       that statement's effect, and records that fail because of it must be listed too;</li>
 *   <li>an unlisted failing {@code statement ok} ends the file, as in the harness (the file is
 *       then reported as aborted);</li>
 *   <li>every unlisted failure is kept (up to {@link #MAX_KEPT_FAILURES}) with its SQL, so it can
 *       be investigated or listed;</li>
 *   <li>a statement or query that fails with SQLSTATE 40001 (serialization failure: "retry the
 *       transaction") is retried, up to {@link #MAX_RETRIES} times, as a client of a serializable
 *       database must; the retries are counted ({@link #retries}).</li>
 * </ul>
 *
 * <p>Threading: the harness drives an instance from one thread; the counters may be read from a
 * watchdog thread while it runs (they are approximate then).
 */
public final class SltJdbcExecutor extends JdbcExecutor {

  /** The executor name passed to the harness with {@code -e}. */
  public static final String NAME = "jdbc";

  /** Attempts after the first for a record that fails with SQLSTATE 40001. */
  public static final int MAX_RETRIES = 5;

  /** Unlisted failures kept per file (the counts are exact beyond it). */
  public static final int MAX_KEPT_FAILURES = 500;

  /**
   * A record that failed.
   *
   * @param kind {@code statement} or {@code query}
   * @param sql the record's SQL text
   * @param detail what went wrong: the error, or expected against actual
   */
  public record Failure(String kind, String sql, String detail) {}

  private final String file;
  private final KnownDifferences known;
  private volatile TestStatistics liveStatistics;
  private final AtomicInteger statementErrorsPassed = new AtomicInteger();
  private final AtomicInteger statementErrorsFailed = new AtomicInteger();
  private final AtomicInteger listedFailing = new AtomicInteger();
  private final AtomicInteger listedPassing = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  private final Set<String> listedSeen = Collections.synchronizedSet(new LinkedHashSet<>());
  private final Set<String> listedFailed = Collections.synchronizedSet(new LinkedHashSet<>());
  private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<String> firstStatementFailure = new AtomicReference<>();
  private final AtomicReference<String> failedStatementOk = new AtomicReference<>();

  /**
   * @param file the suite file this executor runs (resource path), for looking up listed records
   * @param known the listed records ({@link KnownDifferences#NONE} to count every failure)
   */
  public SltJdbcExecutor(OptionsParser.SuppliedOptions options, String url, String user, String password,
      String file, KnownDifferences known) {
    super(options, url, user, password);
    this.file = file;
    this.known = known;
  }

  /**
   * The statistics of the running file, or null before the first query; counters are read without
   * synchronisation, so they are approximate while the file runs.
   */
  public TestStatistics liveStatistics() {
    return liveStatistics;
  }

  @Override
  public TestStatistics execute(SltTestFile testFile, OptionsParser.SuppliedOptions options) throws SQLException {
    startTest();
    establishConnection();
    dropAllTables();
    TestStatistics result = new TestStatistics(options.stopAtFirstError, options.verbosity);
    liveStatistics = result;
    result.incFiles();
    for (ISqlTestOperation operation : testFile.fileContents) {
      // instanceof, not the harness's as(): that one throws and catches a ClassCastException for
      // every query, a few percent of the client's time.
      if (operation instanceof SltSqlStatement statement) {
        try {
          statement(statement);
        } catch (SQLException endsTheFile) {
          // An unlisted `statement ok` failed: the harness stops counting the file here.
          result.incFilesNotParsed();
          return result;
        }
      } else {
        query(operation.to(options.err, SqlTestQuery.class), result);
      }
    }
    dropAllViews();
    dropAllTables();
    closeConnection();
    return result;
  }

  private void query(SqlTestQuery query, TestStatistics result) {
    String sql = query.getQuery();
    boolean listed = known.lists(file, sql);
    TestStatistics one = new TestStatistics(false, 0);
    String error = null;
    for (int attempt = 0; ; attempt++) {
      try (Statement s = getConnection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
        validate(query, rs, query.outputDescription, one);
        break;
      } catch (SQLException e) {
        if (retryable(e, attempt)) {
          continue;
        }
        error = "Exception during query: " + e.getMessage();
        break;
      } catch (RuntimeException e) {
        error = "Exception during query: " + e.getMessage();
        break;
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("MD5 is not available", e);
      }
    }
    boolean passed = error == null && one.getFailedTestCount() == 0;
    if (listed) {
      listedOutcome(sql, passed);
      return;
    }
    if (passed) {
      result.incPassed();
      return;
    }
    String detail = error != null ? error : SltMismatch.describe(getConnection(), query, printedFailure(one));
    result.addFailure(new TestStatistics.FailedTestDescription(query, detail, "", null));
    keep(new Failure("query", sql, detail));
  }

  @Override
  public void statement(SltSqlStatement statement) throws SQLException {
    String sql = statement.statement;
    boolean listed = known.lists(file, sql);
    if (statement.shouldPass) {
      try {
        for (int attempt = 0; ; attempt++) {
          try {
            super.statement(statement);
            break;
          } catch (SQLException e) {
            if (!retryable(e, attempt)) {
              throw e;
            }
          }
        }
      } catch (SQLException e) {
        if (listed) {
          listedOutcome(sql, false);
          return; // the file goes on without this statement's effect
        }
        String detail = e.getSQLState() + ": " + e.getMessage();
        failedStatementOk.compareAndSet(null, "statement ok failed: " + sql + " -- " + detail);
        keep(new Failure("statement", sql, "statement ok failed -- " + detail));
        throw e;
      }
      if (listed) {
        listedOutcome(sql, true);
      }
      return;
    }
    boolean failedAsExpected;
    try (Statement s = getConnection().createStatement()) {
      s.execute(sql);
      failedAsExpected = false;
    } catch (SQLException expected) {
      failedAsExpected = true;
    }
    if (listed) {
      listedOutcome(sql, failedAsExpected);
    } else if (failedAsExpected) {
      statementErrorsPassed.incrementAndGet();
    } else {
      statementErrorsFailed.incrementAndGet();
      firstStatementFailure.compareAndSet(null, "ERROR: statement should have failed: " + sql);
      keep(new Failure("statement", sql, "statement error succeeded"));
    }
  }

  private boolean retryable(SQLException e, int attempt) {
    if ("40001".equals(e.getSQLState()) && attempt < MAX_RETRIES) {
      retries.incrementAndGet();
      return true;
    }
    return false;
  }

  /** Statements and queries re-run after a 40001 serialization failure. */
  public int retries() {
    return retries.get();
  }

  private void listedOutcome(String sql, boolean passed) {
    String key = KnownDifferences.normalize(sql);
    listedSeen.add(key);
    if (passed) {
      listedPassing.incrementAndGet();
    } else {
      listedFailed.add(key);
      listedFailing.incrementAndGet();
    }
  }

  private void keep(Failure f) {
    if (failures.size() < MAX_KEPT_FAILURES) {
      failures.add(f);
    }
  }

  private static String printedFailure(TestStatistics one) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    one.printStatistics(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    int idx = printed.indexOf("ERROR: ");
    String s = idx >= 0 ? printed.substring(idx + "ERROR: ".length()) : printed;
    // drop the harness's "test: file:line" and query lines that follow the message
    int test = s.indexOf("\ttest: ");
    return (test >= 0 ? s.substring(0, test) : s).strip();
  }

  /** {@code statement error} lines (unlisted) whose statement failed, as expected. */
  public int statementErrorsPassed() {
    return statementErrorsPassed.get();
  }

  /** {@code statement error} lines (unlisted) whose statement succeeded. */
  public int statementErrorsFailed() {
    return statementErrorsFailed.get();
  }

  /** Executions of listed records that failed (a listed query repeated in the file counts each time). */
  public int listedFailing() {
    return listedFailing.get();
  }

  /**
   * Executions of listed records that passed: they count as passed (a listed SQL text that occurs
   * several times in a file may fail at one place and pass at the others).
   */
  public int listedPassing() {
    return listedPassing.get();
  }

  /** Listed records (normalised SQL) that ran and never failed: entries to remove from the list. */
  public List<String> nowPassing() {
    synchronized (listedSeen) {
      return listedSeen.stream().filter(k -> !listedFailed.contains(k)).toList();
    }
  }

  /** Unlisted failures in file order, at most {@link #MAX_KEPT_FAILURES}. */
  public List<Failure> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  /** The first unlisted {@code statement error} that succeeded, or null. */
  public String firstStatementFailure() {
    return firstStatementFailure.get();
  }

  /** The unlisted {@code statement ok} whose failure ended the file (with its SQLSTATE and message), or null. */
  public String failedStatementOk() {
    return failedStatementOk.get();
  }
}
