package io.shaledb.server.cli;

import io.shaledb.server.ShaleVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code shale version}. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = ShaleMain.Version.class, description = "Print the version.")
final class VersionCommand implements Callable<Integer> {
  private final CliContext ctx;

  VersionCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    ctx.out().println("ShaleDB " + ShaleVersion.version());
    ctx.out().flush();
    return 0;
  }
}
