package io.shaledb.replication.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The leader's ReadIndex requests waiting for a heartbeat quorum to confirm that it was still
 * leader when they arrived (Raft thesis §6.4).
 *
 * <p>Each request gets a sequence number; a heartbeat response echoing sequence {@code s} proves
 * the follower still followed this leader after every request up to {@code s} was registered.
 * Requests are released in order once a quorum (the leader included) has acknowledged them.
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
     * Removes and returns, in order, the requests acknowledged by at least {@code quorum}
     * members, given each follower's highest acknowledged sequence (the leader counts itself).
     */
    List<Pending> release(Iterable<Long> followerAcks, int quorum) {
        List<Pending> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            long seq = pending.peekFirst().sequence();
            int acks = 1;
            for (long ack : followerAcks) {
                if (ack >= seq) {
                    acks++;
                }
            }
            if (acks < quorum) {
                break;
            }
            out.add(pending.pollFirst());
        }
        return out;
    }

    void clear() {
        pending.clear();
    }
}
