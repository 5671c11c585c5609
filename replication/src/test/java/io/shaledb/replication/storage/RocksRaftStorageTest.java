package io.shaledb.replication.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.kv.storage.ColumnFamily;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.kv.storage.EngineIterator;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.ConfChange;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.HardState;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.Snapshot;
import io.shaledb.replication.raft.SnapshotMeta;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksRaftStorageTest {
    private static final EngineOptions OPTIONS = new EngineOptions(false, 8L << 20);
    private static final RangeId R1 = RangeId.of(1);
    static final Membership MEMBERS = new Membership(new java.util.TreeSet<>(List.of(NodeId.of(1), NodeId.of(2))),
            new java.util.TreeSet<>(List.of(NodeId.of(7))));

    @TempDir
    Path dir;
    private Engine engine;

    @BeforeEach
    void open() {
        engine = Engine.open(dir, OPTIONS);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static LogEntry cmd(long term, long index, String data) {
        return new LogEntry(term, index, EntryType.COMMAND, data.getBytes(StandardCharsets.UTF_8));
    }

    static List<LogEntry> run(long term, long from, long to, String tag) {
        List<LogEntry> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(cmd(term, i, tag + i));
        }
        return out;
    }

    private void write(RocksRaftStorage s, List<LogEntry> entries, HardState hs) {
        try (EngineBatch b = engine.newBatch()) {
            s.append(b, entries);
            if (hs != null) {
                s.setHardState(b, hs);
            }
            engine.write(b, true);
        }
        s.publishStaged();
    }

    private RocksRaftStorage reopen(RangeId range) {
        engine.close();
        engine = Engine.open(dir, OPTIONS);
        return RocksRaftStorage.open(engine, range);
    }

    @Test
    void newGroupIsEmpty() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1);
        assertEquals(HardState.INITIAL, s.hardState());
        assertEquals(0, s.lastIndex());
        assertEquals(1, s.firstIndex());
        assertEquals(0, s.term(0));
        assertEquals(List.of(), s.entries(1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.term(1));
    }

    @Test
    void entriesHardStateAndTruncationSurviveReopen() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1);
        List<LogEntry> entries = new ArrayList<>(run(1, 1, 5, "a"));
        entries.add(new LogEntry(2, 6, EntryType.NOOP, new byte[0]));
        entries.add(new LogEntry(2, 7, EntryType.CONF_CHANGE, ConfChange.addLearner(NodeId.of(4)).encode()));
        HardState hs = new HardState(2, NodeId.of(3), 4);
        write(s, entries, hs);
        s.createSnapshot(2, MEMBERS, new byte[] {2});
        s.compact(2);

        RocksRaftStorage again = reopen(R1);
        assertEquals(hs, again.hardState());
        assertEquals(7, again.lastIndex());
        assertEquals(entries.get(6), again.entries(7, 8).get(0));
        assertEquals(new TruncatedState(2, 1), again.truncatedState());
        assertEquals(3, again.firstIndex());
        assertEquals(1, again.term(2));
        assertEquals(2, again.term(6));
        assertEquals(entries.subList(2, 6), again.entries(3, 7));
        assertThrows(IndexOutOfBoundsException.class, () -> again.entries(2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> again.term(1));
    }

    @Test
    void hardStateWithoutVoteRoundTrips() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1);
        write(s, List.of(), new HardState(7, null, 0));
        assertEquals(new HardState(7, null, 0), reopen(R1).hardState());
    }

    @Test
    void conflictingSuffixIsReplacedAndStaleEntriesDeleted() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1, 2); // small cache: reads hit RocksDB
        write(s, run(1, 1, 10, "old"), null);
        write(s, run(2, 4, 6, "new"), null);
        assertEquals(6, s.lastIndex());
        assertEquals(1, s.term(3));
        assertEquals(2, s.term(4));
        assertThrows(IndexOutOfBoundsException.class, () -> s.term(7));

        RocksRaftStorage again = reopen(R1);
        assertEquals(6, again.lastIndex());
        List<LogEntry> expected = new ArrayList<>(run(1, 1, 3, "old"));
        expected.addAll(run(2, 4, 6, "new"));
        assertEquals(expected, again.entries(1, 7));
        assertEquals(6, countKeys(again), "entries 7..10 are deleted from disk");
    }

    @Test
    void rewriteBelowTheCachedTailReadsBack() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1, 3);
        write(s, run(1, 1, 20, "a"), null);
        write(s, run(3, 2, 4, "b"), null);
        List<LogEntry> expected = new ArrayList<>(run(1, 1, 1, "a"));
        expected.addAll(run(3, 2, 4, "b"));
        assertEquals(expected, s.entries(1, 5));
        write(s, run(3, 5, 9, "c"), null);
        assertEquals(run(3, 5, 9, "c"), s.entries(5, 10));
        assertEquals(run(3, 2, 4, "b"), s.entries(2, 5));
    }

    @Test
    void stagedWritesAreInvisibleUntilPublishedAndDiscardable() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1);
        try (EngineBatch b = engine.newBatch()) {
            s.append(b, run(1, 1, 3, "x"));
            s.append(b, run(1, 4, 5, "x")); // checked against the staged last index
            assertThrows(IllegalArgumentException.class, () -> s.append(b, run(1, 7, 7, "gap")));
            assertEquals(0, s.lastIndex());
            s.discardStaged();
        }
        assertFalse(s.hasStaged());
        assertEquals(0, s.lastIndex());
        try (EngineBatch b = engine.newBatch()) {
            s.setHardState(b, new HardState(1, null, 0));
            assertThrows(IllegalStateException.class, () -> s.compact(0), "own-batch compaction would publish it");
            s.discardStaged();
        }
        assertEquals(0, reopen(R1).lastIndex());
    }

    @Test
    void appendRejectsGapsAndNonContiguousEntries() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1);
        try (EngineBatch b = engine.newBatch()) {
            assertThrows(IllegalArgumentException.class, () -> s.append(b, run(1, 2, 3, "g")));
            assertThrows(IllegalArgumentException.class, () -> s.append(b, List.of(cmd(1, 1, "a"), cmd(1, 3, "b"))));
        }
    }

    @Test
    void compactionDeletesThePrefixAndKeepsTheRest() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1, 4);
        write(s, run(1, 1, 10, "a"), null);
        assertThrows(IllegalArgumentException.class, () -> s.compact(6), "no snapshot covers it");
        s.createSnapshot(6, MEMBERS, new byte[0]);
        s.compact(6);
        assertEquals(new TruncatedState(6, 1), s.truncatedState());
        assertEquals(7, s.firstIndex());
        assertEquals(run(1, 7, 10, "a"), s.entries(7, 11));
        assertEquals(4, countKeys(s));
        s.compact(3); // already compacted: no-op
        assertEquals(7, s.firstIndex());
        assertThrows(IllegalArgumentException.class, () -> s.compact(11));
        try (EngineBatch b = engine.newBatch()) {
            assertThrows(IllegalArgumentException.class, () -> s.append(b, run(2, 5, 6, "below")));
        }
        write(s, run(2, 11, 12, "b"), null);
        s.createSnapshot(12, MEMBERS, new byte[0]);
        s.compact(12); // the whole log: the truncated entry still answers term()
        assertEquals(12, s.lastIndex());
        assertEquals(2, s.term(12));
        assertEquals(List.of(), s.entries(13, 13));
        RocksRaftStorage again = reopen(R1);
        assertEquals(12, again.lastIndex());
        assertEquals(2, again.term(12));
        write(again, run(2, 13, 13, "c"), null);
        assertEquals(run(2, 13, 13, "c"), again.entries(13, 14));
    }

    @Test
    void snapshotAndTruncationRoundTripAcrossReopen() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1, 2);
        write(s, run(1, 1, 8, "a"), new HardState(1, null, 8));
        byte[] data = "state@5".getBytes(StandardCharsets.UTF_8);
        Snapshot snap = s.createSnapshot(5, MEMBERS, data);
        assertEquals(new SnapshotMeta(5, 1, MEMBERS), snap.meta());
        assertEquals(1, s.firstIndex(), "creating a snapshot does not compact");
        assertThrows(IllegalArgumentException.class, () -> s.compact(6), "beyond the snapshot");
        assertThrows(IllegalArgumentException.class, () -> s.createSnapshot(5, MEMBERS, data), "not newer");
        assertThrows(IllegalArgumentException.class, () -> s.createSnapshot(9, MEMBERS, data), "beyond the log");
        s.compact(5);

        RocksRaftStorage again = reopen(R1);
        assertEquals(snap, again.snapshot());
        assertEquals(snap.meta(), again.snapshotMeta());
        assertEquals(new TruncatedState(5, 1), again.truncatedState());
        assertEquals(6, again.firstIndex());
        assertEquals(8, again.lastIndex());
        assertEquals(1, again.term(5));
        assertEquals(run(1, 6, 8, "a"), again.entries(6, 9));
        assertEquals(3, countKeys(again), "entries 1..5 are deleted");
        assertThrows(IndexOutOfBoundsException.class, () -> again.term(4));
    }

    /**
     * A snapshot and the compaction it allows share one unsynced write: a power failure keeps
     * both or neither, never a snapshot with the whole log still below it.
     */
    @Test
    void aSnapshotAndItsCompactionAreLostOrKeptTogether() {
        engine.close();
        engine = Engine.openJournaled(dir, OPTIONS);
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1, 2);
        write(s, run(1, 1, 8, "a"), new HardState(1, null, 8));
        assertThrows(IllegalArgumentException.class, () -> s.createSnapshot(5, MEMBERS, new byte[0], 6));
        s.createSnapshot(5, MEMBERS, new byte[] {5}, 3);
        assertEquals(4, s.firstIndex());
        assertEquals(new TruncatedState(3, 1), s.truncatedState());
        assertEquals(1, engine.unsyncedJournal().unsyncedBatches(), "one write for both");
        engine.unsyncedJournal().loseUnsyncedWrites(0);
        RocksRaftStorage lost = reopen(R1);
        assertEquals(null, lost.snapshotMeta());
        assertEquals(1, lost.firstIndex());
        assertEquals(run(1, 1, 8, "a"), lost.entries(1, 9));

        lost.createSnapshot(6, MEMBERS, new byte[] {6}, 4);
        RocksRaftStorage kept = reopen(R1);
        assertEquals(6, kept.snapshotMeta().index());
        assertEquals(5, kept.firstIndex());
        assertEquals(run(1, 5, 8, "a"), kept.entries(5, 9));
    }

    @Test
    void installedSnapshotReplacesTheLogAtomicallyAndSurvivesReopen() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1, 3);
        write(s, run(1, 1, 9, "old"), new HardState(1, null, 2));
        Snapshot snap = new Snapshot(new SnapshotMeta(6, 2, MEMBERS), new byte[] {6});
        try (EngineBatch b = engine.newBatch()) {
            s.applySnapshot(b, snap);
            assertThrows(IllegalArgumentException.class, () -> s.append(b, run(2, 6, 6, "x")), "at the snapshot");
            s.append(b, run(2, 7, 8, "new"));
            s.setHardState(b, new HardState(2, null, 6));
            assertEquals(9, s.lastIndex(), "nothing visible before publishing");
            engine.write(b, true);
        }
        s.publishStaged();
        assertEquals(snap, s.snapshot());
        assertEquals(7, s.firstIndex());
        assertEquals(8, s.lastIndex());
        assertEquals(2, s.term(6));
        assertEquals(run(2, 7, 8, "new"), s.entries(7, 9));
        RocksRaftStorage again = reopen(R1);
        assertEquals(snap, again.snapshot());
        assertEquals(8, again.lastIndex());
        assertEquals(run(2, 7, 8, "new"), again.entries(7, 9));
        assertEquals(2, countKeys(again), "every entry of the old log is deleted");
        try (EngineBatch b = engine.newBatch()) {
            assertThrows(IllegalArgumentException.class, () -> again.applySnapshot(b, snap), "not newer");
        }
    }

    @Test
    void corruptValueIsReported() {
        RocksRaftStorage s = RocksRaftStorage.open(engine, R1, 0);
        write(s, run(1, 1, 2, "a"), null);
        try (EngineBatch b = engine.newBatch()) {
            b.put(ColumnFamily.RAFT, new RaftKeys(R1).entry(2), new byte[] {9, 9});
            engine.write(b, false);
        }
        assertThrows(CorruptRaftStateException.class, () -> s.entries(1, 3));
    }

    @Test
    void keysOfARangeStayInsideItsPrefix() {
        RaftKeys k = new RaftKeys(RangeId.of(0x0100));
        byte[] start = k.logStart();
        byte[] end = k.logEnd();
        assertTrue(java.util.Arrays.compareUnsigned(start, k.entry(1)) < 0);
        assertTrue(java.util.Arrays.compareUnsigned(k.entry(Long.MAX_VALUE), end) < 0);
        assertEquals(Long.MAX_VALUE, k.indexOf(k.entry(Long.MAX_VALUE)));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 1, 0, 'h'}, k.hardState());
    }

    private long countKeys(RocksRaftStorage s) {
        RaftKeys k = new RaftKeys(s.rangeId());
        long n = 0;
        try (EngineIterator it = engine.newIterator(ColumnFamily.RAFT, k.logStart(), k.logEnd())) {
            for (it.seekToFirst(); it.valid(); it.next()) {
                n++;
            }
        }
        return n;
    }
}
