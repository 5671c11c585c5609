package io.shaledb.replication.store;

import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.ConfChange;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.RaftNode;
import io.shaledb.replication.raft.Ready;
import io.shaledb.replication.raft.SnapshotMeta;
import io.shaledb.replication.storage.RaftLogWriter;
import io.shaledb.replication.storage.RaftLogWriter.GroupReady;
import io.shaledb.replication.storage.RocksRaftStorage;
import io.shaledb.replication.transport.RaftBatch;
import io.shaledb.replication.transport.RaftEnvelope;
import io.shaledb.replication.transport.RaftTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's multi-raft store: the replicas of many ranges, their Raft logs in one engine, one
 * transport to the other stores and one scheduler driving them all. See the package
 * documentation for the threading model and quiescence.
 *
 * <p><b>Ownership.</b> The store owns the transport and the scheduler it is opened with (and its
 * ticker) and closes them; the engine is only borrowed (a node shares it with other users) and
 * must outlive the store. Member ids inside every group are store node ids: the replica of a
 * range on store {@code n} is member {@code n} of the range's group.
 *
 * <p><b>Requests.</b> {@link #propose}, {@link #readIndex}, {@link #transferLeadership} and
 * {@link #removeReplica} are thread-safe and asynchronous: they post to the replica's mailbox
 * and return a future completed later on a worker thread (so callbacks attached with the
 * non-async {@code CompletableFuture} methods run on a worker: keep them short, never block).
 * A request may wait indefinitely when messages are lost in a way Raft cannot observe (e.g. a
 * proposal whose entry was dropped before replication while no later entry reaches its index);
 * callers bound their waits ({@code orTimeout}) and retry.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private final NodeId self;
    private final Engine engine;
    private final RaftTransport transport;
    private final RaftScheduler scheduler;
    private final ReplicaStateMachine.Factory stateMachines;
    private final StoreConfig config;
    private final ConcurrentHashMap<RangeId, Replica> replicas = new ConcurrentHashMap<>();
    /** Ranges whose replica ticks (not quiesced); keyed by id so iteration order is reproducible. */
    private final Set<RangeId> active = ConcurrentHashMap.newKeySet();
    private final PeerLiveness liveness;
    private final StoreCounters counters = new StoreCounters();
    private final AtomicLong ticks = new AtomicLong();
    /** Group-commit writers, one per concurrently processing worker (a writer is single-threaded). */
    private final ConcurrentLinkedQueue<RaftLogWriter> idleWriters = new ConcurrentLinkedQueue<>();
    private final List<RaftLogWriter> allWriters = new CopyOnWriteArrayList<>();
    private final ReplicaHost host = new Host();
    private final Object lifecycle = new Object();
    private volatile boolean closed;
    private volatile Throwable failure;
    private Ticker ticker; // guarded by lifecycle

    private Store(NodeId self, Engine engine, RaftTransport transport, RaftScheduler scheduler,
                  ReplicaStateMachine.Factory stateMachines, StoreConfig config) {
        this.self = Objects.requireNonNull(self, "self");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.stateMachines = Objects.requireNonNull(stateMachines, "stateMachines");
        this.config = Objects.requireNonNull(config, "config");
        this.liveness = new PeerLiveness(config.electionTicks());
    }

    /**
     * Opens the store of node {@code self}: recreates every replica recorded in {@code engine}
     * (each restarts as a follower from its persisted Raft state, its state machine created
     * fresh by {@code stateMachines}, restored from the replica's latest snapshot if it holds
     * less than that, and caught up by replaying the committed entries after it in the first
     * processing pass), starts listening on {@code transport} and starts {@code scheduler}.
     */
    public static Store open(NodeId self, Engine engine, RaftTransport transport, RaftScheduler scheduler,
                             ReplicaStateMachine.Factory stateMachines, StoreConfig config) {
        Store store = new Store(self, engine, transport, scheduler, stateMachines, config);
        try {
            for (Map.Entry<RangeId, Membership> e : ReplicaDescriptors.load(engine).entrySet()) {
                store.register(e.getKey(), e.getValue());
            }
            scheduler.start(store::process);
            transport.listen(self, store::onBatch);
            store.replicas.keySet().forEach(scheduler::enqueue); // replay committed entries now
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
        return store;
    }

    public NodeId nodeId() {
        return self;
    }

    public StoreConfig config() {
        return config;
    }

    // ---- replicas ----------------------------------------------------------------------------

    /**
     * Creates this store's replica of {@code range}, whose group started with the initial
     * membership {@code membership}, recording it durably so a reopened store recreates it. The
     * replica starts as a follower and ticks; it elects a leader with its peers (see also
     * {@link #campaign}).
     *
     * <p><b>Joining an existing group.</b> Membership changes go through {@link #changeReplicas};
     * a store that does not host the range drops messages for it. To add this store to a group,
     * create its replica here <em>empty</em> with the group's <em>initial</em> membership (any
     * member's {@link Replica#initialMembership()}), which need not contain this node, before or
     * right after proposing {@code ConfChange.addLearner} for it: the leader then brings it up to
     * date, from its log if it still holds every entry (the initial membership is the base the
     * logged changes apply to) or else by snapshot (which carries the membership). Until its log
     * makes it a voter, the replica never campaigns. (Creating it automatically on the first
     * message would need the initial membership on the wire; the explicit call keeps the
     * transport unchanged.)
     *
     * @throws IllegalStateException if the store already has a replica of {@code range} or is
     *                               closed
     */
    public Replica createReplica(RangeId range, Membership membership) {
        return createReplicas(List.of(range), membership).get(0);
    }

    /**
     * As {@link #createReplica} for many ranges with the same membership, recorded with one
     * synced write (bootstrapping a node with many ranges). All or none are created.
     */
    public List<Replica> createReplicas(List<RangeId> ranges, Membership membership) {
        Objects.requireNonNull(membership, "membership");
        if (new HashSet<>(ranges).size() != ranges.size()) {
            throw new IllegalArgumentException("duplicate ranges in " + ranges);
        }
        synchronized (lifecycle) {
            checkOpen();
            for (RangeId range : ranges) {
                if (replicas.containsKey(Objects.requireNonNull(range, "range"))) {
                    throw new IllegalStateException(self + " already has a replica of " + range);
                }
            }
            try (EngineBatch batch = engine.newBatch()) {
                ranges.forEach(range -> ReplicaDescriptors.put(batch, range, membership));
                engine.write(batch, true);
            }
            List<Replica> created = new ArrayList<>(ranges.size());
            ranges.forEach(range -> created.add(register(range, membership)));
            return created;
        }
    }

    private Replica register(RangeId range, Membership membership) {
        RocksRaftStorage storage = RocksRaftStorage.open(engine, range);
        ReplicaStateMachine sm = stateMachines.create(range);
        SnapshotMeta snapshot = storage.snapshotMeta();
        long snapshotIndex = snapshot == null ? 0 : snapshot.index();
        if (sm.appliedIndex() < snapshotIndex) {
            // The entries it misses may be compacted: start from the snapshot, replay what follows.
            sm.restore(storage.snapshot().data());
        }
        // The node restarts applying after the snapshot (or from the log start), where the group's
        // state is known without the state machine's help; entries a durable state machine
        // already holds are handed out again and skipped in Replica.applyAndAdvance.
        long applied = snapshotIndex;
        RaftNode node = new RaftNode(config.raftConfig(self, membership, applied), storage,
                new SplittableRandom(config.replicaSeed(range, self)));
        Replica r = new Replica(range, self, membership, sm, storage, node);
        long now = ticks.get();
        for (NodeId peer : r.membership().voters()) {
            if (!peer.equals(self)) {
                liveness.add(peer, now);
            }
        }
        for (NodeId peer : r.membership().learners()) {
            if (!peer.equals(self)) {
                liveness.add(peer, now);
            }
        }
        replicas.put(range, r);
        active.add(range);
        return r;
    }

    /**
     * Proposes a single-server membership change of {@code range}'s group through this store's
     * replica, which must be the leader: add a learner, promote it ({@code addVoter}), or remove
     * a member (possibly the leader itself, which hands leadership to another voter once the
     * removal commits). A replica that applies its own removal destroys itself (fails its
     * requests, deletes its log and record) an election timeout later. A removed follower
     * usually never receives its removal (the leader stops replicating to it as soon as the
     * change is in its log): remove it from its store with {@link #removeReplica} once this
     * future completes.
     *
     * @return completes with the group's membership after the change once its entry is applied
     *         here; fails with {@link NotLeaderException}, {@link ProposalSupersededException},
     *         {@link ProposalOutcomeUnknownException} or {@link ReplicaUnavailableException} as
     *         {@link #propose} does, with {@link io.shaledb.replication.raft.ProposalRejectedException}
     *         if another change is still uncommitted or the leader has not committed an entry of
     *         its term yet (retry later), or {@link IllegalArgumentException} if the change does
     *         not apply to the current membership
     */
    public CompletableFuture<Membership> changeReplicas(RangeId range, ConfChange change) {
        CompletableFuture<Membership> f = new CompletableFuture<>();
        submit(range, new ReplicaOp.ChangeReplicas(Objects.requireNonNull(change, "change"), f), f);
        return f;
    }

    /**
     * Removes this store's replica of {@code range} and deletes its Raft state and record.
     * Requests pending on it fail with {@link ReplicaUnavailableException} ({@code REMOVED}).
     * The group's membership is not changed: that is the caller's business.
     *
     * @return completes once the replica is gone; fails with NOT_FOUND if there is none
     */
    public CompletableFuture<Void> removeReplica(RangeId range) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        submit(range, new ReplicaOp.Remove(f), f);
        return f;
    }

    /** This store's replica of {@code range}, if any. */
    public Optional<Replica> replica(RangeId range) {
        return Optional.ofNullable(replicas.get(range));
    }

    /** The ranges this store holds a replica of, ascending. */
    public Set<RangeId> rangeIds() {
        return Collections.unmodifiableSet(new TreeSet<>(replicas.keySet()));
    }

    // ---- requests ----------------------------------------------------------------------------

    /**
     * Proposes {@code command} to {@code range}'s group through this store's replica, which
     * must be the leader.
     *
     * @return completes with the state machine's result once the command is applied here; fails
     *         with {@link NotLeaderException} (nothing proposed), {@link ProposalSupersededException}
     *         (never applied), or {@link ReplicaUnavailableException} (outcome unknown)
     */
    public CompletableFuture<byte[]> propose(RangeId range, byte[] command) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        submit(range, new ReplicaOp.Propose(command.clone(), f), f);
        return f;
    }

    /**
     * A linearizable read point of {@code range} (Raft ReadIndex, served by the leader or
     * forwarded to it by a follower).
     *
     * @return completes with an index once this replica has applied at least up to it: reading
     *         its state machine then observes every command applied anywhere before this call;
     *         fails with {@link NotLeaderException} if no leader is known or leadership changed
     *         meanwhile (retry)
     */
    public CompletableFuture<Long> readIndex(RangeId range) {
        CompletableFuture<Long> f = new CompletableFuture<>();
        submit(range, new ReplicaOp.Read(f), f);
        return f;
    }

    /**
     * Asks this store's replica, the leader, to hand leadership of {@code range} to
     * {@code target}'s replica.
     *
     * @return completes when the transfer has started (not when it finished); fails with
     *         {@link NotLeaderException}, or {@link IllegalArgumentException} if {@code target}
     *         is not a voter
     */
    public CompletableFuture<Void> transferLeadership(RangeId range, NodeId target) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        submit(range, new ReplicaOp.Transfer(Objects.requireNonNull(target, "target"), f), f);
        return f;
    }

    /** Makes this store's replica of {@code range} start an election now (e.g. right after creating a group). */
    public void campaign(RangeId range) {
        submit(range, new ReplicaOp.Campaign(), new CompletableFuture<>());
    }

    private void submit(RangeId range, ReplicaOp op, CompletableFuture<?> f) {
        Objects.requireNonNull(range, "range");
        Replica r = replicas.get(range);
        if (closed || failure != null) {
            f.completeExceptionally(unavailable(range));
            return;
        }
        if (r == null) {
            f.completeExceptionally(new ReplicaUnavailableException(range, ReplicaUnavailableException.Reason.NOT_FOUND, null));
            return;
        }
        r.mailbox.add(op);
        scheduler.enqueue(range);
        if (r.isRemoved() || closed) { // raced with removal or close: nobody will process it
            r.failMailbox(r.isRemoved() && !closed
                    ? new ReplicaUnavailableException(range, ReplicaUnavailableException.Reason.REMOVED, null)
                    : unavailable(range));
        }
    }

    private ReplicaUnavailableException unavailable(RangeId range) {
        Throwable cause = failure;
        return new ReplicaUnavailableException(range, cause != null ? ReplicaUnavailableException.Reason.STORE_FAILED
                : ReplicaUnavailableException.Reason.STORE_CLOSED, cause);
    }

    // ---- time --------------------------------------------------------------------------------

    /**
     * Advances the store's logical clock by one tick: every non-quiesced replica gets a Raft
     * tick; every heartbeat interval each peer store gets an (empty) liveness batch; peers silent
     * for an election timeout are declared dead and the groups quiesced under their leadership
     * are woken so they can elect a new leader (and when a dead peer is heard from again, the
     * quiesced groups it belongs to are woken so it catches up). Called by one thread (a ticker or a simulation).
     */
    public void tick() {
        if (closed) {
            return;
        }
        long now = ticks.incrementAndGet();
        for (RangeId id : active) {
            Replica r = replicas.get(id);
            if (r != null) {
                r.pendingTicks.incrementAndGet();
                scheduler.enqueue(id);
            }
        }
        if (now % config.heartbeatTicks() == 0) {
            for (NodeId peer : liveness.peers()) {
                transport.send(new RaftBatch(self, peer, List.of()));
                counters.emptyBatchesSent.increment();
            }
        }
        for (NodeId dead : liveness.newlyDead(now)) {
            LOG.debug("{}: no word from {} for {} ticks, waking the groups it led", self, dead, config.electionTicks());
            for (Replica r : replicas.values()) {
                if (r.isQuiesced() && dead.equals(r.quiescedLeader())) {
                    r.mailbox.add(new ReplicaOp.Wake());
                    scheduler.enqueue(r.rangeId());
                } else if (!r.isQuiesced() && r.status().isLeader()) {
                    r.mailbox.add(new ReplicaOp.Unreachable(dead));
                    scheduler.enqueue(r.rangeId());
                }
            }
        }
    }

    /**
     * Starts a daemon thread calling {@link #tick()} every {@code interval}, stopped by
     * {@link #close()}.
     *
     * @throws IllegalStateException if already ticking or closed
     */
    public void startTicker(Duration interval) {
        synchronized (lifecycle) {
            checkOpen();
            if (ticker != null) {
                throw new IllegalStateException(self + " already has a ticker");
            }
            ticker = new Ticker("shale-raft-ticker-" + self, interval, this::tick);
        }
    }

    /** Ticks so far. */
    public long ticks() {
        return ticks.get();
    }

    // ---- inbound -----------------------------------------------------------------------------

    private void onBatch(RaftBatch batch) {
        if (closed) {
            return;
        }
        if (liveness.heard(batch.from(), ticks.get())) {
            wakeGroupsOf(batch.from());
        }
        for (RaftEnvelope env : batch.messages()) {
            Replica r = env.message().to().equals(self) ? replicas.get(env.range()) : null;
            if (r == null) {
                counters.messagesDropped.increment();
                continue;
            }
            counters.messagesReceived.increment();
            r.mailbox.add(new ReplicaOp.Inbound(env));
            scheduler.enqueue(env.range());
        }
    }

    /**
     * A peer declared dead is back: wake this store's quiesced groups it belongs to. They may
     * have quiesced while it was away (a leader does not wait for dead followers, and a leader
     * stranded with dead peers quiesces too), so without a wake the peer would stay behind, or
     * a stale leader would never learn of the newer term.
     */
    private void wakeGroupsOf(NodeId peer) {
        LOG.debug("{}: {} is back, waking the quiesced groups it belongs to", self, peer);
        for (Replica r : replicas.values()) {
            if (r.isQuiesced() && r.membership().contains(peer)) {
                r.mailbox.add(new ReplicaOp.Wake());
                scheduler.enqueue(r.rangeId());
            }
        }
    }

    // ---- processing (worker threads) ---------------------------------------------------------

    /**
     * One pass over a batch of ranges: handle each one's inputs, persist all their Readys in one
     * group commit, send all their messages in one batch per peer, apply committed entries and
     * advance. Runs on a scheduler thread; the scheduler guarantees no range is in two passes.
     */
    private void process(List<RangeId> ranges) {
        if (closed || failure != null) {
            return;
        }
        counters.passes.increment();
        List<Replica> owned = new ArrayList<>(ranges.size());
        try {
            List<Replica> withReady = new ArrayList<>();
            List<GroupReady> readies = new ArrayList<>();
            List<RaftEnvelope> extra = new ArrayList<>();
            for (RangeId id : ranges) {
                Replica r = replicas.get(id);
                if (r == null) {
                    continue;
                }
                if (!r.processing.compareAndSet(false, true)) {
                    throw new IllegalStateException(id + " is being processed by another thread");
                }
                owned.add(r);
                if (!r.handleInputs(host, extra)) {
                    destroy(r);
                    continue;
                }
                if (r.node.hasReady()) {
                    withReady.add(r);
                    readies.add(new GroupReady(r.storage, r.node.ready()));
                }
            }
            if (!readies.isEmpty()) {
                persist(readies);
            }
            send(readies, extra);
            for (int i = 0; i < withReady.size(); i++) {
                Replica r = withReady.get(i);
                r.applyAndAdvance(readies.get(i).ready(), host);
                if (r.maybeSnapshot(config)) {
                    counters.snapshotsTaken.increment();
                }
            }
            for (Replica r : owned) {
                if (r.isRemoved()) {
                    continue;
                }
                r.endPass();
                if (r.node.hasReady()) {
                    scheduler.enqueue(r.rangeId()); // e.g. the leader's own append now counts: commit
                }
            }
        } catch (RuntimeException | Error e) {
            fail(e);
            throw e;
        } finally {
            for (Replica r : owned) {
                r.processing.set(false);
            }
        }
    }

    private void persist(List<GroupReady> readies) {
        RaftLogWriter writer = idleWriters.poll();
        if (writer == null) {
            writer = new RaftLogWriter(engine);
            allWriters.add(writer);
        }
        try {
            writer.persist(readies);
        } finally {
            idleWriters.add(writer);
        }
        counters.readiesPersisted.add(readies.size());
    }

    /** Sends every Ready's messages, then the quiesce heartbeats, as one batch per peer. */
    private void send(List<GroupReady> readies, List<RaftEnvelope> extra) {
        Map<NodeId, List<RaftEnvelope>> byPeer = new LinkedHashMap<>();
        for (GroupReady g : readies) {
            Ready ready = g.ready();
            RangeId range = g.storage().rangeId();
            ready.messages().forEach(m -> byPeer.computeIfAbsent(m.to(), p -> new ArrayList<>())
                    .add(RaftEnvelope.of(range, m)));
        }
        extra.forEach(env -> byPeer.computeIfAbsent(env.message().to(), p -> new ArrayList<>()).add(env));
        for (Map.Entry<NodeId, List<RaftEnvelope>> e : byPeer.entrySet()) {
            transport.send(new RaftBatch(self, e.getKey(), e.getValue()));
            counters.batchesSent.increment();
            counters.messagesSent.add(e.getValue().size());
        }
    }

    /** Removes a replica on the worker processing it: fails its requests, deletes its state. */
    private void destroy(Replica r) {
        RangeId range = r.rangeId();
        List<CompletableFuture<Void>> removals = List.copyOf(r.removals());
        r.abandon(ReplicaUnavailableException.Reason.REMOVED, null);
        synchronized (lifecycle) {
            replicas.remove(range, r);
            active.remove(range);
            try (EngineBatch batch = engine.newBatch()) {
                ReplicaDescriptors.delete(batch, range);
                r.storage.destroy(batch);
                engine.write(batch, true);
            }
        }
        removals.forEach(f -> f.complete(null));
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
            LOG.error("{}: store failed; it processes nothing more until closed", self, e);
        }
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("store " + self + " is closed");
        }
    }

    /** The failure that stopped the store, if any. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    public StoreStats stats() {
        long synced = 0;
        for (RaftLogWriter w : allWriters) {
            synced += w.syncedWrites();
        }
        return new StoreStats(counters.raftTicks.sum(), counters.quiesces.sum(), counters.wakes.sum(),
                counters.messagesSent.sum(), counters.batchesSent.sum(), counters.emptyBatchesSent.sum(),
                counters.messagesReceived.sum(), counters.messagesDropped.sum(), counters.passes.sum(),
                counters.readiesPersisted.sum(), synced, replicas.size(), active.size(),
                counters.snapshotsTaken.sum(), counters.snapshotsInstalled.sum());
    }

    /**
     * Stops the ticker, the transport and the scheduler (waiting for the pass in progress), then
     * fails every pending request with {@link ReplicaUnavailableException}. The engine stays open.
     * Idempotent.
     */
    @Override
    public void close() {
        Ticker t;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            t = ticker;
            ticker = null;
        }
        try (RaftTransport tr = transport; RaftScheduler s = scheduler) {
            if (t != null) {
                t.close();
            }
        } finally {
            Throwable cause = failure;
            ReplicaUnavailableException.Reason reason = cause != null
                    ? ReplicaUnavailableException.Reason.STORE_FAILED : ReplicaUnavailableException.Reason.STORE_CLOSED;
            for (Replica r : replicas.values()) {
                r.abandon(reason, cause);
            }
            replicas.clear();
            active.clear();
        }
    }

    @Override
    public String toString() {
        return "Store[" + self + ", " + replicas.size() + " replicas, " + active.size() + " active]";
    }

    private final class Host implements ReplicaHost {
        @Override
        public StoreConfig config() {
            return config;
        }

        @Override
        public StoreCounters counters() {
            return counters;
        }

        @Override
        public boolean isPeerAlive(NodeId node) {
            return liveness.isAlive(node, ticks.get());
        }

        @Override
        public void setQuiesced(RangeId range, boolean quiesced) {
            if (quiesced) {
                active.remove(range);
            } else {
                active.add(range);
            }
        }
    }
}
