package io.shaledb.sql.plan;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Phases of running a statement, with JVM-wide totals of the CPU time spent in them and of their
 * count: diagnostics for the profiling harness ({@code SltProfile}); nothing depends on them.
 *
 * <p>Recording is off unless the JVM runs with {@code -Dshale.phases=true}. Reading a thread's CPU
 * time is a system call ({@code clock_gettime(CLOCK_THREAD_CPUTIME_ID)}, not served by the vDSO),
 * and a short query crosses about a dozen phase marks: left on, they cost a server about 15% of its
 * CPU per query. Thread-safe.
 */
public enum PlanPhase {
  /** Calcite's parser. */
  PARSE,
  /** Creating a planner (schema, catalog reader, optimiser and its rules). */
  SETUP,
  /** SQL validation. */
  VALIDATE,
  /** SqlNode to RelNode conversion and the rewrites after it. */
  TO_REL,
  /** Cost-based or heuristic optimisation into physical operators. */
  OPTIMIZE,
  /** Heuristic optimisation and compilation into an interpreted plan (tried before OPTIMIZE). */
  HEURISTIC,
  /** Turning the physical plan into something executable (code generation and compilation). */
  IMPLEMENT,
  /** Running a plan (binding, reading rows, evaluating expressions). */
  EXECUTE,
  /** Statements that never reach the planner (literal INSERTs, DDL). */
  DIRECT,
  /** Transaction commit. */
  COMMIT;

  private final LongAdder nanos = new LongAdder();
  private final LongAdder count = new LongAdder();

  /** Whether phases are recorded; read once, so that the JIT drops the marks when off. */
  private static final boolean ENABLED = Boolean.getBoolean("shale.phases");

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** The calling thread's CPU time (nanoseconds): phases are measured in CPU time, not wall time. */
  private static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** A start mark for {@link #end}; 0 when recording is off. */
  public static long start() {
    return ENABLED ? now() : 0;
  }

  /** Adds the calling thread's CPU time since {@code startNanos} to this phase, when recording. */
  public void end(long startNanos) {
    if (!ENABLED) {
      return;
    }
    nanos.add(now() - startNanos);
    count.increment();
  }

  public long nanos() {
    return nanos.sum();
  }

  public long count() {
    return count.sum();
  }

  /** Zeroes every phase. */
  public static void reset() {
    for (PlanPhase p : values()) {
      p.nanos.reset();
      p.count.reset();
    }
  }

  /** One line per phase that ran: count, total and mean milliseconds. */
  public static String report() {
    StringBuilder b = new StringBuilder();
    for (PlanPhase p : values()) {
      long n = p.count();
      if (n > 0) {
        b.append(String.format(Locale.ROOT, "  %-9s n=%6d  %9.1f ms  %7.3f ms each%n", p, n,
            p.nanos() / 1e6, p.nanos() / 1e6 / n));
      }
    }
    return b.toString();
  }
}
