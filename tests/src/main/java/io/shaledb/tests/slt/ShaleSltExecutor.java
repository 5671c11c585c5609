package io.shaledb.tests.slt;

import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * Runs sqllogictest files through ShaleDB's JDBC driver. Everything else — parsing the test file,
 * converting, sorting and hashing results, dropping tables between files — is the harness's own
 * reference code from {@link JdbcExecutor}.
 */
public final class ShaleSltExecutor extends JdbcExecutor {

  /** The executor name passed to the harness with {@code -e}. */
  public static final String NAME = "shale";

  public ShaleSltExecutor(OptionsParser.SuppliedOptions options, String url) {
    super(options, url, "root", "");
  }

  /** Registers this executor under {@link #NAME}, connecting to {@code url} for every file. */
  public static void register(OptionsParser parser, String url) {
    parser.registerExecutor(NAME, () -> new ShaleSltExecutor(parser.getOptions(), url));
  }
}
