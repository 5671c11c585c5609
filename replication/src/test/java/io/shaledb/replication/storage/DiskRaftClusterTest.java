package io.shaledb.replication.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.replication.raft.HardState;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A three-member group over RocksRaftStorage in three engines, driven on the test thread. */
class DiskRaftClusterTest {
    // Unsynced engines: crash() closes the engine cleanly, so durability across a power cut is
    // not what this tests; restart-from-disk is.
    private static final EngineOptions OPTIONS = new EngineOptions(false, 8L << 20);

    @TempDir
    Path root;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(List<LogEntry> entries) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : entries) {
            out.add(new String(e.data(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void electsCommitsAndARestartedFollowerCatchesUpFromDisk(long seed) {
        try (DiskRaftCluster c = new DiskRaftCluster(root, 3, OPTIONS, seed)) {
            DiskRaftCluster.Member leader = c.awaitLeader(200);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add("a" + i);
                leader.node().propose(bytes("a" + i));
                if (i % 3 == 0) {
                    c.drain(1000);
                }
            }
            c.drain(1000);
            for (long id = 1; id <= 3; id++) {
                assertEquals(expected, texts(c.member(id).appliedCommands()), "member " + id);
            }

            long follower = leader.node().id().value() % 3 + 1;
            DiskRaftCluster.Member f = c.member(follower);
            long lastBefore = f.storage().lastIndex();
            HardState hardBefore = f.storage().hardState();
            c.crash(follower);
            for (int i = 0; i < 15; i++) {
                expected.add("b" + i);
                leader.node().propose(bytes("b" + i));
                c.drain(1000);
            }
            assertEquals(expected, texts(leader.appliedCommands()), "the majority commits without it");

            c.restart(follower);
            assertEquals(lastBefore, f.storage().lastIndex(), "log restored from disk");
            assertEquals(hardBefore.term(), f.node().term(), "term restored from disk");
            assertEquals(hardBefore.vote(), f.storage().hardState().vote());
            assertEquals(Role.FOLLOWER, f.node().role());
            for (int t = 0; t < 5; t++) { // heartbeats reveal the gap; the leader repairs it
                c.tickAll();
                c.drain(1000);
            }
            assertEquals(leader.node().lastIndex(), f.storage().lastIndex());
            assertEquals(expected, texts(f.appliedCommands()), "restarted member re-applies everything");
            assertTrue(f.storage().hardState().commit() >= lastBefore);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void aFollowerThatMissedCompactedEntriesInstallsTheLeadersSnapshotOnDisk(long seed) {
        try (DiskRaftCluster c = new DiskRaftCluster(root, 3, OPTIONS, seed)) {
            DiskRaftCluster.Member leader = c.awaitLeader(200);
            long follower = leader.node().id().value() % 3 + 1;
            c.crash(follower);
            for (int i = 0; i < 12; i++) {
                leader.node().propose(bytes("s" + i));
                c.drain(1000);
            }
            for (long id = 1; id <= 3; id++) {
                DiskRaftCluster.Member m = c.member(id);
                if (m.up()) {
                    long applied = m.node().appliedIndex();
                    m.storage().createSnapshot(applied, m.node().membershipForSnapshot(),
                            bytes(String.join(",", texts(m.appliedCommands()))));
                    m.storage().compact(applied);
                }
            }
            long snapIndex = leader.storage().snapshotMeta().index();
            assertEquals(snapIndex + 1, leader.node().firstIndex());

            c.restart(follower);
            DiskRaftCluster.Member f = c.member(follower);
            for (int t = 0; t < 5; t++) {
                c.tickAll();
                c.drain(1000);
            }
            assertEquals(List.of(leader.storage().snapshot()), f.installedSnapshots());
            assertEquals(leader.storage().snapshot(), f.storage().snapshot());
            assertEquals(snapIndex + 1, f.storage().firstIndex());
            assertEquals(snapIndex, f.node().appliedIndex());
            leader.node().propose(bytes("after"));
            c.drain(1000);
            assertEquals(List.of("after"), texts(f.appliedCommands()));

            c.crash(follower);
            c.restart(follower);
            assertEquals(snapIndex, f.node().appliedIndex(), "restarts from the snapshot on disk");
            assertEquals(snapIndex + 1, f.node().firstIndex());
            c.drain(1000);
            assertEquals(List.of("after"), texts(f.appliedCommands()), "re-applies only what follows the snapshot");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void wholeClusterRestartsFromDiskAndKeepsCommittedEntries(long seed) {
        List<String> expected = new ArrayList<>();
        try (DiskRaftCluster c = new DiskRaftCluster(root, 3, OPTIONS, seed)) {
            DiskRaftCluster.Member leader = c.awaitLeader(200);
            for (int i = 0; i < 10; i++) {
                expected.add("x" + i);
                leader.node().propose(bytes("x" + i));
            }
            c.drain(1000);
            assertEquals(expected, texts(leader.appliedCommands()));
            long oldTerm = leader.node().term();
            for (long id = 1; id <= 3; id++) {
                c.crash(id);
            }
            for (long id = 1; id <= 3; id++) {
                c.restart(id);
            }
            DiskRaftCluster.Member next = c.awaitLeader(200);
            assertNotEquals(oldTerm, next.node().term());
            expected.add("after");
            next.node().propose(bytes("after"));
            c.drain(1000);
            for (long id = 1; id <= 3; id++) {
                assertEquals(expected, texts(c.member(id).appliedCommands()), "member " + id);
            }
        }
    }
}
