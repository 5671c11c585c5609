package io.shaledb.replication.raft;

import io.shaledb.replication.raft.RaftMessage.AppendEntries;
import io.shaledb.replication.raft.RaftMessage.AppendResponse;
import io.shaledb.replication.raft.RaftMessage.Heartbeat;
import io.shaledb.replication.raft.RaftMessage.HeartbeatResponse;
import io.shaledb.replication.raft.RaftMessage.InstallSnapshot;
import io.shaledb.replication.raft.RaftMessage.ReadIndexRequest;
import io.shaledb.replication.raft.RaftMessage.ReadIndexResponse;
import io.shaledb.replication.raft.RaftMessage.TimeoutNow;
import io.shaledb.replication.raft.RaftMessage.VoteRequest;
import io.shaledb.replication.raft.RaftMessage.VoteResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One member of a Raft group as a pure, deterministic state machine (in the style of
 * etcd-io/raft's RawNode). It has no threads, clock or I/O: time is {@link #tick()} calls,
 * input is {@link #step(RaftMessage)} and the client calls, output is collected in a
 * {@link Ready}. Randomness (the election timeout) comes from the injected generator, so the
 * same inputs and seed give the same outputs.
 *
 * <p><b>Driver contract.</b> Loop: feed ticks, messages and proposals; when {@link #hasReady()},
 * take {@link #ready()}, then <em>persist its snapshot, entries and hard state before sending
 * its messages</em>, install its snapshot (if any) in the state machine <em>before</em> applying
 * its committed entries, apply only those committed entries (never anything else), and call
 * {@link #advance(Ready)}. Only one Ready may be outstanding; steps, ticks and proposals are
 * allowed while it is. Proposals may be lost (leader change, dropped messages): the application
 * must watch for its entry being applied and re-propose otherwise.
 *
 * <p><b>Snapshots.</b> The application makes them, never the core: at an index it has applied it
 * stores a snapshot of its state machine (with {@link #membershipForSnapshot()}) and may compact
 * the log up to that index (see {@link RaftLog}). A leader sends its latest snapshot
 * ({@link RaftMessage.InstallSnapshot}) to a follower that needs a compacted entry; the follower
 * hands it to its driver in {@link Ready#snapshot()}, and its commit and applied indexes jump to
 * the snapshot's index. A restarted member has applied at least its stored snapshot.
 *
 * <p>Implemented: elections with randomized timeouts, PreVote, CheckQuorum with leader lease,
 * log replication with conflict repair and fast back-off, per-follower probe/replicate/snapshot
 * progress with an in-flight window, commit by counting only entries of the leader's term (after
 * a no-op appended on election), ReadIndex confirmed by a heartbeat quorum, leadership transfer,
 * snapshot shipping and installation over compacted logs, membership changes. Not implemented:
 * proposal forwarding, streaming of large snapshots in chunks.
 *
 * <p><b>Membership changes</b> (Raft thesis §4.1–4.2): one server at a time through
 * {@link #proposeConfChange(ConfChange)} — add a learner, promote it (or add a voter directly),
 * remove a learner or voter — so any majority of the old voters meets any majority of the new.
 * A change is in force on a member as soon as its log holds it, committed or not (a member
 * always uses the latest membership in its log, and falls back if that entry is overwritten; a
 * snapshot brings the membership recorded in it). Rules that keep this safe: at most one
 * uncommitted change at a time, and none before the leader has committed an entry of its own
 * term (the thesis's fix of the single-server bug). Only voters count — for commit, votes,
 * CheckQuorum and ReadIndex ({@code Majority}); learners receive the log (and snapshots) but
 * never campaign. A leader that removes itself keeps replicating without counting itself until
 * the removal commits, then sends TimeoutNow to the most up-to-date remaining voter and steps
 * down. A member whose uncommitted removal is in its log may still campaign among the remaining
 * voters to finish it. A removed node that missed its removal cannot disrupt the group: members
 * ignore vote requests from non-voters whose log is behind theirs, PreVote keeps it from raising
 * terms and the CheckQuorum lease from deposing a live leader. The driver persists
 * {@link #membershipAt(long)} with the applied index and passes both back at restart
 * ({@link RaftConfig#withApplied(long, Membership)}); a stored snapshot's membership takes
 * precedence when the snapshot is newer than that applied index.
 *
 * <p>Not thread-safe: one thread drives a node at a time.
 */
public final class RaftNode {
    private static final int MAX_APPLY_PER_READY = 1024;

    private final RaftConfig config;
    private final NodeId self;
    private final RandomGenerator random;
    private final EntryLog log;
    private final ElectionState election;
    private final MembershipHistory members;
    private LeaderReplication replication; // non-null exactly while leader
    private final Map<NodeId, Boolean> votes = new HashMap<>();
    private final ReadIndexQueue reads = new ReadIndexQueue();
    private List<RaftMessage> outbox = new ArrayList<>();
    private List<ReadState> readStates = new ArrayList<>();
    private HardState lastHardState;
    private Ready outstanding;
    private int electionElapsed;
    private int heartbeatElapsed;
    private int randomizedElectionTimeout;
    private NodeId transferee;

    /**
     * Creates (or restarts) a member from what {@code storage} durably holds. A restarted member
     * is a follower in its persisted term with no known leader.
     */
    public RaftNode(RaftConfig config, RaftLog storage, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.self = config.self();
        this.random = Objects.requireNonNull(random, "random");
        this.log = new EntryLog(storage, config.applied());
        this.lastHardState = storage.hardState();
        // The membership as of the applied index: the stored snapshot's if that is where applying
        // starts, else the driver's; later changes are read back from the log.
        Snapshot snapshot = storage.snapshot();
        boolean fromSnapshot = snapshot != null && snapshot.index() == log.applied();
        this.members = new MembershipHistory(log.applied(),
                fromSnapshot ? snapshot.meta().membership() : config.membership());
        for (long i = log.applied() + 1; i <= log.lastIndex(); i++) {
            members.appended(log.entryAt(i));
        }
        this.election = new ElectionState(self, lastHardState, false);
        election.setEligible(members.eligible(self, log.committed()));
        resetTimers();
    }

    // ---- queries ---------------------------------------------------------------------------

    public NodeId id() {
        return self;
    }

    public Role role() {
        return election.role();
    }

    public long term() {
        return election.term();
    }

    /** The leader of the current term if known. */
    public NodeId leader() {
        return election.leader();
    }

    public long commitIndex() {
        return log.committed();
    }

    /** Highest index handed out for application and acknowledged by {@link #advance(Ready)}. */
    public long appliedIndex() {
        return log.applied();
    }

    public long lastIndex() {
        return log.lastIndex();
    }

    /**
     * The membership in force on this member: the latest one in its log, committed or not. Only
     * its voters vote and count; a member that is not one of them never campaigns (unless its
     * own removal is still uncommitted: then it may campaign among the remaining voters, without
     * counting itself, to finish it).
     */
    public Membership membership() {
        return members.current();
    }

    /**
     * The membership as of log index {@code index}: the driver persists it together with the
     * applied index when it applies committed entries up to {@code index}, and passes both back
     * at restart ({@link RaftConfig#withApplied(long, Membership)}).
     *
     * @throws IllegalArgumentException if {@code index} is below {@link #appliedIndex()} or
     *                                  beyond {@link #lastIndex()}
     */
    public Membership membershipAt(long index) {
        if (index < log.applied() || index > log.lastIndex()) {
            throw new IllegalArgumentException("membership at " + index + " outside [applied "
                    + log.applied() + ", last " + log.lastIndex() + "]");
        }
        return members.at(index);
    }

    /**
     * The entry at {@code index} of this member's current log (persisted or not).
     *
     * @throws IndexOutOfBoundsException if {@code index} is above {@link #lastIndex()} or below
     *                                   {@link #firstIndex()} (compacted into a snapshot)
     */
    public LogEntry entry(long index) {
        return log.entryAt(index);
    }

    /** Lowest index {@link #entry(long)} answers: 1, or the index after the newest snapshot compacted into. */
    public long firstIndex() {
        return log.firstIndex();
    }

    /**
     * The membership to record in a snapshot the application takes at its applied index:
     * {@code membershipAt(appliedIndex())}.
     */
    public Membership membershipForSnapshot() {
        return members.at(log.applied());
    }

    /**
     * Leader only: each other voter's match index (the highest index known to be in its log);
     * empty on a non-leader. A read-only copy for the driver, e.g. to decide quiescence.
     */
    public Map<NodeId, Long> followerMatchIndexes() {
        Map<NodeId, Long> matches = new HashMap<>();
        if (replication != null) {
            for (NodeId peer : peers()) {
                matches.put(peer, replication.progress(peer).match);
            }
        }
        return matches;
    }

    // ---- inputs ----------------------------------------------------------------------------

    /** Advances logical time by one tick: may start an election or send heartbeats. */
    public void tick() {
        if (role() == Role.LEADER) {
            tickLeader();
            maybeStepDownAfterRemoval();
        } else {
            // A member that may not campaign lets the count rest at the timeout, so that its
            // leader lease (which blocks its vote) expires as it does for everyone else.
            if (electionElapsed < randomizedElectionTimeout) {
                electionElapsed++;
            }
            if (electionElapsed >= randomizedElectionTimeout && refreshEligibility()) {
                electionElapsed = 0;
                campaign(config.preVote(), false);
            }
        }
    }

    /**
     * Starts an election now (as if the election timeout had elapsed); ignored by a leader and by
     * a member that is not a voter (see {@link #membership()}).
     */
    public void campaign() {
        if (role() != Role.LEADER && refreshEligibility()) {
            campaign(config.preVote(), false);
        }
    }

    /**
     * Appends {@code data} to the log as a new command entry.
     *
     * @return the appended entry; it is committed only if it is later applied with this term
     * @throws ProposalRejectedException NOT_LEADER (with a leader hint if known) or
     *                                   TRANSFER_IN_PROGRESS
     */
    public LogEntry propose(byte[] data) {
        Objects.requireNonNull(data, "data");
        if (role() != Role.LEADER) {
            throw new ProposalRejectedException(ProposalRejectedException.Reason.NOT_LEADER, leader());
        }
        if (transferee != null) {
            throw new ProposalRejectedException(ProposalRejectedException.Reason.TRANSFER_IN_PROGRESS, self);
        }
        LogEntry entry = new LogEntry(term(), log.lastIndex() + 1, EntryType.COMMAND, data.clone());
        appendAsLeader(entry);
        return entry;
    }

    /**
     * Appends a membership change (one server at a time) to the log. It takes effect on each
     * member as soon as that member's log holds it; a leader that removes itself keeps leading
     * (without counting itself) until the removal commits, then steps down and tells the most
     * up-to-date remaining voter to campaign at once.
     *
     * @return the appended {@link EntryType#CONF_CHANGE} entry
     * @throws ProposalRejectedException NOT_LEADER, TRANSFER_IN_PROGRESS, LEADER_NOT_READY (no
     *                                   entry of this leader's term committed yet) or
     *                                   CONF_CHANGE_PENDING (an earlier change is uncommitted)
     * @throws IllegalArgumentException  if the change does not apply to {@link #membership()}
     *                                   (see {@link ConfChange#applyTo(Membership)})
     */
    public LogEntry proposeConfChange(ConfChange change) {
        Objects.requireNonNull(change, "change");
        if (role() != Role.LEADER) {
            throw new ProposalRejectedException(ProposalRejectedException.Reason.NOT_LEADER, leader());
        }
        if (transferee != null) {
            throw new ProposalRejectedException(ProposalRejectedException.Reason.TRANSFER_IN_PROGRESS, self);
        }
        if (!config.faults().confChangeIgnoresPending()) {
            if (log.term(log.committed()) != term()) {
                throw new ProposalRejectedException(ProposalRejectedException.Reason.LEADER_NOT_READY, self);
            }
            if (members.hasUncommittedChange(log.committed())) {
                throw new ProposalRejectedException(ProposalRejectedException.Reason.CONF_CHANGE_PENDING, self);
            }
        }
        change.applyTo(members.current());
        LogEntry entry = new LogEntry(term(), log.lastIndex() + 1, EntryType.CONF_CHANGE, change.encode());
        appendAsLeader(entry);
        return entry;
    }

    /**
     * Requests a linearizable read. The result arrives as a {@link ReadState} with this context
     * in a later {@link Ready} once a quorum confirmed leadership (on a follower: once the leader
     * answered its forwarded request). Requests can be lost; callers time out and retry.
     *
     * @throws ProposalRejectedException NOT_LEADER if no leader is known, LEADER_NOT_READY if this
     *                                   leader has not yet committed an entry of its term
     */
    public void readIndex(byte[] context) {
        Objects.requireNonNull(context, "context");
        if (role() == Role.LEADER) {
            leaderReadIndex(context.clone(), self);
        } else if (role() == Role.FOLLOWER && leader() != null) {
            send(new ReadIndexRequest(self, leader(), term(), context.clone()));
        } else {
            throw new ProposalRejectedException(ProposalRejectedException.Reason.NOT_LEADER, leader());
        }
    }

    /** Whether this leader is handing leadership over ({@link #transferLeadership}) and refuses proposals meanwhile. */
    public boolean isTransferringLeadership() {
        return transferee != null;
    }

    /**
     * Hands leadership to {@code target}: the leader stops accepting proposals, brings the
     * target's log up to date and tells it to campaign immediately. Abandoned if the target
     * does not win within an election timeout.
     *
     * @throws ProposalRejectedException NOT_LEADER if this member is not the leader
     * @throws IllegalArgumentException  if {@code target} is not a voter
     */
    public void transferLeadership(NodeId target) {
        if (role() != Role.LEADER) {
            throw new ProposalRejectedException(ProposalRejectedException.Reason.NOT_LEADER, leader());
        }
        if (!membership().isVoter(target)) {
            throw new IllegalArgumentException(target + " is not a voter of " + membership());
        }
        if (target.equals(self) || target.equals(transferee)) {
            return;
        }
        transferee = target;
        electionElapsed = 0;
        if (replication.progress(target).match == log.lastIndex()) {
            send(new TimeoutNow(self, target, term()));
        } else {
            replication.sendAppend(target, true);
        }
    }

    /**
     * The transport failed to deliver a message to {@code peer} (or a snapshot stream to it
     * broke). A leader stops streaming to it, or stops waiting for its snapshot, and probes it
     * again. Otherwise ignored.
     */
    public void reportUnreachable(NodeId peer) {
        if (role() == Role.LEADER) {
            replication.unreachable(peer);
        }
    }

    /** Processes one message from a peer. Messages for another member are a driver bug. */
    public void step(RaftMessage m) {
        if (!m.to().equals(self)) {
            throw new IllegalArgumentException("message for " + m.to() + " stepped into " + self);
        }
        if (m instanceof VoteRequest v && !membership().isVoter(v.from())
                && !log.isUpToDate(v.lastIndex(), v.lastTerm())) {
            // A candidate outside our membership whose log is behind ours — typically a removed
            // node that missed its removal — is ignored, so its terms cannot disrupt the group.
            // One that is ahead may be a voter of a membership our log does not hold yet: it is
            // heard as usual, or a group whose members' logs disagree on the membership could
            // wait forever for each other's votes.
            return;
        }
        if (m.term() > term()) {
            if (m instanceof VoteRequest v) {
                boolean inLease = config.checkQuorum() && leader() != null
                        && electionElapsed < config.electionTicks();
                if (inLease && !v.transfer()) {
                    return; // a live leader exists: do not let a partitioned node disrupt it
                }
            }
            boolean keepTerm = (m instanceof VoteRequest v && v.preVote())
                    || (m instanceof VoteResponse r && r.preVote() && r.granted());
            if (!keepTerm) {
                NodeId lead = fromLeader(m) ? m.from() : null;
                becomeFollower(m.term(), lead);
            }
        } else if (m.term() < term()) {
            if ((config.checkQuorum() || config.preVote()) && fromLeader(m)) {
                // A stale leader (e.g. isolated and unaware): tell it our term so it steps down.
                send(AppendResponse.accept(self, m.from(), term(), 0));
            } else if (m instanceof VoteRequest v && v.preVote()) {
                send(new VoteResponse(self, m.from(), term(), false, true));
            }
            return;
        }
        if (m instanceof VoteRequest v) {
            handleVoteRequest(v);
            return;
        }
        switch (role()) {
            case LEADER -> stepLeader(m);
            case FOLLOWER -> stepFollower(m);
            case PRE_CANDIDATE, CANDIDATE -> stepCandidate(m);
            default -> throw new IllegalStateException("unknown role " + role());
        }
        maybeStepDownAfterRemoval();
    }

    private static boolean fromLeader(RaftMessage m) {
        return m instanceof AppendEntries || m instanceof Heartbeat || m instanceof InstallSnapshot;
    }

    // ---- ready / advance -------------------------------------------------------------------

    /** True if {@link #ready()} would return something to persist, send, apply or report. */
    public boolean hasReady() {
        return log.hasUnstable() || !outbox.isEmpty() || !hardState().equals(lastHardState)
                || log.hasNextCommittedEntries() || !readStates.isEmpty() || log.unstableSnapshot() != null;
    }

    /**
     * Collects pending output. See {@link Ready} for what the driver must do with it.
     *
     * @throws IllegalStateException if the previous Ready has not been advanced
     */
    public Ready ready() {
        if (outstanding != null) {
            throw new IllegalStateException(self + ": ready() before advance() of the previous Ready");
        }
        HardState hs = hardState();
        Ready r = new Ready(log.unstableEntries(), hs.equals(lastHardState) ? null : hs, outbox,
                log.nextCommittedEntries(MAX_APPLY_PER_READY), readStates, log.unstableSnapshot());
        outbox = new ArrayList<>();
        readStates = new ArrayList<>();
        lastHardState = hs;
        outstanding = r;
        return r;
    }

    /**
     * Acknowledges that {@code ready} was processed: its snapshot, entries and hard state are
     * durable, its messages sent, its snapshot installed in the state machine and its committed
     * entries applied.
     */
    public void advance(Ready ready) {
        if (ready != outstanding) {
            throw new IllegalStateException(self + ": advance() of a Ready that is not outstanding");
        }
        outstanding = null;
        if (ready.snapshot() != null) {
            log.snapshotApplied(ready.snapshot(), config.faults().snapshotSkipsEntry());
        }
        if (!ready.entries().isEmpty()) {
            LogEntry last = ready.entries().get(ready.entries().size() - 1);
            log.stableTo(last.index(), last.term());
        }
        if (!ready.committedEntries().isEmpty()) {
            log.appliedTo(ready.committedEntries().get(ready.committedEntries().size() - 1).index());
            members.compactTo(log.applied());
        }
        if (role() == Role.LEADER) {
            replication.selfPersisted(log.persistedIndex()); // its own copy counts once durable
            maybeStepDownAfterRemoval();
        }
    }

    private HardState hardState() {
        return new HardState(term(), election.vote(), log.committed());
    }

    // ---- elections -------------------------------------------------------------------------

    private void campaign(boolean preVote, boolean transfer) {
        long voteTerm;
        if (preVote) {
            election.becomePreCandidate();
            voteTerm = term() + 1;
        } else {
            election.becomeCandidate();
            voteTerm = term();
        }
        resetTimers();
        votes.clear();
        votes.put(self, true);
        if (pollResult() > 0) {
            wonPoll(preVote);
            return;
        }
        for (NodeId peer : peers()) {
            send(new VoteRequest(self, peer, voteTerm, log.lastIndex(), log.lastTerm(), preVote, transfer));
        }
    }

    /** +1 won, -1 lost, 0 undecided. */
    private int pollResult() {
        return switch (Majority.tally(membership(), votes)) {
            case WON -> 1;
            case LOST -> -1;
            case PENDING -> 0;
        };
    }

    private void wonPoll(boolean preVote) {
        if (preVote) {
            campaign(false, false);
        } else {
            becomeLeader();
        }
    }

    private void handleVoteRequest(VoteRequest v) {
        NodeId vote = election.vote();
        boolean canVote = v.from().equals(vote)
                || (vote == null && leader() == null)
                || (v.preVote() && v.term() > term());
        boolean upToDate = config.faults().voteIgnoresLog() || log.isUpToDate(v.lastIndex(), v.lastTerm());
        if (canVote && upToDate) {
            // A granted PreVote answers at the polled term; the real vote is at our (equal) term.
            send(new VoteResponse(self, v.from(), v.term(), true, v.preVote()));
            if (!v.preVote()) {
                electionElapsed = 0;
                election.grantVote(v.from());
            }
        } else {
            send(new VoteResponse(self, v.from(), term(), false, v.preVote()));
        }
    }

    private void stepCandidate(RaftMessage m) {
        boolean pre = role() == Role.PRE_CANDIDATE;
        if (m instanceof AppendEntries a) {
            becomeFollower(m.term(), m.from());
            handleAppend(a);
        } else if (m instanceof Heartbeat h) {
            becomeFollower(m.term(), m.from());
            handleHeartbeat(h);
        } else if (m instanceof InstallSnapshot s) {
            becomeFollower(m.term(), m.from());
            handleSnapshot(s);
        } else if (m instanceof VoteResponse r && r.preVote() == pre) {
            votes.putIfAbsent(r.from(), r.granted());
            int result = pollResult();
            if (result > 0) {
                wonPoll(pre);
            } else if (result < 0) {
                becomeFollower(term(), null);
            }
        }
        // Everything else (stale responses, TimeoutNow, read requests) is ignored.
    }

    private void becomeFollower(long newTerm, NodeId newLeader) {
        election.becomeFollower(newTerm, newLeader);
        resetTimers();
        replication = null;
        reads.clear();
        transferee = null;
    }

    private void becomeLeader() {
        election.becomeLeader();
        resetTimers();
        replication = new LeaderReplication(config, log, term(), membership(), this::send);
        reads.clear();
        transferee = null;
        appendAsLeader(LogEntry.noop(term(), log.lastIndex() + 1));
    }

    private void resetTimers() {
        electionElapsed = 0;
        heartbeatElapsed = 0;
        randomizedElectionTimeout = config.electionTicks() + random.nextInt(config.electionTicks());
    }

    // ---- follower --------------------------------------------------------------------------

    private void stepFollower(RaftMessage m) {
        if (m instanceof AppendEntries a) {
            electionElapsed = 0;
            election.followerLearnsLeader(m.from());
            handleAppend(a);
        } else if (m instanceof Heartbeat h) {
            electionElapsed = 0;
            election.followerLearnsLeader(m.from());
            handleHeartbeat(h);
        } else if (m instanceof InstallSnapshot s) {
            electionElapsed = 0;
            election.followerLearnsLeader(m.from());
            handleSnapshot(s);
        } else if (m instanceof TimeoutNow && refreshEligibility()) {
            campaign(false, true);
        } else if (m instanceof ReadIndexResponse r) {
            readStates.add(new ReadState(r.index(), r.context()));
        }
    }

    private void handleAppend(AppendEntries a) {
        if (a.prevIndex() < log.committed()) {
            send(AppendResponse.accept(self, a.from(), term(), log.committed()));
            return;
        }
        long lastNew = log.maybeAppend(a.prevIndex(), a.prevTerm(), a.commit(), a.entries());
        if (lastNew >= 0) {
            if (members.reconcile(log, a.prevIndex(), a.entries())) {
                membershipChanged();
            }
            send(AppendResponse.accept(self, a.from(), term(), lastNew));
            return;
        }
        long hintIndex = log.findConflictByTerm(Math.min(a.prevIndex(), log.lastIndex()), a.prevTerm());
        send(new AppendResponse(self, a.from(), term(), a.prevIndex(), true, hintIndex, log.term(hintIndex)));
    }

    /** A snapshot from the leader; the answer says how far our log now matches the leader's. */
    private void handleSnapshot(InstallSnapshot m) {
        long committedBefore = log.committed();
        long matched = log.acceptSnapshot(m.snapshot());
        if (log.unstableSnapshot() == m.snapshot()) { // it replaced the whole log
            members.restore(m.snapshot().index(), m.snapshot().term(), m.snapshot().meta().membership(),
                    committedBefore);
            membershipChanged();
        }
        send(AppendResponse.accept(self, m.from(), term(), matched));
    }

    private void handleHeartbeat(Heartbeat h) {
        // The leader sends min(our match, its commit), which our log is known to hold.
        log.commitTo(Math.min(h.commit(), log.lastIndex()));
        send(new HeartbeatResponse(self, h.from(), term(), h.readSequence()));
    }

    // ---- leader ----------------------------------------------------------------------------

    private void tickLeader() {
        heartbeatElapsed++;
        electionElapsed++;
        if (electionElapsed >= config.electionTicks()) {
            electionElapsed = 0;
            if (config.checkQuorum() && !replication.quorumActiveAndReset()) {
                becomeFollower(term(), null);
                return;
            }
            transferee = null; // a transfer that did not finish within an election timeout is abandoned
        }
        if (heartbeatElapsed >= config.heartbeatTicks()) {
            heartbeatElapsed = 0;
            replication.broadcastHeartbeat(reads.lastSequence());
        }
    }

    private void stepLeader(RaftMessage m) {
        if (replication.progress(m.from()) == null) {
            return;
        }
        if (m instanceof AppendResponse r) {
            replication.handleAppendResponse(m.from(), r);
            if (m.from().equals(transferee) && replication.progress(m.from()).match == log.lastIndex()) {
                send(new TimeoutNow(self, m.from(), term()));
            }
        } else if (m instanceof HeartbeatResponse h) {
            replication.handleHeartbeatResponse(m.from(), h);
            releaseReads();
        } else if (m instanceof ReadIndexRequest r) {
            try {
                leaderReadIndex(r.context(), r.from());
            } catch (ProposalRejectedException e) {
                // Not ready yet: the follower's request is dropped; it retries.
            }
        }
    }

    private void appendAsLeader(LogEntry entry) {
        log.append(entry);
        if (members.appended(entry)) {
            membershipChanged();
        }
        replication.appended();
    }

    /** The membership in force changed (an entry was appended or overwritten). */
    private void membershipChanged() {
        Membership m = members.current();
        refreshEligibility();
        if (transferee != null && !m.isVoter(transferee)) {
            transferee = null;
        }
        if (replication != null) {
            replication.membershipChanged(m);
        }
    }

    /** Updates the election state's eligibility; a candidate that lost it gives up. */
    private boolean refreshEligibility() {
        boolean eligible = members.eligible(self, log.committed());
        if (!eligible && (role() == Role.PRE_CANDIDATE || role() == Role.CANDIDATE)) {
            becomeFollower(term(), null);
        }
        election.setEligible(eligible);
        return eligible;
    }

    /**
     * A leader that removed itself leads until the removal commits; then it hands over to the
     * most up-to-date remaining voter (if fully caught up) and steps down.
     */
    private void maybeStepDownAfterRemoval() {
        if (role() != Role.LEADER || membership().isVoter(self) || members.hasUncommittedChange(log.committed())) {
            return;
        }
        NodeId successor = replication.mostUpToDateVoter();
        if (successor != null && replication.progress(successor).match == log.lastIndex()) {
            send(new TimeoutNow(self, successor, term()));
        }
        becomeFollower(term(), null);
        refreshEligibility();
    }

    private void leaderReadIndex(byte[] context, NodeId origin) {
        if (log.term(log.committed()) != term()) {
            throw new ProposalRejectedException(ProposalRejectedException.Reason.LEADER_NOT_READY, self);
        }
        reads.add(log.committed(), context, origin);
        if (replication.hasFollowers()) {
            replication.broadcastHeartbeat(reads.lastSequence());
        }
        releaseReads(); // a sole voter confirms at once
    }

    private void releaseReads() {
        for (ReadIndexQueue.Pending p : reads.release(replication::readConfirmed)) {
            if (p.origin().equals(self)) {
                readStates.add(new ReadState(p.index(), p.context()));
            } else {
                send(new ReadIndexResponse(self, p.origin(), term(), p.index(), p.context()));
            }
        }
    }

    private List<NodeId> peers() {
        return membership().voters().stream().filter(n -> !n.equals(self)).toList();
    }

    private void send(RaftMessage m) {
        outbox.add(m);
    }

    @Override
    public String toString() {
        return election + " commit=" + log.committed() + " applied=" + log.applied() + " last=" + log.lastIndex();
    }
}
