package io.shaledb.server.cli;

import io.shaledb.server.ShaleVersion;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shale sql}: the SQL shell against a running node (or any JDBC URL). */
@Command(name = "sql", mixinStandardHelpOptions = true, versionProvider = ShaleMain.Version.class,
    description = "Open the SQL shell on a running node.")
final class SqlCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--url", paramLabel = "JDBC_URL",
      defaultValue = "jdbc:shale://127.0.0.1:26257/defaultdb",
      description = "Where to connect. Default: ${DEFAULT-VALUE}")
  String url;

  @Option(names = {"-u", "--user"}, defaultValue = "root", description = "User name. Default: ${DEFAULT-VALUE}")
  String user;

  @Mixin ShellArgs shellArgs;

  SqlCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    Connection conn;
    try {
      conn = DriverManager.getConnection(url, user, "");
    } catch (SQLException e) {
      ctx.err().println("ERROR: could not connect to " + url + ": " + e.getMessage());
      return 2;
    }
    try (conn) {
      String db = databaseOf(url);
      return shellArgs.run(ctx, conn, db, "ShaleDB shell " + ShaleVersion.version()
          + ", connected to " + url + ". Type \\? for help, \\q to quit.");
    }
  }

  /** The database part of a {@code jdbc:shale://hosts/DB?options} URL, else "defaultdb". */
  static String databaseOf(String url) {
    String prefix = "jdbc:shale://";
    if (!url.startsWith(prefix)) {
      return "defaultdb";
    }
    String rest = url.substring(prefix.length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return "defaultdb";
    }
    String db = rest.substring(slash + 1);
    int q = db.indexOf('?');
    db = q < 0 ? db : db.substring(0, q);
    return db.isEmpty() ? "defaultdb" : db;
  }
}
