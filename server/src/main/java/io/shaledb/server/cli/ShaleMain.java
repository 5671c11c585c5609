package io.shaledb.server.cli;

import io.shaledb.server.LocalSqlLayer;
import io.shaledb.server.ShaleVersion;
import io.shaledb.server.SqlLayer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code shale} command: {@code demo}, {@code start}, {@code sql} and {@code version}.
 * Exit codes: 0 success, 1 a failed statement or node error, 2 bad usage.
 */
@Command(name = "shale", mixinStandardHelpOptions = true,
    versionProvider = ShaleMain.Version.class,
    description = "ShaleDB: a distributed SQL database.",
    subcommandsRepeatable = false)
public final class ShaleMain implements Callable<Integer> {
  private final CliContext ctx;

  public ShaleMain(CliContext ctx) {
    this.ctx = ctx;
  }

  /** The command line with all subcommands, server settings added as options from the registry. */
  public CommandLine commandLine() {
    CommandLine cl = new CommandLine(this);
    cl.addSubcommand("demo", new DemoCommand(ctx));
    cl.addSubcommand("start", new StartCommand(ctx));
    cl.addSubcommand("sql", new SqlCommand(ctx));
    cl.addSubcommand("version", new VersionCommand(ctx));
    SettingOptions.addTo(cl.getSubcommands().get("start").getCommandSpec(), StartCommand.SETTINGS);
    SettingOptions.addTo(cl.getSubcommands().get("demo").getCommandSpec(), DemoCommand.SETTINGS);
    cl.setOut(new java.io.PrintWriter(ctx.out(), true));
    cl.setErr(new java.io.PrintWriter(ctx.err(), true));
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      ctx.err().println("ERROR: " + e.getMessage());
      return 1;
    });
    return cl;
  }

  /** Parses and runs {@code args}; returns the exit code. */
  public int run(String... args) {
    return commandLine().execute(args);
  }

  @Override
  public Integer call() {
    commandLine().usage(ctx.out());
    return 2;
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("demo")) {
      // The demo is for people at a terminal: only warnings, not the node's INFO chatter.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    CliContext ctx = new CliContext(LocalSqlLayer::open, System.in, System.out, System.err,
        System.console() != null, System.console() != null, CliContext.ShutdownHooks.RUNTIME);
    int code = new ShaleMain(ctx).run(args);
    System.exit(code);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ShaleDB " + ShaleVersion.version()};
    }
  }
}
