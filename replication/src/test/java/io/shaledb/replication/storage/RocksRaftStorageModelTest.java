package io.shaledb.replication.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.HardState;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.Snapshot;
import io.shaledb.replication.raft.SnapshotMeta;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random appends (with conflicting suffixes), hard states, snapshots with compactions,
 * installed snapshots and reopens of two groups sharing an engine, checked after every step
 * against a plain list model.
 */
class RocksRaftStorageModelTest {
    private static final EngineOptions OPTIONS = new EngineOptions(false, 8L << 20);
    // 0x01 and 0x0100: byte forms that are prefixes of each other when written minimally.
    private static final List<RangeId> RANGES = List.of(RangeId.of(1), RangeId.of(0x100));

    @TempDir
    Path dir;

    /** The expected state of one group. */
    private static final class Model {
        final List<LogEntry> log = new ArrayList<>(); // entries above truncated, ascending
        long truncatedIndex;
        long truncatedTerm;
        HardState hard = HardState.INITIAL;
        Snapshot snapshot;
        long term = 1;

        long last() {
            return truncatedIndex + log.size();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void matchesAListModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Engine engine = Engine.open(dir, OPTIONS);
        try {
            List<Model> models = List.of(new Model(), new Model());
            List<RocksRaftStorage> stores = new ArrayList<>();
            for (RangeId r : RANGES) {
                stores.add(RocksRaftStorage.open(engine, r, 1 + random.nextInt(8)));
            }
            for (int step = 0; step < 300; step++) {
                int op = random.nextInt(100);
                if (op < 5) {
                    engine.close();
                    engine = Engine.open(dir, OPTIONS);
                    stores.clear();
                    for (RangeId r : RANGES) {
                        stores.add(RocksRaftStorage.open(engine, r, random.nextInt(8)));
                    }
                } else {
                    try (EngineBatch batch = engine.newBatch()) {
                        for (int g = 0; g < 2; g++) {
                            if (random.nextBoolean()) {
                                mutate(random, batch, stores.get(g), models.get(g), op);
                            }
                        }
                        engine.write(batch, false);
                    }
                    stores.forEach(RocksRaftStorage::publishStaged);
                }
                for (int g = 0; g < 2; g++) {
                    check(stores.get(g), models.get(g), "seed " + seed + " step " + step + " group " + g);
                }
            }
        } finally {
            engine.close();
        }
    }

    private static void mutate(SplittableRandom random, EngineBatch batch, RocksRaftStorage s, Model m, int op) {
        if (op < 70) {
            // Append 1..5 entries, sometimes overwriting a suffix with a newer term.
            long first = m.last() + 1;
            if (m.log.size() > 0 && random.nextInt(3) == 0) {
                first = m.last() + 1 - (1 + random.nextInt(Math.min(m.log.size(), 6)));
                m.term++;
            }
            List<LogEntry> entries = new ArrayList<>();
            int n = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                byte[] data = new byte[random.nextInt(4)];
                random.nextBytes(data);
                entries.add(new LogEntry(m.term, first + i, EntryType.COMMAND, data));
            }
            s.append(batch, entries);
            m.log.subList((int) (first - m.truncatedIndex - 1), m.log.size()).clear();
            m.log.addAll(entries);
        } else if (op < 85) {
            HardState hs = new HardState(m.term, random.nextBoolean() ? null : NodeId.of(1 + random.nextInt(3)),
                    random.nextInt((int) m.last() + 1));
            s.setHardState(batch, hs);
            m.hard = hs;
        } else if (op < 90) {
            // A snapshot from a leader, at or somewhat beyond our last index: replaces the log.
            long index = Math.max(m.last(), m.snapshot == null ? 0 : m.snapshot.index()) + 1 + random.nextInt(3);
            m.term++;
            Snapshot snap = new Snapshot(new SnapshotMeta(index, m.term, MEMBERS), new byte[] {(byte) index});
            s.applySnapshot(batch, snap);
            m.snapshot = snap;
            m.truncatedIndex = index;
            m.truncatedTerm = m.term;
            m.log.clear();
        } else if (m.log.size() > 0) {
            long index = m.truncatedIndex + 1 + random.nextInt(m.log.size());
            m.snapshot = s.createSnapshot(index, MEMBERS, new byte[] {1, (byte) index}); // own write, before the batch
            s.compact(batch, index);
            int drop = (int) (index - m.truncatedIndex);
            m.truncatedTerm = m.log.get(drop - 1).term();
            m.truncatedIndex = index;
            m.log.subList(0, drop).clear();
        }
    }

    private static final Membership MEMBERS = Membership.ofVoters(List.of(NodeId.of(1), NodeId.of(2)));

    private static void check(RocksRaftStorage s, Model m, String where) {
        assertEquals(m.hard, s.hardState(), where);
        assertEquals(m.snapshot, s.snapshot(), where);
        assertEquals(m.last(), s.lastIndex(), where);
        assertEquals(m.truncatedIndex + 1, s.firstIndex(), where);
        assertEquals(new TruncatedState(m.truncatedIndex, m.truncatedTerm), s.truncatedState(), where);
        assertEquals(m.log, s.entries(s.firstIndex(), s.lastIndex() + 1), where);
        if (m.truncatedIndex > 0) {
            assertEquals(m.truncatedTerm, s.term(m.truncatedIndex), where);
        }
        for (LogEntry e : m.log) {
            assertEquals(e.term(), s.term(e.index()), where);
        }
    }
}
