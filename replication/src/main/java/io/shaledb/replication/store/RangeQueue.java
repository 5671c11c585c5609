package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping shared by the schedulers: a FIFO of runnable ranges and a state per range.
 *
 * <pre>
 *   (idle) --enqueue--> QUEUED --take--> RUNNING --finish--> (idle)
 *                                           |  enqueue
 *                                           v
 *                                     RUNNING_AGAIN --finish--> QUEUED (back of the FIFO)
 * </pre>
 * A range is never both queued and running, so no two batches hold it at once. Not
 * thread-safe: the owning scheduler guards it with its lock.
 */
final class RangeQueue {
    private enum State { QUEUED, RUNNING, RUNNING_AGAIN }

    private final Map<RangeId, State> states = new HashMap<>();
    private final ArrayDeque<RangeId> runnable = new ArrayDeque<>();

    /** Marks {@code range} as having work; returns true if it became runnable. */
    boolean enqueue(RangeId range) {
        State s = states.get(range);
        if (s == null) {
            states.put(range, State.QUEUED);
            runnable.addLast(range);
            return true;
        }
        if (s == State.RUNNING) {
            states.put(range, State.RUNNING_AGAIN);
        }
        return false;
    }

    /** Removes up to {@code max} runnable ranges, oldest first, and marks them running. */
    List<RangeId> take(int max) {
        List<RangeId> batch = new ArrayList<>(Math.min(max, runnable.size()));
        while (batch.size() < max && !runnable.isEmpty()) {
            RangeId r = runnable.pollFirst();
            states.put(r, State.RUNNING);
            batch.add(r);
        }
        return batch;
    }

    /**
     * Ends the processing of a batch returned by {@link #take}: ranges enqueued meanwhile become
     * runnable again, the others idle. Returns how many became runnable.
     */
    int finish(List<RangeId> batch) {
        int again = 0;
        for (RangeId r : batch) {
            State s = states.get(r);
            if (s == State.RUNNING_AGAIN) {
                states.put(r, State.QUEUED);
                runnable.addLast(r);
                again++;
            } else if (s == State.RUNNING) {
                states.remove(r);
            } else {
                throw new IllegalStateException(r + " finished while " + s);
            }
        }
        return again;
    }

    boolean hasRunnable() {
        return !runnable.isEmpty();
    }

    void clear() {
        states.clear();
        runnable.clear();
    }
}
