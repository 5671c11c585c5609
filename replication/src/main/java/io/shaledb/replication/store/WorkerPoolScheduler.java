package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed pool of daemon worker threads. Each worker repeatedly takes up to {@code maxBatch}
 * runnable ranges (oldest first) and processes them together, so one worker's batch shares one
 * synced log write; the {@link RaftScheduler} guarantees hold across workers. Workers sleep
 * while nothing is runnable. A processor exception is logged and the worker continues.
 */
public final class WorkerPoolScheduler implements RaftScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPoolScheduler.class);

    /** Default worker count: our machines have two cores. */
    public static final int DEFAULT_WORKERS = 2;
    /** Default upper bound on the ranges of one batch. */
    public static final int DEFAULT_MAX_BATCH = 128;

    private final String name;
    private final int workers;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    // Guarded by lock.
    private final RangeQueue queue = new RangeQueue();
    private final List<Thread> threads = new ArrayList<>();
    private boolean started;
    private boolean closed;

    /**
     * @param name     prefix of the worker thread names
     * @param workers  number of worker threads, {@code >= 1}
     * @param maxBatch ranges per batch at most, {@code >= 1}
     */
    public WorkerPoolScheduler(String name, int workers, int maxBatch) {
        if (workers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("workers and maxBatch must be >= 1: " + workers + ", " + maxBatch);
        }
        this.name = name;
        this.workers = workers;
        this.maxBatch = maxBatch;
    }

    /** {@link #DEFAULT_WORKERS} workers, batches of at most {@link #DEFAULT_MAX_BATCH}. */
    public WorkerPoolScheduler(String name) {
        this(name, DEFAULT_WORKERS, DEFAULT_MAX_BATCH);
    }

    @Override
    public void start(RangeProcessor processor) {
        lock.lock();
        try {
            if (started || closed) {
                throw new IllegalStateException("scheduler " + name + " already started or closed");
            }
            started = true;
            for (int i = 0; i < workers; i++) {
                Thread t = new Thread(() -> runWorker(processor), name + "-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void enqueue(RangeId range) {
        lock.lock();
        try {
            if (!closed && queue.enqueue(range)) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void runWorker(RangeProcessor processor) {
        List<RangeId> batch = List.of();
        while (true) {
            lock.lock();
            try {
                if (closed) {
                    return; // the queue was cleared: nothing to finish
                }
                if (!batch.isEmpty()) {
                    int again = queue.finish(batch);
                    for (int i = 0; i < again && i < workers; i++) {
                        work.signal();
                    }
                }
                while (!closed && !queue.hasRunnable()) {
                    work.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                batch = queue.take(maxBatch);
                if (queue.hasRunnable()) {
                    work.signal(); // more than one batch waiting: wake a colleague
                }
            } finally {
                lock.unlock();
            }
            try {
                processor.process(batch);
            } catch (RuntimeException | Error e) {
                LOG.error("{}: processing {} ranges failed", Thread.currentThread().getName(), batch.size(), e);
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            work.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread t : threads) {
            if (t == Thread.currentThread()) {
                continue; // closed from a processor callback: this worker exits on return
            }
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "WorkerPoolScheduler[" + name + ", " + workers + " workers, batch " + maxBatch + "]";
    }
}
