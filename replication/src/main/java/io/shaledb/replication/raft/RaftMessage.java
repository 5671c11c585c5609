package io.shaledb.replication.raft;

import java.util.List;
import java.util.Objects;

/**
 * A message between members of one Raft group. Every message carries its sender, its receiver
 * and the sender's term; the receiver's {@link RaftNode#step(RaftMessage)} compares that term
 * with its own before anything else.
 *
 * <p>Messages are immutable values; the transport may drop, duplicate, delay and reorder them.
 */
public sealed interface RaftMessage {
    NodeId from();

    NodeId to();

    long term();

    /**
     * Leader to follower: append {@code entries} after the entry at {@code (prevIndex, prevTerm)}
     * and learn the leader's commit index. An empty {@code entries} list is a probe.
     */
    record AppendEntries(NodeId from, NodeId to, long term, long prevIndex, long prevTerm,
                         List<LogEntry> entries, long commit) implements RaftMessage {
        public AppendEntries {
            checkHeader(from, to, term);
            entries = List.copyOf(entries);
        }
    }

    /**
     * Follower to leader. Accepted: the follower's log matches the leader's up to {@code index}.
     * Rejected: the entry at {@code index} (the request's prevIndex) did not match; the follower's
     * log has term {@code hintTerm} at {@code hintIndex}, the largest index at or below both its
     * last index and {@code index} whose term is at most the request's prevTerm (fast back-off).
     */
    record AppendResponse(NodeId from, NodeId to, long term, long index, boolean reject,
                          long hintIndex, long hintTerm) implements RaftMessage {
        public AppendResponse {
            checkHeader(from, to, term);
        }

        static AppendResponse accept(NodeId from, NodeId to, long term, long index) {
            return new AppendResponse(from, to, term, index, false, 0, 0);
        }
    }

    /**
     * Leader to follower: the entries the follower needs next were compacted away, so replace
     * its state with {@code snapshot}. The follower answers with an {@link AppendResponse}
     * accepting up to the snapshot's index (or up to its own commit index if that is already
     * at or beyond it: the snapshot is then stale and ignored).
     */
    record InstallSnapshot(NodeId from, NodeId to, long term, Snapshot snapshot) implements RaftMessage {
        public InstallSnapshot {
            checkHeader(from, to, term);
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /**
     * Leader to follower: keep-alive carrying {@code commit} (at most the follower's match index)
     * and {@code readSequence}, the newest ReadIndex request the leader wants confirmed.
     */
    record Heartbeat(NodeId from, NodeId to, long term, long commit, long readSequence)
            implements RaftMessage {
        public Heartbeat {
            checkHeader(from, to, term);
        }
    }

    /** Follower to leader: acknowledges a heartbeat, echoing its {@code readSequence}. */
    record HeartbeatResponse(NodeId from, NodeId to, long term, long readSequence)
            implements RaftMessage {
        public HeartbeatResponse {
            checkHeader(from, to, term);
        }
    }

    /**
     * Candidate to peer: vote for me at {@code term}. With {@code preVote} the sender has not
     * incremented its term and {@code term} is the term it would campaign at. With
     * {@code transfer} the current leader asked for this election, so receivers ignore their
     * leader lease.
     */
    record VoteRequest(NodeId from, NodeId to, long term, long lastIndex, long lastTerm,
                       boolean preVote, boolean transfer) implements RaftMessage {
        public VoteRequest {
            checkHeader(from, to, term);
        }
    }

    /** Peer to candidate: the (pre-)vote answer. */
    record VoteResponse(NodeId from, NodeId to, long term, boolean granted, boolean preVote)
            implements RaftMessage {
        public VoteResponse {
            checkHeader(from, to, term);
        }
    }

    /** Leader to transfer target: start an election now, without PreVote. */
    record TimeoutNow(NodeId from, NodeId to, long term) implements RaftMessage {
        public TimeoutNow {
            checkHeader(from, to, term);
        }
    }

    /** Follower to leader: a ReadIndex request made on the follower. */
    record ReadIndexRequest(NodeId from, NodeId to, long term, byte[] context)
            implements RaftMessage {
        public ReadIndexRequest {
            checkHeader(from, to, term);
            Objects.requireNonNull(context, "context");
        }
    }

    /** Leader to follower: the confirmed read index of a forwarded request. */
    record ReadIndexResponse(NodeId from, NodeId to, long term, long index, byte[] context)
            implements RaftMessage {
        public ReadIndexResponse {
            checkHeader(from, to, term);
            Objects.requireNonNull(context, "context");
        }
    }

    private static void checkHeader(NodeId from, NodeId to, long term) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (term < 0) {
            throw new IllegalArgumentException("term must be >= 0: " + term);
        }
    }
}
