package io.shaledb.server.rpc;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared executor. Each client stream owns
 * one, so a stream's requests never run concurrently while many streams share a small pool, and
 * at most one task per stream waits in the pool's queue.
 *
 * <p>Thread-safe. A task that throws is logged and does not stop later tasks. Tasks submitted after
 * the shared executor rejects work are dropped (the node is shutting down).
 */
final class SerialExecutor implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor pool;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private boolean scheduled; // guarded by this: a drain task is queued in or running on the pool

  SerialExecutor(Executor pool) {
    this.pool = pool;
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
    schedule();
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
    for (int i = 0; i < 16; i++) {
      Runnable next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          scheduled = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException | Error e) {
        LOG.error("task failed on a session stream", e);
      }
    }
    schedule();
  }
}
