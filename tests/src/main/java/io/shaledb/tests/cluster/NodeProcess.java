package io.shaledb.tests.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ShaleDB node in its own JVM ({@code shale start}), for tests that need a real process: kill -9,
 * SIGSTOP, restarts on the same store. It runs with this JVM's class path, so it is the code under
 * test, not a previously built launcher.
 *
 * <p>{@link #start} returns once the node printed its "node listening on HOST:PORT" line. Every
 * process is killed by {@link #close()}; a test that forgets still does not leak it past the JVM
 * thanks to a shutdown hook.
 */
public final class NodeProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("node listening on ([0-9.]+):(\\d+)");
  private static final int MAX_LOG_LINES = 2_000;

  private final Process process;
  private final String host;
  private final int port;
  private final List<String> log;
  private final Thread reaper;

  private NodeProcess(Process process, String host, int port, List<String> log) {
    this.process = process;
    this.host = host;
    this.port = port;
    this.log = log;
    this.reaper = new Thread(process::destroyForcibly, "node-process-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts {@code shale start --store store --listen 127.0.0.1:0} and waits for it to listen.
   *
   * @throws IllegalStateException if it exits or does not listen within {@code timeout}; the
   *     message holds its output
   */
  public static NodeProcess start(Path store, Duration timeout) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.shaledb.server.cli.ShaleMain");
    cmd.add("start");
    cmd.add("--store");
    cmd.add(store.toString());
    cmd.add("--listen");
    cmd.add("127.0.0.1:0");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Matcher> listening = new CompletableFuture<>();
    Thread pump = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (log.size() < MAX_LOG_LINES) {
            log.add(line);
          }
          Matcher m = LISTENING.matcher(line);
          if (!listening.isDone() && m.find()) {
            listening.complete(m);
          }
        }
      } catch (IOException ignored) {
        // the process went away; waiters see it through the future or exit status
      }
      listening.completeExceptionally(new IllegalStateException("node exited before listening"));
    }, "node-process-output");
    pump.setDaemon(true);
    pump.start();
    try {
      Matcher m = listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new NodeProcess(p, m.group(1), Integer.parseInt(m.group(2)), log);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting node", e);
    } catch (ExecutionException | TimeoutException e) {
      p.destroyForcibly();
      throw new IllegalStateException("node did not start within " + timeout + "; output:\n" + String.join("\n", log), e);
    }
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** The JDBC URL of this node's database {@code db}. */
  public String jdbcUrl(String db) {
    return "jdbc:shale://" + host + ":" + port + "/" + db;
  }

  /** SIGKILL: no shutdown hook, no flush. Waits until the process is gone. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("node " + pid() + " survived SIGKILL for 30 s");
    }
  }

  /** SIGTERM and wait for a clean exit; returns the exit code. */
  public int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      throw new IllegalStateException("node did not stop within " + timeout + "; output:\n" + output());
    }
    return process.exitValue();
  }

  /** What the node printed so far (bounded). */
  public String output() {
    synchronized (log) {
      return String.join("\n", log);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill9();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException ignored) {
      // already shutting down
    }
  }
}
