package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import java.util.List;

/**
 * Decides which thread processes which ranges, and when. A {@link Store} enqueues a range
 * whenever it has work (a tick, an inbound message, a proposal); the scheduler later hands
 * batches of enqueued ranges to the store's {@link RangeProcessor}.
 *
 * <p><b>Guarantees every implementation gives:</b> a range is in at most one batch being
 * processed at a time (so at most one thread touches its Raft state); a range enqueued while it
 * is being processed is processed again afterwards (no lost wake-up); a batch holds each range
 * once. Enqueueing a range that is already queued is a no-op.
 *
 * <p>Implementations: {@link WorkerPoolScheduler} (a fixed pool of threads, for real use) and
 * {@link DeterministicScheduler} (runs batches on the caller's thread, for simulations).
 */
public interface RaftScheduler extends AutoCloseable {
    /** Processes a batch of ranges; called by the scheduler, never concurrently for one range. */
    @FunctionalInterface
    interface RangeProcessor {
        void process(List<RangeId> ranges);
    }

    /**
     * Starts handing batches to {@code processor}. Called once, by the store that owns the
     * scheduler.
     *
     * @throws IllegalStateException if already started or closed
     */
    void start(RangeProcessor processor);

    /** Marks {@code range} as having work. Thread-safe, quick, never blocks on processing. */
    void enqueue(RangeId range);

    /**
     * Stops processing and releases every thread: returns once no batch is being processed and
     * none will be. Ranges still queued are dropped. Idempotent.
     */
    @Override
    void close();
}
