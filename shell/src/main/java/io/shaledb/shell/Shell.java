package io.shaledb.shell;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The SQL shell over one JDBC connection: runs scripts ({@link #runScript}) or an interactive
 * JLine session ({@link #runInteractive}).
 *
 * <p>Output contract: result sets go to standard output in the configured {@link OutputFormat};
 * command tags ("INSERT 0 1") go to standard output in TABLE format and to standard error
 * otherwise; errors ("ERROR: message" then "SQLSTATE: code"), timings ("Time: 1.234 ms") and
 * notices always go to standard error. So in TSV and CSV formats standard output holds only
 * result sets. Scripts stop at the first error with exit code 1; interactive sessions continue.
 *
 * <p>Backslash commands: {@code \q} quit, {@code \?} help, {@code \dt} and {@code \d} list
 * tables, {@code \d NAME} describe a table, {@code \timing [on|off]} toggle timing,
 * {@code \c DB} switch database. In interactive sessions Ctrl-C while a statement runs cancels
 * it ({@link Statement#cancel()}); at the prompt it discards the line. Not thread-safe (except
 * for that cancel); the connection stays owned by the caller.
 */
public final class Shell {
  static final String HELP = String.join("\n",
      "General",
      "  \\q               quit",
      "  \\?               this help",
      "  \\timing [on|off] show how long each statement takes",
      "  \\c DATABASE      connect to another database",
      "Catalog",
      "  \\dt, \\d          list tables",
      "  \\d NAME          describe a table: columns and indexes",
      "SQL",
      "  statements end with ; and may span lines",
      "");

  private enum Outcome { OK, ERROR, QUIT }

  private final Connection conn;
  private final PrintWriter stdout;
  private final PrintWriter err;
  private final SchemaNames names;
  private final OutputFormat format;
  private final ShellOptions options;
  private PrintWriter out;
  private volatile Statement running; // the statement executing now, for Ctrl-C
  private boolean timing;
  private String database;

  public Shell(Connection conn, PrintStream out, PrintStream err, ShellOptions options) {
    this.conn = conn;
    this.stdout = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    this.out = stdout;
    this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    this.names = new SchemaNames(conn);
    this.format = options.format();
    this.options = options;
    this.timing = options.timing();
    this.database = options.database();
  }

  /**
   * Runs every statement and backslash command of {@code script}; a final statement without
   * {@code ;} runs too.
   *
   * @return 0 if all succeeded (or {@code \q} was reached), 1 after the first failure
   */
  public int runScript(Reader script) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buf = new char[8192];
    for (int n; (n = script.read(buf)) >= 0; ) {
      text.append(buf, 0, n);
    }
    SqlScanner.Scan scan = SqlScanner.scan(text.toString());
    for (SqlScanner.Piece p : scan.pieces()) {
      Outcome o = run(p);
      if (o == Outcome.ERROR) {
        return 1;
      }
      if (o == Outcome.QUIT) {
        return 0;
      }
    }
    if (scan.tailHasContent() || scan.tailOpen()) {
      Outcome o = run(new SqlScanner.Piece(SqlScanner.Piece.Kind.STATEMENT, scan.tail().trim()));
      return o == Outcome.ERROR ? 1 : 0;
    }
    return 0;
  }

  /**
   * Reads requests from {@code terminal} until {@code \q} or end of input (Ctrl-D); Ctrl-C
   * discards the line being typed. Results are written to the terminal.
   *
   * @return 0
   */
  public int runInteractive(Terminal terminal) {
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("shale")
        .parser(new SqlLineParser())
        .completer(new SqlCompleter(names))
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .option(LineReader.Option.AUTO_FRESH_LINE, true);
    if (options.historyFile() != null) {
      builder.variable(LineReader.HISTORY_FILE, options.historyFile());
    }
    LineReader reader = builder.build();
    out = terminal.writer();
    // Outside readLine (which handles Ctrl-C itself), Ctrl-C cancels the running statement
    // instead of ending the process.
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> cancelRunning());
    try {
      while (true) {
        String prompt = database + "> ";
        reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, continuationPrompt(prompt));
        String text;
        try {
          text = reader.readLine(prompt);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return 0;
        }
        for (SqlScanner.Piece p : SqlScanner.scan(text).pieces()) {
          if (run(p) == Outcome.QUIT) {
            return 0;
          }
        }
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        err.println("WARNING: could not save history: " + e.getMessage());
      }
      out.flush();
      out = stdout;
    }
  }

  /** "       -> " right-aligned under the prompt's "> ". */
  static String continuationPrompt(String prompt) {
    return " ".repeat(Math.max(0, prompt.length() - 3)) + "-> ";
  }

  private Outcome run(SqlScanner.Piece p) {
    return p.kind() == SqlScanner.Piece.Kind.BACKSLASH ? backslash(p.text()) : statement(p.text());
  }

  private void cancelRunning() {
    Statement st = running;
    if (st != null) {
      try {
        st.cancel();
      } catch (SQLException | RuntimeException e) {
        err.println("WARNING: could not cancel the statement: " + e.getMessage());
      }
    }
  }

  private Outcome statement(String sql) {
    long start = System.nanoTime();
    try (Statement st = conn.createStatement()) {
      running = st;
      boolean isResultSet = st.execute(sql);
      while (true) {
        if (isResultSet) {
          try (ResultSet rs = st.getResultSet()) {
            TableRenderer.render(ResultText.read(rs), format, out);
          }
        } else {
          long count = st.getUpdateCount();
          if (count < 0) {
            break;
          }
          tag(CommandTags.of(sql, count));
        }
        isResultSet = st.getMoreResults();
        if (!isResultSet && st.getUpdateCount() < 0) {
          break;
        }
      }
      if (CommandTags.isDdl(sql)) {
        names.invalidate();
      }
      return Outcome.OK;
    } catch (SQLException e) {
      error(e.getMessage(), e.getSQLState());
      return Outcome.ERROR;
    } finally {
      running = null;
      if (timing) {
        double ms = (System.nanoTime() - start) / 1e6;
        err.println(String.format(Locale.ROOT, "Time: %.3f ms", ms));
      }
      out.flush();
    }
  }

  private Outcome backslash(String text) {
    String[] parts = text.trim().split("\\s+", 2);
    String cmd = parts[0];
    String arg = parts.length > 1 ? parts[1].trim() : "";
    try {
      switch (cmd) {
        case "\\q":
          return Outcome.QUIT;
        case "\\?":
          out.print(HELP);
          out.flush();
          return Outcome.OK;
        case "\\timing":
          timing = arg.isEmpty() ? !timing : arg.equalsIgnoreCase("on");
          if (!arg.isEmpty() && !arg.equalsIgnoreCase("on") && !arg.equalsIgnoreCase("off")) {
            return error("\\timing: expected on or off, got \"" + arg + "\"", null);
          }
          notice("Timing is " + (timing ? "on." : "off."));
          return Outcome.OK;
        case "\\dt":
        case "\\d":
          if (arg.isEmpty()) {
            TableRenderer.render(Describe.tables(conn), format, out);
            return Outcome.OK;
          }
          return describe(arg);
        case "\\c":
        case "\\connect":
          if (arg.isEmpty()) {
            return error("\\c: database name required", null);
          }
          conn.setCatalog(arg);
          database = arg;
          names.invalidate();
          notice("You are now connected to database \"" + arg + "\".");
          return Outcome.OK;
        default:
          return error("invalid command " + cmd + ". Try \\? for help.", null);
      }
    } catch (SQLException e) {
      return error(e.getMessage(), e.getSQLState());
    }
  }

  private Outcome describe(String name) throws SQLException {
    Describe.Table t = Describe.table(conn, name);
    if (t == null) {
      return error("Did not find any relation named \"" + name + "\".", null);
    }
    if (format.tagsOnStdout()) {
      out.println("Table \"" + t.name() + "\"");
    }
    TableRenderer.render(t.columns(), format, out);
    if (!t.indexes().rows().isEmpty()) {
      if (format.tagsOnStdout()) {
        out.println("Indexes:");
      }
      TableRenderer.render(t.indexes(), format, out);
    }
    return Outcome.OK;
  }

  private void tag(String tag) {
    if (format.tagsOnStdout()) {
      out.println(tag);
      out.flush();
    } else {
      err.println(tag);
    }
  }

  private void notice(String text) {
    err.println(text);
  }

  private Outcome error(String message, String sqlState) {
    out.flush();
    err.println("ERROR: " + message);
    if (sqlState != null) {
      err.println("SQLSTATE: " + sqlState);
    }
    return Outcome.ERROR;
  }
}
