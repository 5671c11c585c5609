package io.shaledb.server.cli;

import io.shaledb.shell.OutputFormat;
import io.shaledb.shell.Shell;
import io.shaledb.shell.ShellOptions;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Option;

/** The shell's command-line options, shared by {@code shale sql} and {@code shale demo}. */
final class ShellArgs {
  @Option(names = {"-e", "--execute"}, paramLabel = "SQL",
      description = "Run these statements (repeatable), then exit; non-zero exit on the first error.")
  List<String> execute = new ArrayList<>();

  @Option(names = {"-f", "--file"}, paramLabel = "FILE",
      description = "Run the statements in FILE, then exit; non-zero exit on the first error.")
  Path file;

  @Option(names = "--format", paramLabel = "table|tsv|csv",
      description = "Result format. Default: table when standard output is a terminal, else tsv.")
  String format;

  @Option(names = "--history-file", paramLabel = "FILE", hidden = true,
      description = "Interactive history file. Default: ~/.shale_sql_history")
  Path historyFile;

  boolean scripted() {
    return !execute.isEmpty() || file != null;
  }

  ShellOptions options(CliContext ctx, String database) {
    OutputFormat f = format != null ? OutputFormat.parse(format)
        : ctx.stdoutIsTerminal() ? OutputFormat.TABLE : OutputFormat.TSV;
    Path history = historyFile != null ? historyFile : ShellOptions.defaultHistoryFile();
    return new ShellOptions(f, database, history, false);
  }

  /**
   * Runs the shell: the -e statements then the -f file; else standard input as a script when it
   * is not a terminal; else interactively (after printing {@code banner} to stderr).
   *
   * @return the shell's exit code
   */
  int run(CliContext ctx, Connection conn, String database, String banner) throws IOException {
    Shell shell = new Shell(conn, ctx.out(), ctx.err(), options(ctx, database));
    if (scripted()) {
      for (String sql : execute) {
        int code = shell.runScript(new StringReader(sql));
        if (code != 0) {
          return code;
        }
      }
      if (file != null) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          return shell.runScript(r);
        }
      }
      return 0;
    }
    if (!ctx.stdinIsTerminal()) {
      return shell.runScript(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
    }
    ctx.err().println(banner);
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      return shell.runInteractive(terminal);
    }
  }
}
