package io.shaledb.replication.raft;

import java.util.ArrayDeque;

/**
 * The leader's view of one follower's log.
 *
 * <p>In {@link State#PROBE} the leader does not know where the follower's log diverges: it sends
 * one append at a time and waits for the answer (or a heartbeat response) before the next. In
 * {@link State#REPLICATE} the logs are known to match up to {@link #match}; the leader streams
 * appends optimistically, at most {@code maxInflight} unacknowledged at once. In
 * {@link State#SNAPSHOT} the entries the follower needs were compacted: the leader has sent it a
 * snapshot at {@link #pendingSnapshot} and sends nothing else until the follower acknowledges an
 * index at or beyond it (then PROBE, usually straight on to REPLICATE), or the attempt is given
 * up (unreachable, or no acknowledgement within {@code snapshotPatience} heartbeat responses)
 * and it falls back to PROBE, which sends the snapshot again if still needed.
 *
 * <p>Invariants: {@code match < next}; in REPLICATE every in-flight index is {@code < next}.
 */
final class Progress {
    enum State { PROBE, REPLICATE, SNAPSHOT }

    private final int maxInflight;
    private final ArrayDeque<Long> inflight = new ArrayDeque<>(); // last index of each unacked append
    long match;
    long next;
    State state = State.PROBE;
    /** PROBE only: an append is outstanding; pause until it is answered. */
    boolean probeSent;
    /** Heard from this follower since the last CheckQuorum round. */
    boolean recentActive;
    /** Highest ReadIndex sequence this follower has acknowledged in the leader's term. */
    long readAck;
    /** SNAPSHOT only: index of the snapshot sent; 0 otherwise. */
    long pendingSnapshot;
    /** SNAPSHOT only: heartbeat responses received since the snapshot was sent. */
    private int snapshotWaits;

    Progress(long next, int maxInflight) {
        this.next = next;
        this.maxInflight = maxInflight;
    }

    boolean isPaused() {
        return switch (state) {
            case PROBE -> probeSent;
            case REPLICATE -> inflight.size() >= maxInflight;
            case SNAPSHOT -> true;
        };
    }

    void becomeProbe() {
        state = State.PROBE;
        next = match + 1;
        probeSent = false;
        inflight.clear();
        pendingSnapshot = 0;
    }

    void becomeReplicate() {
        state = State.REPLICATE;
        next = match + 1;
        inflight.clear();
        pendingSnapshot = 0;
    }

    /** A snapshot at {@code snapshotIndex} was sent: wait for it to be acknowledged. */
    void becomeSnapshot(long snapshotIndex) {
        state = State.SNAPSHOT;
        pendingSnapshot = snapshotIndex;
        next = snapshotIndex + 1;
        probeSent = false;
        inflight.clear();
        snapshotWaits = 0;
    }

    /** SNAPSHOT: the follower acknowledged the snapshot (or more); replication can resume. */
    boolean snapshotDone() {
        return state == State.SNAPSHOT && match >= pendingSnapshot;
    }

    /** SNAPSHOT: counts a heartbeat response; true once {@code patience} of them came without an ack. */
    boolean snapshotOverdue(int patience) {
        return state == State.SNAPSHOT && ++snapshotWaits >= patience;
    }

    /** An append ending at {@code index} was acknowledged; returns true if match grew. */
    boolean maybeUpdate(long index) {
        boolean updated = false;
        if (match < index) {
            match = index;
            updated = true;
        }
        next = Math.max(next, index + 1);
        probeSent = false;
        return updated;
    }

    /** Record that an append with {@code count} entries ending at {@code lastIndex} was sent. */
    void sent(long lastIndex, int count) {
        if (state == State.REPLICATE) {
            if (count > 0) {
                next = lastIndex + 1;
                inflight.addLast(lastIndex);
            }
        } else {
            probeSent = true;
        }
    }

    void freeUpTo(long index) {
        while (!inflight.isEmpty() && inflight.peekFirst() <= index) {
            inflight.pollFirst();
        }
    }

    /** A heartbeat response arrived: let one more append through a full window. */
    void freeFirst() {
        inflight.pollFirst();
    }

    /**
     * An append with prevIndex {@code rejected} was refused; {@code matchHint} is the highest index
     * that may match. Returns false if the rejection is stale (answers an older append).
     */
    boolean maybeDecrTo(long rejected, long matchHint) {
        if (state == State.SNAPSHOT) {
            return false; // answers an append sent before the snapshot; the snapshot's answer decides
        }
        if (state == State.REPLICATE) {
            if (rejected <= match) {
                return false;
            }
            next = match + 1;
            return true;
        }
        if (next - 1 != rejected) {
            return false;
        }
        next = Math.max(Math.min(rejected, matchHint + 1), match + 1);
        probeSent = false;
        return true;
    }

    @Override
    public String toString() {
        return state + " match=" + match + " next=" + next + " inflight=" + inflight.size();
    }
}
