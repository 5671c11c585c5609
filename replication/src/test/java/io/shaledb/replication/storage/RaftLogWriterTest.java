package io.shaledb.replication.storage;

import static io.shaledb.replication.storage.RocksRaftStorageTest.cmd;
import static io.shaledb.replication.storage.RocksRaftStorageTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.HardState;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.Ready;
import io.shaledb.replication.raft.Snapshot;
import io.shaledb.replication.raft.SnapshotMeta;
import io.shaledb.replication.storage.RaftLogWriter.GroupReady;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaftLogWriterTest {
    private static final EngineOptions OPTIONS = new EngineOptions(false, 8L << 20);
    /** Ids whose minimal big-endian forms are prefixes of each other (01, 01 00, 01 00 00, ...). */
    private static final List<RangeId> IDS = List.of(RangeId.of(1), RangeId.of(0x100), RangeId.of(0x10000),
            RangeId.of(0x1000000), RangeId.of(2), RangeId.of(0x0101), RangeId.of(Long.MAX_VALUE));

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

    private static Ready ready(List<LogEntry> entries, HardState hs) {
        return new Ready(entries, hs, List.of(), List.of(), List.of());
    }

    /** Entries of group {@code g}: term and data differ per group so any bleed shows. */
    private static List<LogEntry> groupEntries(int g, long from, long to) {
        return run(g + 1, from, to, "g" + g + "-");
    }

    private List<RocksRaftStorage> openAll() {
        List<RocksRaftStorage> out = new ArrayList<>();
        for (RangeId id : IDS) {
            out.add(RocksRaftStorage.open(engine, id));
        }
        return out;
    }

    @Test
    void manyGroupsShareOneBatchAndOneSyncAndStayIsolated() {
        RaftLogWriter writer = new RaftLogWriter(engine);
        List<RocksRaftStorage> groups = openAll();
        List<GroupReady> batch = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            batch.add(new GroupReady(groups.get(g), ready(groupEntries(g, 1, 3 + g),
                    new HardState(g + 1, NodeId.of(g + 1), 1 + g))));
        }
        writer.persist(batch);
        assertEquals(1, writer.syncedWrites());

        // Overwrite a suffix of one group and compact another: neighbours keep every entry.
        writer.persist(List.of(new GroupReady(groups.get(0), ready(run(9, 2, 2, "x"), null))));
        groups.get(1).createSnapshot(3, RocksRaftStorageTest.MEMBERS, new byte[] {3});
        groups.get(1).compact(3);

        engine.close();
        engine = Engine.open(dir, OPTIONS);
        List<RocksRaftStorage> again = openAll();
        for (int g = 0; g < again.size(); g++) {
            RocksRaftStorage s = again.get(g);
            assertEquals(new HardState(g + 1, NodeId.of(g + 1), 1 + g), s.hardState(), IDS.get(g).toString());
            if (g == 0) {
                assertEquals(List.of(cmd(1, 1, "g0-1"), cmd(9, 2, "x2")), s.entries(1, 3));
            } else if (g == 1) {
                assertEquals(4, s.firstIndex());
                assertEquals(groupEntries(g, 4, 3 + g), s.entries(4, 4 + g));
            } else {
                assertEquals(3 + g, s.lastIndex(), IDS.get(g).toString());
                assertEquals(groupEntries(g, 1, 3 + g), s.entries(1, 4 + g));
            }
        }
    }

    @Test
    void aReadysSnapshotIsInstalledInTheSameSyncedWriteAsItsEntries() {
        RaftLogWriter writer = new RaftLogWriter(engine);
        List<RocksRaftStorage> groups = openAll();
        writer.persist(List.of(new GroupReady(groups.get(0), ready(groupEntries(0, 1, 6), new HardState(1, null, 1))),
                new GroupReady(groups.get(1), ready(groupEntries(1, 1, 2), null))));
        Snapshot snap = new Snapshot(new SnapshotMeta(4, 3, RocksRaftStorageTest.MEMBERS), new byte[] {4});
        Ready withSnapshot = new Ready(run(3, 5, 5, "s"), new HardState(3, null, 4), List.of(), List.of(),
                List.of(), snap);
        writer.persist(List.of(new GroupReady(groups.get(0), withSnapshot),
                new GroupReady(groups.get(1), ready(List.of(), new HardState(2, null, 1)))));
        assertEquals(2, writer.syncedWrites());
        assertEquals(snap, groups.get(0).snapshot());

        engine.close();
        engine = Engine.open(dir, OPTIONS);
        List<RocksRaftStorage> again = openAll();
        RocksRaftStorage g0 = again.get(0);
        assertEquals(snap, g0.snapshot());
        assertEquals(5, g0.firstIndex());
        assertEquals(5, g0.lastIndex(), "old entry 6 is gone");
        assertEquals(run(3, 5, 5, "s"), g0.entries(5, 6));
        assertEquals(new HardState(3, null, 4), g0.hardState());
        assertEquals(groupEntries(1, 1, 2), again.get(1).entries(1, 3));
        assertEquals(null, again.get(1).snapshot());
    }

    @Test
    void commitOnlyChangesAreWrittenUnsyncedAndEmptyReadiesWriteNothing() {
        RaftLogWriter writer = new RaftLogWriter(engine);
        List<RocksRaftStorage> groups = openAll();
        writer.persist(List.of(new GroupReady(groups.get(0), ready(List.of(), new HardState(1, NodeId.of(1), 0)))));
        assertEquals(1, writer.syncedWrites());
        writer.persist(List.of(new GroupReady(groups.get(0), ready(List.of(), new HardState(1, NodeId.of(1), 5))),
                new GroupReady(groups.get(1), ready(List.of(), null))));
        assertEquals(1, writer.syncedWrites());
        assertEquals(1, writer.unsyncedWrites());
        assertEquals(5, groups.get(0).hardState().commit());
        writer.persist(List.of(new GroupReady(groups.get(1), ready(List.of(), null))));
        assertEquals(1, writer.unsyncedWrites());
        writer.persist(List.of(new GroupReady(groups.get(0), ready(List.of(), new HardState(2, null, 5)))));
        assertEquals(2, writer.syncedWrites(), "a new term is synced");
    }

    @Test
    void aBadGroupPublishesAndWritesNothing() {
        RaftLogWriter writer = new RaftLogWriter(engine);
        List<RocksRaftStorage> groups = openAll();
        List<GroupReady> batch = List.of(
                new GroupReady(groups.get(0), ready(groupEntries(0, 1, 2), new HardState(1, null, 0))),
                new GroupReady(groups.get(1), ready(groupEntries(1, 5, 6), null))); // gap
        assertThrows(IllegalArgumentException.class, () -> writer.persist(batch));
        assertEquals(0, groups.get(0).lastIndex());
        assertEquals(HardState.INITIAL, groups.get(0).hardState());
        assertFalse(groups.get(0).hasStaged());
        assertEquals(0, writer.syncedWrites());
        assertEquals(0, RocksRaftStorage.open(engine, IDS.get(0)).lastIndex());
    }

    @Test
    void rejectsDuplicateGroupsAndForeignEngines(@TempDir Path other) {
        RaftLogWriter writer = new RaftLogWriter(engine);
        RocksRaftStorage s = RocksRaftStorage.open(engine, IDS.get(0));
        assertThrows(IllegalArgumentException.class, () -> writer.persist(List.of(
                new GroupReady(s, ready(List.of(), null)), new GroupReady(s, ready(List.of(), null)))));
        try (Engine foreign = Engine.open(other, OPTIONS)) {
            RocksRaftStorage f = RocksRaftStorage.open(foreign, IDS.get(0));
            assertThrows(IllegalArgumentException.class,
                    () -> writer.persist(List.of(new GroupReady(f, ready(List.of(), null)))));
        }
    }
}
