package io.shaledb.server.cli;

import io.shaledb.server.Node;
import io.shaledb.server.NodeConfig;
import io.shaledb.server.ServerSetting;
import io.shaledb.server.ShaleVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shale demo}: a throw-away node on a temporary store, with the shell attached. The store
 * is deleted on exit, including on Ctrl-C / SIGTERM (through a shutdown hook).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = ShaleMain.Version.class,
    description = "Start a temporary in-process node and open the SQL shell on it.")
final class DemoCommand implements Callable<Integer> {
  static final EnumSet<ServerSetting> SETTINGS = EnumSet.of(
      ServerSetting.MAX_STATEMENT_BYTES, ServerSetting.SQL_WORKERS, ServerSetting.SQL_IO_THREADS);
  static final String DATABASE = "defaultdb";

  private final CliContext ctx;
  @Spec CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "1",
      description = "Number of nodes. Only 1 for now. Default: ${DEFAULT-VALUE}")
  int nodes;

  @Mixin ShellArgs shellArgs;

  DemoCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    if (nodes != 1) {
      ctx.err().println("ERROR: multi-node demo needs replication (not built yet); "
          + "use --nodes 1");
      return 2;
    }
    Path store = Files.createTempDirectory("shale-demo-");
    NodeConfig config;
    try {
      config = NodeConfig.from(s -> switch (s) {
        case STORE -> store.toString();
        case LISTEN -> "127.0.0.1:0";
        default -> SETTINGS.contains(s) ? SettingOptions.value(spec, s) : null;
      });
    } catch (IllegalArgumentException e) {
      deleteTree(store);
      ctx.err().println("ERROR: " + e.getMessage());
      return 2;
    }
    Node node;
    try {
      node = Node.start(config, ctx.opener());
    } catch (IOException | RuntimeException e) {
      deleteTree(store);
      ctx.err().println("ERROR: could not start the demo node: " + e.getMessage());
      return 1;
    }
    Runnable cleanup = new Runnable() {
      private boolean done;

      // Runs once: from the shutdown hook (Ctrl-C, SIGTERM, hang-up) or after the shell ends,
      // whichever comes first; the other caller waits for it.
      @Override
      public synchronized void run() {
        if (!done) {
          done = true;
          try {
            node.close();
          } finally {
            deleteTree(store);
          }
        }
      }
    };
    Thread hook = new Thread(cleanup, "shale-demo-cleanup");
    ctx.hooks().register(hook);
    try {
      String url = node.jdbcUrl(DATABASE);
      try (Connection conn = DriverManager.getConnection(url, "root", "")) {
        return shellArgs.run(ctx, conn, DATABASE, "ShaleDB " + ShaleVersion.version()
            + " demo: a temporary single node, deleted on exit.\nConnected to " + url
            + ". Type \\? for help, \\q or Ctrl-D to quit.");
      } catch (SQLException e) {
        ctx.err().println("ERROR: could not connect to the demo node: " + e.getMessage());
        return 1;
      }
    } finally {
      ctx.hooks().unregister(hook);
      cleanup.run();
    }
  }

  /** Deletes {@code dir} and everything under it; missing files are fine. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (e instanceof java.nio.file.NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
