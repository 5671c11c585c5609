package io.shaledb.replication.raft;

import io.shaledb.replication.raft.RaftMessage.AppendEntries;
import io.shaledb.replication.raft.RaftMessage.AppendResponse;
import io.shaledb.replication.raft.RaftMessage.Heartbeat;
import io.shaledb.replication.raft.RaftMessage.HeartbeatResponse;
import io.shaledb.replication.raft.RaftMessage.InstallSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A leader's replication for one term: per-follower {@link Progress}, sending appends and
 * heartbeats, handling their responses (with fast back-off on rejection) and advancing the
 * commit index. A follower that needs an entry the leader has compacted is sent the leader's
 * latest snapshot instead ({@link Progress.State#SNAPSHOT}).
 *
 * <p>Commit rule (Raft §5.4.2, Figure 8): the commit index moves to the highest index stored on a
 * quorum — the leader's own copy counting only once durable — and only if that entry is of this
 * term; earlier entries are committed indirectly. Created on election, discarded on step-down.
 *
 * <p>Membership: every member of the membership in force other than the leader (voters and
 * learners) has a progress and receives the log; only voters count ({@link Majority}), the
 * leader's own copy included only while it is a voter (a leader removing itself keeps
 * replicating without counting until its removal commits).
 */
final class LeaderReplication {
    private final RaftConfig config;
    private final EntryLog log;
    private final long term;
    private final Consumer<RaftMessage> out;
    private final Map<NodeId, Progress> followers = new LinkedHashMap<>();
    private Membership membership;
    private long selfMatch;

    LeaderReplication(RaftConfig config, EntryLog log, long term, Membership membership, Consumer<RaftMessage> out) {
        this.config = config;
        this.log = log;
        this.term = term;
        this.out = out;
        this.selfMatch = log.persistedIndex();
        this.membership = membership;
        addProgressFor(membership);
    }

    /**
     * The membership in force changed: new members get a progress (probing from the leader's
     * last index), removed ones lose theirs, and the commit index is re-evaluated under the new
     * voters.
     */
    void membershipChanged(Membership m) {
        membership = m;
        followers.keySet().removeIf(peer -> !m.contains(peer));
        addProgressFor(m);
        if (maybeCommit()) {
            broadcastAppend();
        }
    }

    private void addProgressFor(Membership m) {
        for (NodeId peer : m.voters()) {
            addProgress(peer);
        }
        for (NodeId peer : m.learners()) {
            addProgress(peer);
        }
    }

    private void addProgress(NodeId peer) {
        if (!peer.equals(config.self()) && !followers.containsKey(peer)) {
            Progress pr = new Progress(log.lastIndex() + 1, config.maxInflight());
            pr.recentActive = true;
            followers.put(peer, pr);
        }
    }

    /** The follower whose log matches the leader's furthest among the voters, or null. */
    NodeId mostUpToDateVoter() {
        NodeId best = null;
        long bestMatch = -1;
        for (Map.Entry<NodeId, Progress> e : followers.entrySet()) {
            if (membership.isVoter(e.getKey()) && e.getValue().match > bestMatch) {
                best = e.getKey();
                bestMatch = e.getValue().match;
            }
        }
        return best;
    }

    Progress progress(NodeId follower) {
        return followers.get(follower);
    }

    boolean hasFollowers() {
        return !followers.isEmpty();
    }

    /**
     * CheckQuorum round: whether a quorum of voters (the leader included if it votes) was heard
     * from since the last round; resets for the next round.
     */
    boolean quorumActiveAndReset() {
        boolean active = Majority.reached(membership, this::isActive);
        for (Progress pr : followers.values()) {
            pr.recentActive = false;
        }
        return active;
    }

    private boolean isActive(NodeId voter) {
        Progress pr = followers.get(voter);
        return voter.equals(config.self()) || (pr != null && pr.recentActive);
    }

    /** Whether a quorum of voters (the leader included if it votes) acknowledged ReadIndex {@code sequence}. */
    boolean readConfirmed(long sequence) {
        return Majority.reached(membership, voter -> {
            Progress pr = followers.get(voter);
            return voter.equals(config.self()) || (pr != null && pr.readAck >= sequence);
        });
    }

    /** The leader's own entries are durable up to {@code persistedIndex}. */
    void selfPersisted(long persistedIndex) {
        if (persistedIndex > selfMatch) {
            selfMatch = persistedIndex;
            if (maybeCommit()) {
                broadcastAppend();
            }
        }
    }

    /** A new entry was appended to the leader's log. */
    void appended() {
        if (config.faults().commitWithoutQuorum()) {
            log.commitTo(log.lastIndex());
        }
        broadcastAppend();
    }

    void handleAppendResponse(NodeId from, AppendResponse r) {
        Progress pr = followers.get(from);
        pr.recentActive = true;
        if (r.reject()) {
            long nextProbe = r.hintIndex();
            if (r.hintTerm() > 0) {
                nextProbe = log.findConflictByTerm(r.hintIndex(), r.hintTerm());
            }
            if (pr.maybeDecrTo(r.index(), nextProbe)) {
                if (pr.state == Progress.State.REPLICATE) {
                    pr.becomeProbe();
                }
                sendAppend(from, true);
            }
            return;
        }
        boolean updated = pr.maybeUpdate(r.index());
        if (pr.snapshotDone()) {
            pr.becomeProbe();
        }
        if (pr.state == Progress.State.PROBE && pr.match == r.index()) {
            pr.becomeReplicate();
        } else {
            pr.freeUpTo(r.index());
        }
        if (updated && maybeCommit()) {
            broadcastAppend();
        } else {
            while (sendAppend(from, false)) {
                // keep the window full
            }
        }
    }

    void handleHeartbeatResponse(NodeId from, HeartbeatResponse h) {
        Progress pr = followers.get(from);
        pr.recentActive = true;
        pr.probeSent = false;
        if (pr.snapshotOverdue(config.electionTicks())) {
            pr.becomeProbe(); // the snapshot or its answer was probably lost: try again
        }
        if (pr.state == Progress.State.REPLICATE && pr.isPaused()) {
            pr.freeFirst();
        }
        if (pr.match < log.lastIndex()) {
            sendAppend(from, true);
        }
        pr.readAck = Math.max(pr.readAck, h.readSequence());
    }

    private boolean maybeCommit() {
        Membership counted = membership;
        if (config.faults().commitCountsLearners()) {
            // Deliberate bug: learners counted as voters.
            TreeSet<NodeId> all = new TreeSet<>(membership.voters());
            all.addAll(membership.learners());
            counted = Membership.ofVoters(all);
        }
        long quorumIndex = Majority.quorumIndex(counted, this::match);
        return log.maybeCommit(quorumIndex, term);
    }

    private long match(NodeId member) {
        if (member.equals(config.self())) {
            return selfMatch;
        }
        Progress pr = followers.get(member);
        return pr == null ? 0 : pr.match;
    }

    void broadcastAppend() {
        for (NodeId peer : followers.keySet()) {
            sendAppend(peer, true);
        }
    }

    /** Sends the next append to {@code to} unless paused; returns true if one was sent. */
    boolean sendAppend(NodeId to, boolean sendIfEmpty) {
        Progress pr = followers.get(to);
        if (pr.isPaused()) {
            return false;
        }
        if (pr.next < log.firstIndex()) {
            sendSnapshot(to, pr);
            return true;
        }
        long prevIndex = pr.next - 1;
        List<LogEntry> entries = log.entries(pr.next, log.lastIndex() + 1, config.maxEntriesPerAppend());
        if (entries.isEmpty() && !sendIfEmpty) {
            return false;
        }
        out.accept(new AppendEntries(config.self(), to, term, prevIndex, log.term(prevIndex), entries, log.committed()));
        pr.sent(prevIndex + entries.size(), entries.size());
        return true;
    }

    /** The entries {@code to} needs next are compacted: send the latest snapshot instead. */
    private void sendSnapshot(NodeId to, Progress pr) {
        Snapshot snapshot = log.snapshot();
        if (snapshot == null || snapshot.index() < log.firstIndex() - 1) {
            throw new IllegalStateException("log compacted to " + (log.firstIndex() - 1)
                    + " without a snapshot covering it: " + snapshot);
        }
        out.accept(new InstallSnapshot(config.self(), to, term, snapshot));
        pr.becomeSnapshot(snapshot.index());
    }

    /** The transport could not reach {@code to}: stop streaming or waiting for a snapshot. */
    void unreachable(NodeId to) {
        Progress pr = followers.get(to);
        if (pr != null && pr.state != Progress.State.PROBE) {
            pr.becomeProbe();
        }
    }

    /** Heartbeats carry min(match, commit): the follower is known to hold that prefix. */
    void broadcastHeartbeat(long readSequence) {
        for (Map.Entry<NodeId, Progress> e : followers.entrySet()) {
            long commit = Math.min(e.getValue().match, log.committed());
            out.accept(new Heartbeat(config.self(), e.getKey(), term, commit, readSequence));
        }
    }
}
