package io.shaledb.sql.plan;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Phases of running a statement, with JVM-wide totals of the CPU time spent in them and of their count (diagnostics: the profiling
 * harness and tests read them; nothing depends on them). Recording costs two {@code nanoTime}
 * calls and two adder increments, negligible next to any phase. Thread-safe.
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

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** The calling thread's CPU time (nanoseconds): phases are measured in CPU time, not wall time. */
  private static long now() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** A start mark for {@link #end}. */
  public static long start() {
    return now();
  }

  /** Adds the calling thread's CPU time since {@code startNanos} to this phase. */
  public void end(long startNanos) {
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
