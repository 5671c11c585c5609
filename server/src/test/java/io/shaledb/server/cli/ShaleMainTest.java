package io.shaledb.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.server.FakeSqlEngine;
import io.shaledb.server.ServerSetting;
import io.shaledb.server.ShaleVersion;
import io.shaledb.server.WireClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI, run in-process with captured streams and a fake SQL engine. */
class ShaleMainTest {
  @TempDir Path tmp;
  final FakeSqlEngine engine = new FakeSqlEngine();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final List<Thread> hooks = new ArrayList<>();
  String stdin = "";

  private final CliContext.ShutdownHooks recordingHooks = new CliContext.ShutdownHooks() {
    @Override
    public synchronized void register(Thread hook) {
      hooks.add(hook);
    }

    @Override
    public synchronized void unregister(Thread hook) {
      hooks.remove(hook);
    }
  };

  private int run(String... args) {
    CliContext ctx = new CliContext(engine.opener(),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, false, recordingHooks);
    return new ShaleMain(ctx).run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    assertEquals(0, run("version"));
    assertEquals("ShaleDB " + ShaleVersion.version() + "\n", out());
    assertTrue(ShaleVersion.version().matches("\\d+\\.\\d+\\.\\d+.*"), ShaleVersion.version());
  }

  @Test
  void topLevelHelpListsTheCommands() {
    assertEquals(0, run("--help"));
    for (String cmd : List.of("demo", "start", "sql", "version")) {
      assertTrue(out().contains("  " + cmd), out());
    }
  }

