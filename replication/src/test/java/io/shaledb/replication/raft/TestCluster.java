package io.shaledb.replication.raft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A synchronous cluster for scenario tests (like etcd's raft_test network): every Ready is
 * persisted and its messages delivered immediately, in FIFO order, except across cut links.
 * Applied commands and installed snapshots are recorded per node.
 */
final class TestCluster {
    final List<NodeId> ids = new ArrayList<>();
    final Map<NodeId, RaftNode> nodes = new HashMap<>();
    final Map<NodeId, MemoryRaftStorage> storages = new HashMap<>();
    final Map<NodeId, List<LogEntry>> applied = new HashMap<>();
    final Map<NodeId, List<ReadState>> readStates = new HashMap<>();
    final Map<NodeId, List<Snapshot>> installed = new HashMap<>();
    /** Messages matching this are dropped (once each) as if lost; for snapshot-loss scenarios. */
    java.util.function.Predicate<RaftMessage> lose = m -> false;
    private final Set<List<NodeId>> cut = new HashSet<>();
    private final ArrayDeque<RaftMessage> inFlight = new ArrayDeque<>();
    private final Function<NodeId, RaftConfig> configs;
    /** Messages dropped because of a cut link, for assertions. */
    final List<RaftMessage> dropped = new ArrayList<>();
    /** Every message delivered, in order. */
    final List<RaftMessage> delivered = new ArrayList<>();

    TestCluster(int size, Function<RaftConfig, RaftConfig> customize) {
        for (int i = 1; i <= size; i++) {
            ids.add(NodeId.of(i));
        }
        this.configs = id -> customize.apply(RaftConfig.of(id, ids));
        for (NodeId id : ids) {
            storages.put(id, new MemoryRaftStorage());
            start(id);
        }
    }

    TestCluster(int size) {
        this(size, c -> c);
    }

    RaftNode node(long id) {
        return nodes.get(NodeId.of(id));
    }

    MemoryRaftStorage storage(long id) {
        return storages.get(NodeId.of(id));
    }

    /** (Re)starts a node from its storage, with a seed fixed by its id. */
    void start(NodeId id) {
        nodes.put(id, new RaftNode(configs.apply(id), storages.get(id), new SplittableRandom(id.value())));
        applied.put(id, new ArrayList<>());
        readStates.put(id, new ArrayList<>());
        installed.put(id, new ArrayList<>());
    }

    /** Replaces a node's storage with {@code log} (entries and hard state) and restarts it. */
    void restartWith(long id, List<LogEntry> log, HardState hs) {
        MemoryRaftStorage s = new MemoryRaftStorage();
        s.append(log);
        s.setHardState(hs);
        storages.put(NodeId.of(id), s);
        start(NodeId.of(id));
    }

    void cut(long a, long b) {
        cut.add(List.of(NodeId.of(a), NodeId.of(b)));
        cut.add(List.of(NodeId.of(b), NodeId.of(a)));
    }

    void isolate(long a) {
        for (NodeId other : ids) {
            if (other.value() != a) {
                cut(a, other.value());
            }
        }
    }

    void heal() {
        cut.clear();
    }

    /** Processes readies and delivers messages until nothing is left. */
    void stabilize() {
        for (int rounds = 0; rounds < 100_000; rounds++) {
            boolean progress = false;
            for (NodeId id : ids) {
                RaftNode n = nodes.get(id);
                if (n.hasReady()) {
                    progress = true;
                    Ready r = n.ready();
                    if (r.snapshot() != null) {
                        storages.get(id).applySnapshot(r.snapshot());
                        installed.get(id).add(r.snapshot());
                    }
                    storages.get(id).append(r.entries());
                    if (r.hardState() != null) {
                        storages.get(id).setHardState(r.hardState());
                    }
                    inFlight.addAll(r.messages());
                    applied.get(id).addAll(r.committedEntries());
                    readStates.get(id).addAll(r.readStates());
                    n.advance(r);
                }
            }
            RaftMessage m = inFlight.pollFirst();
            if (m != null) {
                progress = true;
                if (cut.contains(List.of(m.from(), m.to())) || lose.test(m)) {
                    dropped.add(m);
                } else {
                    delivered.add(m);
                    nodes.get(m.to()).step(m);
                }
            }
            if (!progress) {
                return;
            }
        }
        throw new AssertionError("cluster did not stabilize");
    }

    void tick(long id, int times) {
        for (int i = 0; i < times; i++) {
            node(id).tick();
            stabilize();
        }
    }

    /** Ticks every node {@code times} times, stabilizing after each round. */
    void tickAll(int times) {
        for (int i = 0; i < times; i++) {
            for (NodeId id : ids) {
                nodes.get(id).tick();
            }
            stabilize();
        }
    }

    void campaign(long id) {
        node(id).campaign();
        stabilize();
    }

    List<byte[]> appliedCommands(long id) {
        List<byte[]> out = new ArrayList<>();
        for (LogEntry e : applied.get(NodeId.of(id))) {
            if (e.type() == EntryType.COMMAND) {
                out.add(e.data());
            }
        }
        return out;
    }
}
