package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import java.util.List;

/**
 * Processes batches only when asked, on the calling thread, in FIFO order: with the same inputs
 * the same batches run in the same order. For simulations and tests that drive time and
 * message delivery themselves.
 */
public final class DeterministicScheduler implements RaftScheduler {
    private final int maxBatch;
    private final RangeQueue queue = new RangeQueue(); // guarded by this
    private RangeProcessor processor;
    private boolean closed;
    private long batches;

    /** @param maxBatch ranges per batch at most, {@code >= 1} */
    public DeterministicScheduler(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1: " + maxBatch);
        }
        this.maxBatch = maxBatch;
    }

    public DeterministicScheduler() {
        this(WorkerPoolScheduler.DEFAULT_MAX_BATCH);
    }

    @Override
    public synchronized void start(RangeProcessor p) {
        if (processor != null || closed) {
            throw new IllegalStateException("already started or closed");
        }
        processor = p;
    }

    @Override
    public synchronized void enqueue(RangeId range) {
        if (!closed) {
            queue.enqueue(range);
        }
    }

    /**
     * Processes one batch if any range is runnable.
     *
     * @return whether a batch ran
     */
    public boolean runOnce() {
        List<RangeId> batch;
        RangeProcessor p;
        synchronized (this) {
            if (closed || processor == null || !queue.hasRunnable()) {
                return false;
            }
            batch = queue.take(maxBatch);
            p = processor;
            batches++;
        }
        try {
            p.process(batch);
        } finally {
            synchronized (this) {
                if (!closed) {
                    queue.finish(batch);
                }
            }
        }
        return true;
    }

    /**
     * Processes batches until nothing is runnable (work enqueued by the processing itself
     * included).
     *
     * @return the number of batches run
     * @throws IllegalStateException if more than {@code 1_000_000} batches run (a livelock)
     */
    public int runUntilIdle() {
        int n = 0;
        while (runOnce()) {
            if (++n > 1_000_000) {
                throw new IllegalStateException("no idle state after " + n + " batches");
            }
        }
        return n;
    }

    /** Whether some range is waiting to be processed. */
    public synchronized boolean hasWork() {
        return !closed && queue.hasRunnable();
    }

    /** Batches run so far. */
    public synchronized long batches() {
        return batches;
    }

    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
    }
}
