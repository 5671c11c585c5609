package io.shaledb.tests.slt;

import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.SqlTestQueryOutputDescription;
import net.hydromatic.sqllogictest.TestStatistics;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * Runs sqllogictest files through ShaleDB's JDBC driver. Everything else — parsing the test file,
 * converting, sorting and hashing results, dropping tables between files — is the harness's own
 * reference code from {@link JdbcExecutor}.
 */
public final class ShaleSltExecutor extends JdbcExecutor {

  /** The executor name passed to the harness with {@code -e}. */
  public static final String NAME = "shale";

  private volatile TestStatistics liveStatistics;

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

  /** Registers this executor under {@link #NAME}, connecting to {@code url} for every file. */
  public static void register(OptionsParser parser, String url) {
    parser.registerExecutor(NAME, () -> new ShaleSltExecutor(parser.getOptions(), url));
  }
}