  @Test
  void startHelpDocumentsEverySettingFromTheRegistry() {
    assertEquals(0, run("start", "--help"));
    String help = out().replaceAll("\\s+", " ");
    for (ServerSetting s : ServerSetting.values()) {
      assertTrue(help.contains("--" + s.cliName()), s + " missing from: " + help);
      assertTrue(help.contains(s.doc().replaceAll("\\s+", " ")), s.doc());
    }
    assertTrue(help.contains("Default: 127.0.0.1:26257"), help);
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("start", "--bogus"));
    assertTrue(err().contains("Unknown option: '--bogus'"), err());
  }

  @Test
  void multiNodeDemoIsRefusedHonestly() {
    assertEquals(2, run("demo", "--nodes", "3"));
    assertTrue(err().contains("multi-node demo needs replication (not built yet)"), err());
    assertEquals(0, engine.opened.get());
  }

  @Test
  void startRejectsABadListenAddress() {
    assertEquals(2, run("start", "--store", tmp.toString(), "--listen", "nowhere"));
    assertTrue(err().contains("--listen must be HOST:PORT"), err());
  }

  @Test
  void startServesUntilTheShutdownHookRuns() throws Exception {
    Path store = tmp.resolve("store");
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(
        "start", "--store", store.toString(), "--listen", "127.0.0.1:0",
        "--shutdown-grace", "1s", "--max-statement-bytes", "64"));
    Pattern listening = Pattern.compile("node listening on 127\\.0\\.0\\.1:(\\d+)\n");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Matcher m = listening.matcher(out());
    while (!m.find()) {
      assertTrue(System.nanoTime() < deadline, "no listening line; stderr: " + err());
      assertTrue(!exit.isDone(), "start exited early: " + err());
      Thread.sleep(10);
      m = listening.matcher(out());
    }
    assertTrue(Files.isDirectory(store));
    try (WireClient c = new WireClient(Integer.parseInt(m.group(1)))) {
      c.hello("defaultdb");
      ServerMessage hello = c.next();
      assertEquals(64, hello.getHelloOk().getMaxStatementBytes(), "setting reached the node");
      c.execute("SELECT '" + "x".repeat(60) + "'");
      assertEquals("54000", c.next().getError().getSqlstate());
    }
    Thread hook;
    synchronized (recordingHooks) {
      assertEquals(1, hooks.size());
      hook = hooks.get(0);
    }
    hook.start(); // what SIGTERM does
    assertEquals(0, exit.get(20, TimeUnit.SECONDS));
    hook.join(10_000);
    assertTrue(engine.engineClosed);
  }

  @Test
  void sqlRunsStatementsFromExecuteOptionsAsTsv() {
    int code = run("sql", "--url", "jdbc:hsqldb:mem:cli1", "-u", "SA",
        "-e", "CREATE TABLE t (x INT); INSERT INTO t VALUES (7)",
        "-e", "SELECT x FROM t");
    assertEquals(0, code, err());
    assertEquals("X\n7\n", out());
    assertEquals("CREATE TABLE\nINSERT 0 1\n", err());
  }

  @Test
  void sqlStopsAtTheFirstErrorWithExitCodeOne() {
    int code = run("sql", "--url", "jdbc:hsqldb:mem:cli2", "-u", "SA", "--format", "csv",
        "-e", "SELECT 1 AS a FROM (VALUES(0))", "-e", "SELECT nope FROM nowhere",
        "-e", "SELECT 2 AS b FROM (VALUES(0))");
    assertEquals(1, code);
    assertEquals("A\n1\n", out());
    assertTrue(err().startsWith("ERROR: "), err());
    assertTrue(err().contains("SQLSTATE: 42501"), err());
  }

  @Test
  void sqlRunsAFileAndReadsStandardInputWhenNotATerminal() throws Exception {
    Path script = tmp.resolve("s.sql");
    Files.writeString(script, "SELECT 'from file' AS src FROM (VALUES(0));\n");
    assertEquals(0, run("sql", "--url", "jdbc:hsqldb:mem:cli3", "-u", "SA", "-f",
        script.toString()));
    stdin = "SELECT 'from stdin' AS src FROM (VALUES(0));\n";
    assertEquals(0, run("sql", "--url", "jdbc:hsqldb:mem:cli3", "-u", "SA"));
    assertEquals("SRC\nfrom file\nSRC\nfrom stdin\n", out());
  }

  @Test
  void sqlReportsAnUnreachableServer() {
    assertEquals(2, run("sql", "--url", "jdbc:nosuchdriver://x", "-e", "SELECT 1"));
    assertTrue(err().startsWith("ERROR: could not connect to jdbc:nosuchdriver://x"), err());
  }

  @Test
  void demoRunsStatementsThroughTheDriverAndDeletesItsStore() {
    List<Path> stores = new ArrayList<>();
    CliContext ctx = new CliContext(config -> {
          stores.add(config.storeDir());
          return engine.opener().open(config);
        },
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, false, recordingHooks);
    int code = new ShaleMain(ctx).run("demo", "-e", "SELECT 1", "-e", "ROWS 3");
    assertEquals(0, code, err());
    assertEquals("?column?\n1\ni\ts\n0\trow-0\n1\trow-1\n2\trow-2\n", out());
    assertEquals(1, stores.size());
    assertTrue(!Files.exists(stores.get(0)), "demo store deleted on exit");
    assertTrue(hooks.isEmpty(), "cleanup hook removed after a normal exit");
    assertTrue(engine.engineClosed);
    assertEquals(engine.opened.get(), engine.closed.get(), "every session closed");
  }

  @Test
  void demoExitsNonZeroOnTheFirstError() {
    int code = run("demo", "--format", "csv", "-e", "SELECT 1; FAIL 42P01 no such table; SELECT 1");
    assertEquals(1, code);
    assertEquals("?column?\n1\n", out());
    assertTrue(err().contains("ERROR: no such table"), err());
    assertTrue(err().contains("SQLSTATE: 42P01"), err());
  }

  @Test
  void databaseIsTakenFromTheShaleUrl() {
    assertEquals("shop", SqlCommand.databaseOf("jdbc:shale://h:1,h:2/shop?x=y"));
    assertEquals("defaultdb", SqlCommand.databaseOf("jdbc:shale://h:1"));
    assertEquals("defaultdb", SqlCommand.databaseOf("jdbc:hsqldb:mem:x"));
  }
}
