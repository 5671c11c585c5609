package io.shaledb.replication.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shaledb.kv.storage.ColumnFamily;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.HardState;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.storage.CorruptRaftStateException;
import io.shaledb.replication.storage.RocksRaftStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaDescriptorsTest {
    @TempDir
    Path dir;

    @Test
    void membershipRoundTripsAndCorruptionIsReported() {
        Membership m = new Membership(new TreeSet<>(List.of(NodeId.of(3), NodeId.of(1))), new TreeSet<>(List.of(NodeId.of(9))));
        assertEquals(m, ReplicaDescriptors.decode(ReplicaDescriptors.encode(m)));
        byte[] bytes = ReplicaDescriptors.encode(m);
        bytes[0] = 7;
        assertThrows(CorruptRaftStateException.class, () -> ReplicaDescriptors.decode(bytes));
        byte[] truncated = java.util.Arrays.copyOf(ReplicaDescriptors.encode(m), 9);
        assertThrows(CorruptRaftStateException.class, () -> ReplicaDescriptors.decode(truncated));
    }

    @Test
    void deleteRemovesOnlyThatRangesRecordAndRaftState() {
        Membership m = Membership.ofVoters(List.of(NodeId.of(1)));
        RangeId a = RangeId.of(0xFF);
        RangeId b = RangeId.of(0x100);
        try (Engine engine = Engine.open(dir, StoreCluster.OPTIONS)) {
            try (EngineBatch batch = engine.newBatch()) {
                for (RangeId r : List.of(a, b)) {
                    ReplicaDescriptors.put(batch, r, m);
                    RocksRaftStorage.open(engine, r).setHardState(batch, new HardState(3, NodeId.of(1), 0));
                }
                engine.write(batch, false);
            }
            assertEquals(Map.of(a, m, b, m), ReplicaDescriptors.load(engine));
            try (EngineBatch batch = engine.newBatch()) {
                ReplicaDescriptors.delete(batch, a);
                engine.write(batch, false);
            }
            assertEquals(Map.of(b, m), ReplicaDescriptors.load(engine));
            assertEquals(HardState.INITIAL, RocksRaftStorage.open(engine, a).hardState());
            assertEquals(3, RocksRaftStorage.open(engine, b).hardState().term());
            assertEquals(null, engine.get(ColumnFamily.LOCAL, ReplicaDescriptors.key(a)));
        }
    }
}
