package io.shaledb.server.cli;

import io.shaledb.server.SqlLayer;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * What the commands get from their surroundings, injected so tests can run them in-process:
 * the SQL layer to start nodes with, the standard streams, whether they are terminals, and
 * where shutdown hooks go.
 *
 * @param opener opens a node's SQL layer ({@code LocalSqlLayer::open} in production)
 * @param stdinIsTerminal whether standard input is a terminal (else scripts are read from it)
 * @param stdoutIsTerminal whether standard output is a terminal (table format by default)
 */
public record CliContext(SqlLayer.Opener opener, InputStream in, PrintStream out, PrintStream err,
    boolean stdinIsTerminal, boolean stdoutIsTerminal, ShutdownHooks hooks) {

  /** Registers work to run when the process is asked to stop (SIGTERM, SIGINT). */
  public interface ShutdownHooks {
    void register(Thread hook);

    /** Removes a hook that is no longer needed; harmless once shutdown has begun. */
    void unregister(Thread hook);

    ShutdownHooks RUNTIME = new ShutdownHooks() {
      @Override
      public void register(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
      }

      @Override
      public void unregister(Thread hook) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is already running or has run
        }
      }
    };
  }
}
