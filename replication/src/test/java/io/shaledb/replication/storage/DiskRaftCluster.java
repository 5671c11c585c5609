package io.shaledb.replication.storage;

import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.RaftConfig;
import io.shaledb.replication.raft.RaftMessage;
import io.shaledb.replication.raft.RaftNode;
import io.shaledb.replication.raft.Ready;
import io.shaledb.replication.raft.Role;
import io.shaledb.replication.raft.Snapshot;
import io.shaledb.replication.storage.RaftLogWriter.GroupReady;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * One Raft group whose members each persist to their own engine in a directory under a root,
 * through {@link RocksRaftStorage} and {@link RaftLogWriter}, connected by an in-memory FIFO
 * network and driven by the calling thread (tests and the commit benchmark). Randomness (the
 * election timeouts) is seeded per member. Members can be crashed (engine closed, in-memory
 * state dropped, messages to it lost) and restarted from disk.
 */
public final class DiskRaftCluster implements AutoCloseable {
    public static final RangeId RANGE = RangeId.of(1);

    /** One member: its engine, storage, writer, node and what it has applied (in order). */
    public static final class Member {
        final NodeId id;
        final Path dir;
        Engine engine;
        RocksRaftStorage storage;
        RaftLogWriter writer;
        RaftNode node;
        final List<LogEntry> applied = new ArrayList<>();
        final List<Snapshot> installed = new ArrayList<>();

        Member(NodeId id, Path dir) {
            this.id = id;
            this.dir = dir;
        }

        public RaftNode node() {
            return node;
        }

        public RocksRaftStorage storage() {
            return storage;
        }

        public RaftLogWriter writer() {
            return writer;
        }

        public boolean up() {
            return node != null;
        }

        /** Snapshots installed from a leader since the last (re)start, in order. */
        public List<Snapshot> installedSnapshots() {
            return installed;
        }

        /** Command entries applied since the last (re)start, in order. */
        public List<LogEntry> appliedCommands() {
            return applied.stream().filter(e -> e.type() == EntryType.COMMAND).toList();
        }
    }

    private final List<NodeId> ids = new ArrayList<>();
    private final Map<NodeId, Member> members = new LinkedHashMap<>();
    private final EngineOptions options;
    private final long seed;
    private final ArrayDeque<RaftMessage> network = new ArrayDeque<>();
    private BiConsumer<NodeId, LogEntry> applyListener = (id, e) -> { };
    private long delivered;

    public DiskRaftCluster(Path root, int size, EngineOptions options, long seed) {
        this.options = options;
        this.seed = seed;
        for (int i = 1; i <= size; i++) {
            NodeId id = NodeId.of(i);
            ids.add(id);
            members.put(id, new Member(id, root.resolve("n" + i)));
        }
        for (NodeId id : ids) {
            start(id);
        }
    }

    /** Called on the driving thread for every entry a member applies. */
    public void onApply(BiConsumer<NodeId, LogEntry> listener) {
        this.applyListener = listener;
    }

    public Member member(long id) {
        return members.get(NodeId.of(id));
    }

    public List<NodeId> ids() {
        return List.copyOf(ids);
    }

    /** The running leader with the highest term, or null. */
    public Member leader() {
        Member best = null;
        for (Member m : members.values()) {
            if (m.up() && m.node.role() == Role.LEADER && (best == null || m.node.term() > best.node.term())) {
                best = m;
            }
        }
        return best;
    }

    public long deliveredMessages() {
        return delivered;
    }

    /** Ticks every running member once. */
    public void tickAll() {
        for (Member m : members.values()) {
            if (m.up()) {
                m.node.tick();
            }
        }
    }

    /**
     * One round: every running member handles at most one Ready (persist, send, apply,
     * advance), then every message queued before the round's delivery starts is delivered.
     *
     * @return whether anything was persisted, sent, applied or delivered
     */
    public boolean step() {
        boolean progress = false;
        for (Member m : members.values()) {
            if (m.up() && m.node.hasReady()) {
                handleReady(m);
                progress = true;
            }
        }
        for (int n = network.size(); n > 0; n--) {
            RaftMessage msg = network.poll();
            Member to = members.get(msg.to());
            if (to != null && to.up()) {
                to.node.step(msg);
                delivered++;
            }
            progress = true;
        }
        return progress;
    }

    /** Steps until nothing happens, at most {@code maxRounds} rounds. */
    public void drain(int maxRounds) {
        for (int i = 0; i < maxRounds && step(); i++) {
            // keep going
        }
    }

    /** Ticks and drains until some member leads, at most {@code maxTicks} ticks. */
    public Member awaitLeader(int maxTicks) {
        for (int t = 0; t < maxTicks; t++) {
            drain(1000);
            Member l = leader();
            if (l != null) {
                return l;
            }
            tickAll();
        }
        throw new AssertionError("no leader after " + maxTicks + " ticks");
    }

    /** Drops the member's in-memory state and closes its engine; its messages are lost. */
    public void crash(long id) {
        Member m = member(id);
        m.node = null;
        m.storage = null;
        m.writer = null;
        m.applied.clear();
        m.installed.clear();
        m.engine.close();
        m.engine = null;
    }

    /** Reopens the member's engine and restarts its node from what the disk holds. */
    public void restart(long id) {
        start(NodeId.of(id));
    }

    private void start(NodeId id) {
        Member m = members.get(id);
        m.engine = Engine.open(m.dir, options);
        m.storage = RocksRaftStorage.open(m.engine, RANGE);
        m.writer = new RaftLogWriter(m.engine);
        m.node = new RaftNode(RaftConfig.of(id, ids), m.storage, new SplittableRandom(seed * 1_000_003L + id.value()));
        m.applied.clear();
    }

    private void handleReady(Member m) {
        Ready r = m.node.ready();
        m.writer.persist(List.of(new GroupReady(m.storage, r)));
        network.addAll(r.messages());
        if (r.snapshot() != null) {
            m.installed.add(r.snapshot()); // the state machine is just the applied list: nothing to load
        }
        for (LogEntry e : r.committedEntries()) {
            m.applied.add(e);
            applyListener.accept(m.id, e);
        }
        m.node.advance(r);
    }

    @Override
    public void close() {
        for (Member m : members.values()) {
            if (m.engine != null) {
                m.engine.close();
                m.engine = null;
                m.node = null;
            }
        }
    }
}
