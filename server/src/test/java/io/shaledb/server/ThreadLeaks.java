package io.shaledb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a component left no non-daemon thread behind: take a {@link #snapshot()} before
 * starting it, close it, then {@link #assertNoneLeftSince}. Threads get a grace period to finish
 * (polled with a deadline), since executors end their workers asynchronously.
 */
final class ThreadLeaks {
  private ThreadLeaks() {}

  /** The live non-daemon threads now. */
  static Set<Thread> snapshot() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .collect(Collectors.toSet());
  }

  /** Fails, naming them, if non-daemon threads absent from {@code before} are still alive after {@code grace}. */
  static void assertNoneLeftSince(Set<Thread> before, Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    Set<String> leaked;
    do {
      Set<Thread> now = snapshot();
      now.removeAll(before);
      leaked = now.stream().map(Thread::getName).collect(Collectors.toSet());
      if (leaked.isEmpty()) {
        return;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    assertEquals(Set.of(), leaked, "threads left running after close");
  }
}
