package io.shaledb.replication.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.shaledb.replication.storage.RaftLogWriter.GroupReady;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three stores, each hosting a member of several groups in one engine; each store persists all
 * its groups' Readys of a round with one {@link RaftLogWriter#persist} call.
 */
class MultiGroupStoreTest {
    private static final EngineOptions OPTIONS = new EngineOptions(false, 8L << 20);
    private static final List<RangeId> RANGES = List.of(RangeId.of(1), RangeId.of(0x100), RangeId.of(0x10000));
    private static final List<NodeId> NODES = List.of(NodeId.of(1), NodeId.of(2), NodeId.of(3));

    @TempDir
    Path root;

    private record Envelope(RangeId range, RaftMessage message) {
    }

    private final class Store {
        final NodeId id;
        Engine engine;
        RaftLogWriter writer;
        final Map<RangeId, RocksRaftStorage> storages = new LinkedHashMap<>();
        final Map<RangeId, RaftNode> nodes = new LinkedHashMap<>();
        final Map<RangeId, List<String>> applied = new LinkedHashMap<>();
        long groupReadiesPersisted;

        Store(NodeId id) {
            this.id = id;
            start();
        }

        void start() {
            engine = Engine.open(root.resolve("s" + id.value()), OPTIONS);
            writer = new RaftLogWriter(engine);
            for (RangeId r : RANGES) {
                RocksRaftStorage s = RocksRaftStorage.open(engine, r);
                storages.put(r, s);
                nodes.put(r, new RaftNode(RaftConfig.of(id, NODES), s,
                        new SplittableRandom(r.value() * 31 + id.value())));
                applied.put(r, new ArrayList<>());
            }
        }

        void stop() {
            engine.close();
            storages.clear();
            nodes.clear();
        }

        /** One group commit for every group with a Ready. */
        boolean handleReadies(ArrayDeque<Envelope> network) {
            List<RangeId> ranges = new ArrayList<>();
            List<GroupReady> batch = new ArrayList<>();
            for (RangeId r : nodes.keySet()) {
                if (nodes.get(r).hasReady()) {
                    ranges.add(r);
                    batch.add(new GroupReady(storages.get(r), nodes.get(r).ready()));
                }
            }
            if (batch.isEmpty()) {
                return false;
            }
            writer.persist(batch);
            groupReadiesPersisted += batch.stream().filter(g -> !g.ready().entries().isEmpty()).count();
            for (int i = 0; i < batch.size(); i++) {
                Ready ready = batch.get(i).ready();
                RangeId r = ranges.get(i);
                ready.messages().forEach(m -> network.add(new Envelope(r, m)));
                for (LogEntry e : ready.committedEntries()) {
                    if (e.type() == EntryType.COMMAND) {
                        applied.get(r).add(new String(e.data(), StandardCharsets.UTF_8));
                    }
                }
                nodes.get(r).advance(ready);
            }
            return true;
        }
    }

    private final Map<NodeId, Store> stores = new LinkedHashMap<>();
    private final ArrayDeque<Envelope> network = new ArrayDeque<>();

    private void drain() {
        for (int round = 0; round < 1000; round++) {
            boolean progress = false;
            for (Store s : stores.values()) {
                progress |= !s.nodes.isEmpty() && s.handleReadies(network);
            }
            for (int n = network.size(); n > 0; n--, progress = true) {
                Envelope e = network.poll();
                RaftNode to = stores.get(e.message().to()).nodes.get(e.range());
                if (to != null) {
                    to.step(e.message());
                }
            }
            if (!progress) {
                return;
            }
        }
        throw new AssertionError("no quiescence");
    }

    private RaftNode leaderOf(RangeId r) {
        for (Store s : stores.values()) {
            RaftNode n = s.nodes.get(r);
            if (n != null && n.role() == Role.LEADER) {
                return n;
            }
        }
        return null;
    }

    @Test
    void groupsSharingEnginesCommitIndependentlyWithOneSyncPerStoreRound() {
        for (NodeId id : NODES) {
            stores.put(id, new Store(id));
        }
        try {
            for (int t = 0; t < 300 && RANGES.stream().anyMatch(r -> leaderOf(r) == null); t++) {
                stores.values().forEach(s -> s.nodes.values().forEach(RaftNode::tick));
                drain();
            }
            Map<RangeId, List<String>> expected = new LinkedHashMap<>();
            for (int i = 0; i < 12; i++) {
                for (RangeId r : RANGES) {
                    String cmd = r + "-" + i;
                    expected.computeIfAbsent(r, k -> new ArrayList<>()).add(cmd);
                    leaderOf(r).propose(cmd.getBytes(StandardCharsets.UTF_8));
                }
                drain();
            }
            for (Store s : stores.values()) {
                assertEquals(expected, s.applied, "store " + s.id);
                assertTrue(s.writer.syncedWrites() < s.groupReadiesPersisted,
                        "group commit shares syncs: " + s.writer.syncedWrites() + " syncs for "
                                + s.groupReadiesPersisted + " group writes with entries");
            }

            // Restart store 3 from disk: all of its groups recover and catch up.
            Store s3 = stores.get(NodeId.of(3));
            s3.stop();
            for (RangeId r : RANGES) {
                if (leaderOf(r) != null) {
                    String cmd = r + "-late";
                    expected.get(r).add(cmd);
                    leaderOf(r).propose(cmd.getBytes(StandardCharsets.UTF_8));
                }
            }
            drain();
            s3.start();
            for (int t = 0; t < 300 && !expected.equals(s3.applied); t++) {
                stores.values().forEach(s -> s.nodes.values().forEach(RaftNode::tick));
                drain();
            }
            for (Store s : stores.values()) {
                for (RangeId r : RANGES) {
                    assertEquals(expected.get(r), s.applied.get(r).subList(
                            s.applied.get(r).size() - expected.get(r).size(), s.applied.get(r).size()),
                            "store " + s.id + " " + r);
                }
            }
            assertEquals(expected, s3.applied, "restarted store re-applies every group's log");
        } finally {
            stores.values().stream().filter(s -> !s.nodes.isEmpty()).forEach(Store::stop);
        }
    }
}
