package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.ConfChange;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.ProposalRejectedException;
import io.shaledb.replication.raft.RaftMessage;
import io.shaledb.replication.raft.RaftNode;
import io.shaledb.replication.raft.ReadState;
import io.shaledb.replication.raft.Ready;
import io.shaledb.replication.raft.Role;
import io.shaledb.replication.raft.Snapshot;
import io.shaledb.replication.raft.SnapshotMeta;
import io.shaledb.replication.storage.RocksRaftStorage;
import io.shaledb.replication.transport.RaftEnvelope;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One range's replica on a {@link Store}: its Raft member, log storage and state machine, and
 * the client requests waiting on it.
 *
 * <p>Public methods are thread-safe views. Everything else belongs to the worker thread that is
 * processing the replica (the scheduler guarantees there is at most one); other threads only
 * post {@link ReplicaOp}s to the {@link #mailbox} and add {@link #pendingTicks}.
 */
public final class Replica {
    private final RangeId range;
    private final NodeId self;
    private final Membership initialMembership;
    /** The membership in force on this replica as of the latest pass (the latest in its log). */
    private volatile Membership membership;
    private final ReplicaStateMachine stateMachine;
    final RocksRaftStorage storage;
    final RaftNode node;

    // Shared with other threads.
    final ConcurrentLinkedQueue<ReplicaOp> mailbox = new ConcurrentLinkedQueue<>();
    final AtomicInteger pendingTicks = new AtomicInteger();
    /** Set while a worker processes this replica: a second one would be a scheduler bug. */
    final AtomicBoolean processing = new AtomicBoolean();
    private volatile boolean quiesced;
    /** While quiesced: the leader the group quiesced under (this node if it leads). */
    private volatile NodeId quiescedLeader;
    private volatile boolean removed;
    private volatile ReplicaStatus status;

    // Worker-only.
    private final TreeMap<Long, List<PendingProposal>> proposals = new TreeMap<>();
    private final Map<Long, PendingRead> reads = new LinkedHashMap<>();
    private final List<ReplicaOp.Read> deferredReads = new ArrayList<>();
    private final PriorityQueue<ConfirmedRead> readsAwaitingApply =
            new PriorityQueue<>((a, b) -> Long.compare(a.index, b.index));
    private final List<CompletableFuture<Void>> removals = new ArrayList<>();
    private long lastReadId;
    /** Ticks left before a replica that applied its own removal destroys itself; -1 while a member. */
    private int leaveCountdown = -1;

    /** A command ({@code command} set) or a membership change ({@code change} set) waiting to apply. */
    private record PendingProposal(long term, CompletableFuture<byte[]> command, CompletableFuture<Membership> change) {
        void fail(Throwable ex) {
            if (command != null) {
                command.completeExceptionally(ex);
            } else {
                change.completeExceptionally(ex);
            }
        }
    }

    private static final class PendingRead {
        final CompletableFuture<Long> future;
        final byte[] context;
        final long term;
        final NodeId leader;
        int ticksWaiting;

        PendingRead(CompletableFuture<Long> future, byte[] context, long term, NodeId leader) {
            this.future = future;
            this.context = context;
            this.term = term;
            this.leader = leader;
        }
    }

    private record ConfirmedRead(long index, CompletableFuture<Long> future) {
    }

    Replica(RangeId range, NodeId self, Membership membership, ReplicaStateMachine stateMachine,
            RocksRaftStorage storage, RaftNode node) {
        this.range = range;
        this.self = self;
        this.initialMembership = membership;
        this.membership = node.membership();
        this.stateMachine = stateMachine;
        this.storage = storage;
        this.node = node;
        publishStatus();
    }

    // ---- thread-safe views -------------------------------------------------------------------

    public RangeId rangeId() {
        return range;
    }

    /** The membership in force on this replica as of its latest pass (the latest in its log, maybe uncommitted). */
    public Membership membership() {
        return membership;
    }

    /**
     * The group's initial membership this replica was created with (recorded on the store). A
     * replica joining the group later must be created with the same one (see
     * {@link Store#createReplica}).
     */
    public Membership initialMembership() {
        return initialMembership;
    }

    /** The state machine; reading it from another thread needs its own synchronization. */
    public ReplicaStateMachine stateMachine() {
        return stateMachine;
    }

    /** The Raft state as of the end of the latest processing pass. */
    public ReplicaStatus status() {
        return status;
    }

    public boolean isQuiesced() {
        return quiesced;
    }

    NodeId quiescedLeader() {
        return quiescedLeader;
    }

    boolean isRemoved() {
        return removed;
    }

    // ---- worker: inputs ----------------------------------------------------------------------

    /**
     * Handles the mailbox and pending ticks. Quiesce heartbeats this produces go to {@code out}.
     *
     * @return false if the replica must be removed now (the caller destroys it)
     */
    boolean handleInputs(ReplicaHost host, List<RaftEnvelope> out) {
        ReplicaOp op;
        while ((op = mailbox.poll()) != null) {
            if (op instanceof ReplicaOp.Inbound in) {
                handleInbound(in.envelope(), host);
            } else if (op instanceof ReplicaOp.Propose p) {
                wake(host);
                propose(p);
            } else if (op instanceof ReplicaOp.Read r) {
                wake(host);
                submitRead(r);
            } else if (op instanceof ReplicaOp.Transfer t) {
                wake(host);
                transfer(t);
            } else if (op instanceof ReplicaOp.ChangeReplicas c) {
                wake(host);
                changeReplicas(c);
            } else if (op instanceof ReplicaOp.Campaign) {
                wake(host);
                node.campaign();
            } else if (op instanceof ReplicaOp.Wake) {
                wake(host);
            } else if (op instanceof ReplicaOp.Unreachable u) {
                node.reportUnreachable(u.peer()); // no wake: a quiesced leader sends nothing anyway
            } else if (op instanceof ReplicaOp.Remove rm) {
                removals.add(rm.future());
            }
        }
        if (!removals.isEmpty()) {
            return false;
        }
        if (leaveCountdown >= 0 && node.membership().contains(self)) {
            // Added back after the removal it applied: a replica that rejoins a group replays the
            // entry that removed it the last time, and the membership after it takes it back.
            leaveCountdown = -1;
        }
        if (leaveCountdown >= 0 && pendingTicks.get() > 0 && leaveCountdown-- == 0) {
            return false; // applied its own removal a while ago: the store destroys it now
        }
        // Ticks that piled up while the replica waited are coalesced into one: an overloaded store
        // slows its Raft clock down instead of firing elections at groups it merely fell behind on.
        if (pendingTicks.getAndSet(0) > 0 && !quiesced) {
            if (canQuiesceAsLeader(host)) {
                quiesceAsLeader(host, out);
            } else {
                node.tick();
                host.counters().raftTicks.increment();
                retryForwardedReads(host.config().electionTicks());
            }
        }
        retryDeferredReads();
        return true;
    }

    private void handleInbound(RaftEnvelope env, ReplicaHost host) {
        RaftMessage m = env.message();
        // Quiesce heartbeats and the answers to them must not wake the group they put to sleep.
        if (quiesced && !env.quiesce() && !(m instanceof RaftMessage.HeartbeatResponse)) {
            wake(host);
        }
        node.step(m);
        if (env.quiesce()) {
            maybeQuiesceAsFollower((RaftMessage.Heartbeat) m, host);
        }
    }

    private void wake(ReplicaHost host) {
        if (quiesced) {
            quiesced = false;
            quiescedLeader = null;
            host.setQuiesced(range, false);
            host.counters().wakes.increment();
        }
    }

    private boolean hasClientWork() {
        return !proposals.isEmpty() || !reads.isEmpty() || !deferredReads.isEmpty() || !readsAwaitingApply.isEmpty();
    }

    /**
     * A leader may quiesce when its group is idle and every live follower holds the whole log:
     * nothing is pending, and last index == commit == applied == each live follower's match. Not
     * while it hands leadership over: only its ticks abandon a transfer to a target that does not
     * take over, and until then it refuses every proposal.
     */
    private boolean canQuiesceAsLeader(ReplicaHost host) {
        if (!host.config().quiesce() || node.role() != Role.LEADER || hasClientWork() || leaveCountdown >= 0
                || !mailbox.isEmpty() || node.hasReady() || node.isTransferringLeadership()) {
            return false;
        }
        long last = node.lastIndex();
        if (node.commitIndex() != last || node.appliedIndex() != last) {
            return false;
        }
        for (Map.Entry<NodeId, Long> e : node.followerMatchIndexes().entrySet()) {
            if (e.getValue() != last && host.isPeerAlive(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    private void quiesceAsLeader(ReplicaHost host, List<RaftEnvelope> out) {
        long commit = node.commitIndex();
        for (Map.Entry<NodeId, Long> e : node.followerMatchIndexes().entrySet()) {
            RaftMessage.Heartbeat hb = new RaftMessage.Heartbeat(self, e.getKey(), node.term(),
                    Math.min(e.getValue(), commit), 0);
            out.add(new RaftEnvelope(range, hb, true));
        }
        quiesce(self, host);
    }

    /**
     * Follows the leader to sleep if the heartbeat came from the leader this member follows in
     * the same term, brought it to the leader's commit index, and nothing waits here.
     */
    private void maybeQuiesceAsFollower(RaftMessage.Heartbeat hb, ReplicaHost host) {
        if (!quiesced && host.config().quiesce() && node.role() == Role.FOLLOWER && leaveCountdown < 0
                && hb.term() == node.term() && hb.from().equals(node.leader())
                && node.commitIndex() == hb.commit() && !hasClientWork() && host.isPeerAlive(hb.from())) {
            quiesce(hb.from(), host);
        }
    }

    private void quiesce(NodeId leader, ReplicaHost host) {
        quiesced = true;
        quiescedLeader = leader;
        host.setQuiesced(range, true);
        host.counters().quiesces.increment();
    }

    private void propose(ReplicaOp.Propose p) {
        try {
            LogEntry e = node.propose(p.command());
            proposals.computeIfAbsent(e.index(), i -> new ArrayList<>(1)).add(new PendingProposal(e.term(), p.future(), null));
        } catch (ProposalRejectedException ex) {
            p.future().completeExceptionally(notLeader(ex));
        }
    }

    private void changeReplicas(ReplicaOp.ChangeReplicas c) {
        try {
            LogEntry e = node.proposeConfChange(c.change());
            proposals.computeIfAbsent(e.index(), i -> new ArrayList<>(1)).add(new PendingProposal(e.term(), null, c.future()));
        } catch (ProposalRejectedException ex) {
            ProposalRejectedException.Reason why = ex.reason();
            c.future().completeExceptionally(why == ProposalRejectedException.Reason.NOT_LEADER
                    || why == ProposalRejectedException.Reason.TRANSFER_IN_PROGRESS ? notLeader(ex) : ex);
        } catch (IllegalArgumentException ex) {
            c.future().completeExceptionally(ex);
        }
    }

    private void submitRead(ReplicaOp.Read r) {
        byte[] context = ByteBuffer.allocate(Long.BYTES).putLong(++lastReadId).array();
        try {
            node.readIndex(context);
            reads.put(lastReadId, new PendingRead(r.future(), context, node.term(), node.leader()));
        } catch (ProposalRejectedException ex) {
            if (ex.reason() == ProposalRejectedException.Reason.LEADER_NOT_READY) {
                deferredReads.add(r); // the new leader has not committed its no-op yet
            } else {
                r.future().completeExceptionally(notLeader(ex));
            }
        }
    }

    private void retryDeferredReads() {
        if (deferredReads.isEmpty()) {
            return;
        }
        List<ReplicaOp.Read> retry = new ArrayList<>(deferredReads);
        deferredReads.clear();
        retry.forEach(this::submitRead);
    }

    /** A follower's forwarded read may be lost (or dropped by a leader not ready yet): resend. */
    private void retryForwardedReads(int after) {
        if (node.role() != Role.FOLLOWER || node.leader() == null) {
            return;
        }
        for (PendingRead pr : reads.values()) {
            pr.ticksWaiting++;
            if (pr.ticksWaiting >= after) {
                pr.ticksWaiting = 0;
                node.readIndex(pr.context);
            }
        }
    }

    private void transfer(ReplicaOp.Transfer t) {
        try {
            node.transferLeadership(t.target());
            t.future().complete(null);
        } catch (ProposalRejectedException ex) {
            t.future().completeExceptionally(notLeader(ex));
        } catch (IllegalArgumentException ex) {
            t.future().completeExceptionally(ex);
        }
    }

    private NotLeaderException notLeader(ProposalRejectedException ex) {
        if (ex.reason() == ProposalRejectedException.Reason.TRANSFER_IN_PROGRESS) {
            return new NotLeaderException(range, null, "leadership transfer in progress");
        }
        return new NotLeaderException(range, ex.leaderHint().orElse(null), null);
    }

    // ---- worker: after the group commit -------------------------------------------------------

    /**
     * Applies {@code ready}'s committed entries, completes the requests they answer and advances
     * the node. Call after the Ready was persisted and its messages sent. A Ready's snapshot is
     * restored into the state machine first (the entries that follow build on it).
     */
    void applyAndAdvance(Ready ready, ReplicaHost host) {
        long appliedNow = node.appliedIndex();
        if (ready.snapshot() != null) {
            installSnapshot(ready.snapshot());
            host.counters().snapshotsInstalled.increment();
            appliedNow = ready.snapshot().index();
        }
        for (LogEntry e : ready.committedEntries()) {
            byte[] result = null;
            if (e.type() == EntryType.COMMAND && e.index() > stateMachine.appliedIndex()) {
                result = stateMachine.apply(e.index(), e.data());
            } else if (e.type() == EntryType.CONF_CHANGE && leaveCountdown < 0) {
                ConfChange change = ConfChange.decode(e.data());
                if (change.type() == ConfChange.Type.REMOVE && change.node().equals(self)) {
                    // Linger an election timeout (a leader hands off leadership meanwhile), then go.
                    leaveCountdown = host.config().electionTicks();
                }
            }
            resolveProposals(e, result);
            appliedNow = e.index();
        }
        for (ReadState rs : ready.readStates()) {
            PendingRead pr = reads.remove(ByteBuffer.wrap(rs.context()).getLong());
            if (pr != null) {
                readsAwaitingApply.add(new ConfirmedRead(rs.index(), pr.future));
            }
        }
        serveReadsUpTo(appliedNow);
        node.advance(ready);
    }

    /**
     * Replaces the state machine's state with a snapshot from the leader. Proposals at indexes
     * it covers will not see their entries applied here: their outcome is unknown.
     */
    private void installSnapshot(Snapshot snapshot) {
        stateMachine.restore(snapshot.data());
        Map<Long, List<PendingProposal>> covered = proposals.headMap(snapshot.index(), true);
        for (Map.Entry<Long, List<PendingProposal>> e : covered.entrySet()) {
            ProposalOutcomeUnknownException ex = new ProposalOutcomeUnknownException(range, e.getKey(), snapshot.index());
            e.getValue().forEach(p -> p.fail(ex));
        }
        covered.clear();
    }

    /**
     * Applies the store's truncation policy after a pass: once the applied index is more than
     * {@link StoreConfig#snapshotEntries()} past the latest snapshot (or the log start), records
     * a snapshot of the state machine at the applied index and compacts the log up to
     * {@link StoreConfig#snapshotKeepTail()} entries below it. Call after {@link #applyAndAdvance}
     * (no writes staged).
     *
     * @return whether a snapshot was taken
     */
    boolean maybeSnapshot(StoreConfig config) {
        long every = config.snapshotEntries();
        if (every == 0) {
            return false;
        }
        long applied = node.appliedIndex();
        SnapshotMeta latest = storage.snapshotMeta();
        long base = Math.max(latest == null ? 0 : latest.index(), storage.truncatedState().index());
        if (applied - base <= every) {
            return false;
        }
        takeSnapshot(applied, config.snapshotKeepTail());
        return true;
    }

    /**
     * Records the snapshot and the compaction it allows in one write: a crash that kept the
     * snapshot but lost a separate compaction would leave the log starting far below it.
     */
    private void takeSnapshot(long index, long keepTail) {
        storage.createSnapshot(index, node.membershipForSnapshot(), stateMachine.snapshot(), index - keepTail);
    }

    private void resolveProposals(LogEntry e, byte[] result) {
        List<PendingProposal> waiting = proposals.remove(e.index());
        if (waiting == null) {
            return;
        }
        for (PendingProposal p : waiting) {
            if (p.term() != e.term()) {
                p.fail(new ProposalSupersededException(range, e.index(), p.term(), e.term()));
            } else if (p.command() != null) {
                p.command().complete(result);
            } else {
                p.change().complete(node.membershipAt(e.index()));
            }
        }
    }

    private void serveReadsUpTo(long applied) {
        while (!readsAwaitingApply.isEmpty() && readsAwaitingApply.peek().index <= applied) {
            ConfirmedRead r = readsAwaitingApply.poll();
            r.future.complete(r.index);
        }
    }

    /**
     * Ends a processing pass: fails reads whose leader changed (their confirmation can no longer
     * arrive) and publishes the status.
     */
    void endPass() {
        if (!reads.isEmpty()) {
            Iterator<PendingRead> it = reads.values().iterator();
            while (it.hasNext()) {
                PendingRead pr = it.next();
                if (pr.term != node.term() || !Objects.equals(pr.leader, node.leader())) {
                    it.remove();
                    pr.future.completeExceptionally(new NotLeaderException(range, node.leader(),
                            "leadership changed while the read was pending"));
                }
            }
        }
        publishStatus();
    }

    private void publishStatus() {
        membership = node.membership();
        SnapshotMeta snapshot = storage.snapshotMeta();
        status = new ReplicaStatus(range, node.role(), node.term(), node.leader(), node.commitIndex(),
                node.appliedIndex(), node.lastIndex(), quiesced, node.firstIndex(),
                snapshot == null ? 0 : snapshot.index());
    }

    // ---- teardown ----------------------------------------------------------------------------

    /**
     * Fails every request waiting on this replica, queued or in Raft, and marks it removed. Call
     * on the worker, or once no worker can process the replica any more.
     */
    void abandon(ReplicaUnavailableException.Reason reason, Throwable cause) {
        removed = true;
        ReplicaUnavailableException ex = new ReplicaUnavailableException(range, reason, cause);
        proposals.values().forEach(ps -> ps.forEach(p -> p.fail(ex)));
        proposals.clear();
        reads.values().forEach(r -> r.future.completeExceptionally(ex));
        reads.clear();
        deferredReads.forEach(r -> r.future().completeExceptionally(ex));
        deferredReads.clear();
        readsAwaitingApply.forEach(r -> r.future.completeExceptionally(ex));
        readsAwaitingApply.clear();
        failMailbox(ex);
    }

    /** Fails the requests still in the mailbox (a removal request succeeds if removed); thread-safe. */
    void failMailbox(ReplicaUnavailableException ex) {
        ReplicaOp op;
        while ((op = mailbox.poll()) != null) {
            if (op instanceof ReplicaOp.Propose p) {
                p.future().completeExceptionally(ex);
            } else if (op instanceof ReplicaOp.Read r) {
                r.future().completeExceptionally(ex);
            } else if (op instanceof ReplicaOp.Transfer t) {
                t.future().completeExceptionally(ex);
            } else if (op instanceof ReplicaOp.ChangeReplicas c) {
                c.future().completeExceptionally(ex);
            } else if (op instanceof ReplicaOp.Remove rm) {
                if (ex.reason() == ReplicaUnavailableException.Reason.REMOVED) {
                    rm.future().complete(null);
                } else {
                    rm.future().completeExceptionally(ex);
                }
            }
        }
    }

    /** The removal requests that led to {@link #handleInputs} returning false. */
    List<CompletableFuture<Void>> removals() {
        return removals;
    }

    @Override
    public String toString() {
        return "Replica[" + range + " on " + self + " " + node + (quiesced ? " quiesced" : "") + "]";
    }
}
