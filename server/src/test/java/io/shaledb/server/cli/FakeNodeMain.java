package io.shaledb.server.cli;

import io.shaledb.server.FakeSqlEngine;

/** {@code shale} with a fake SQL engine, for tests that run the CLI as a separate process. */
public final class FakeNodeMain {
  private FakeNodeMain() {}

  public static void main(String[] args) {
    CliContext ctx = new CliContext(new FakeSqlEngine().opener(), System.in, System.out,
        System.err, false, false, CliContext.ShutdownHooks.RUNTIME);
    System.exit(new ShaleMain(ctx).run(args));
  }
}
