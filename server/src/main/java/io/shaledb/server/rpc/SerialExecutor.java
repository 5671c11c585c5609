package io.shaledb.server.rpc;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared executor. Each client stream owns
 * one, so a stream's requests never run concurrently while many streams share a small pool, and
 * at most one task per stream waits in the pool's queue.
 *
 * <p>A stream alone on its transport thread runs its tasks on that thread instead: when
 * {@code runHere} is true at the moment a task finds the executor idle, the submitting thread
 * runs it and every task queued meanwhile (a task that submits another, as answering a request
 * and asking for the next one does, queues it rather than nesting). Otherwise the tasks go to the
 * shared pool. Either way only one thread runs this executor's tasks at a time.
 *
 * <p>Thread-safe. A task that throws is logged and does not stop later tasks. Tasks submitted after
 * the shared executor rejects work are dropped (the node is shutting down).
 */
final class SerialExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor pool;
  private final BooleanSupplier runHere;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private boolean scheduled; // guarded by this: a drain is queued in the pool or running somewhere

  SerialExecutor(Executor pool) {
    this(pool, () -> false);
  }

  /**
   * @param runHere whether the thread submitting a task to an idle executor may run it itself
   */
  SerialExecutor(Executor pool, BooleanSupplier runHere) {
    this.pool = pool;
    this.runHere = runHere;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      queue.add(task);
      if (scheduled) {
        return;
      }
      scheduled = true;
    }
    if (runHere.getAsBoolean()) {
      drainHere();
    } else {
      schedule();
    }
  }

  /** Whether no task is running or waiting. */
  synchronized boolean idle() {
    return !scheduled;
  }

  private void schedule() {
    try {
      pool.execute(this::drain);
    } catch (RejectedExecutionException e) {
      synchronized (this) {
        LOG.debug("executor shut down; dropping {} queued task(s)", queue.size());
        queue.clear();
        scheduled = false;
      }
    }
  }

  private void drain() {
    // Run a bounded number of tasks, then yield the pool thread so other streams get a turn.
    if (!runQueued(16)) {
      schedule();
    }
  }

  /** Runs every queued task on the calling thread, including those queued while it runs. */
  private void drainHere() {
    runQueued(Integer.MAX_VALUE);
  }

  /** Runs up to {@code max} queued tasks; true if the queue ran empty (nothing scheduled then). */
  private boolean runQueued(int max) {
    for (int i = 0; i < max; i++) {
      Runnable next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          scheduled = false;
          return true;
        }
      }
      run(next);
    }
    return false;
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.error("task failed on a session stream", e);
    }
  }
}
