package io.shaledb.replication.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * The leader's ReadIndex requests waiting for a heartbeat quorum to confirm that it was still
 * leader when they arrived (Raft thesis §6.4).
 *
 * <p>Each request gets a sequence number; a heartbeat response echoing sequence {@code s} proves
 * the follower still followed this leader after every request up to {@code s} was registered.
 * Requests are released in order once a quorum of voters has acknowledged them.
 * Emptied when leadership ends: callers retry.
 */
final class ReadIndexQueue {
    /** A request made on {@code origin} (the leader itself or a forwarding follower). */
    record Pending(long sequence, long index, byte[] context, NodeId origin) {
    }

    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long lastSequence;

    /** Registers a request at commit index {@code index}; returns its sequence number. */
    long add(long index, byte[] context, NodeId origin) {
        lastSequence++;
        pending.addLast(new Pending(lastSequence, index, context, origin));
        return lastSequence;
    }

    /** The newest sequence a heartbeat should ask followers to confirm. */
    long lastSequence() {
        return lastSequence;
    }

    /**
     * Removes and returns, in order, the requests whose sequence {@code confirmed} accepts (a
     * quorum of voters acknowledged it; the caller counts the leader itself if it votes).
     */
    List<Pending> release(LongPredicate confirmed) {
        List<Pending> out = new ArrayList<>();
        while (!pending.isEmpty() && confirmed.test(pending.peekFirst().sequence())) {
            out.add(pending.pollFirst());
        }
        return out;
    }

    void clear() {
        pending.clear();
    }
}
