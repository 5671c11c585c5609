package io.shaledb.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

/** Ctrl-C while a statement runs cancels that statement, and the session goes on. */
class ShellCancelTest {
  final CountDownLatch executing = new CountDownLatch(1);
  final CountDownLatch cancelled = new CountDownLatch(1);

  /** A connection whose statements block in execute() until cancel() is called. */
  private Connection blockingConnection() {
    Statement st = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Statement.class}, (proxy, method, args) -> switch (method.getName()) {
          case "execute" -> {
            executing.countDown();
            if (!cancelled.await(20, TimeUnit.SECONDS)) {
              throw new AssertionError("never cancelled");
            }
            throw new SQLException("canceling statement due to user request", "57014");
          }
          case "cancel" -> {
            cancelled.countDown();
            yield null;
          }
          case "close" -> null;
          default -> throw new UnsupportedOperationException(method.getName());
        });
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
          case "createStatement" -> st;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void interruptCancelsTheRunningStatement() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Shell shell = new Shell(blockingConnection(), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), ShellOptions.of(OutputFormat.TABLE));
    try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
        new ByteArrayInputStream("SELECT slow;\n\\q\n".getBytes(StandardCharsets.UTF_8)), screen,
        StandardCharsets.UTF_8)) {
      CompletableFuture<Integer> session =
          CompletableFuture.supplyAsync(() -> shell.runInteractive(terminal));
      assertTrue(executing.await(20, TimeUnit.SECONDS));
      terminal.raise(Terminal.Signal.INT); // what Ctrl-C does
      int code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> session.get());
      assertEquals(0, code);
    }
    assertEquals("ERROR: canceling statement due to user request\nSQLSTATE: 57014\n",
        err.toString(StandardCharsets.UTF_8));
  }
}
