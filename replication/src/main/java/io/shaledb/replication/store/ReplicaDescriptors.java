package io.shaledb.replication.store;

import io.shaledb.kv.storage.ColumnFamily;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.kv.storage.EngineIterator;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.storage.CorruptRaftStateException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The store's list of its replicas, so that a reopened store recreates them: one key per replica
 * in column family {@link ColumnFamily#LOCAL}, {@code "raft-replica/" <rangeId:8 BE>}, whose
 * value is the membership the replica was created with (version byte 1, voter count, voter ids,
 * learner count, learner ids; counts as ints, ids as longs, big-endian).
 */
final class ReplicaDescriptors {
    private static final byte[] PREFIX = "raft-replica/".getBytes(StandardCharsets.US_ASCII);
    private static final byte VERSION = 1;

    private ReplicaDescriptors() {
    }

    static byte[] key(RangeId range) {
        return ByteBuffer.allocate(PREFIX.length + Long.BYTES).put(PREFIX).putLong(range.value()).array();
    }

    static byte[] encode(Membership m) {
        ByteBuffer b = ByteBuffer.allocate(1 + 2 * Integer.BYTES + Long.BYTES * (m.voters().size() + m.learners().size()));
        b.put(VERSION);
        b.putInt(m.voters().size());
        m.voters().forEach(n -> b.putLong(n.value()));
        b.putInt(m.learners().size());
        m.learners().forEach(n -> b.putLong(n.value()));
        return b.array();
    }

    static Membership decode(byte[] value) {
        try {
            ByteBuffer b = ByteBuffer.wrap(value);
            if (b.get() != VERSION) {
                throw new CorruptRaftStateException("unknown replica descriptor version " + value[0]);
            }
            SortedSet<NodeId> voters = readNodes(b);
            SortedSet<NodeId> learners = readNodes(b);
            if (b.hasRemaining()) {
                throw new CorruptRaftStateException("replica descriptor has " + b.remaining() + " trailing bytes");
            }
            return new Membership(voters, learners);
        } catch (RuntimeException e) {
            if (e instanceof CorruptRaftStateException c) {
                throw c;
            }
            throw new CorruptRaftStateException("undecodable replica descriptor: " + e);
        }
    }

    private static SortedSet<NodeId> readNodes(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0 || n > b.remaining() / Long.BYTES) {
            throw new CorruptRaftStateException("bad member count " + n);
        }
        SortedSet<NodeId> out = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            out.add(NodeId.of(b.getLong()));
        }
        return out;
    }

    /** Every replica recorded in {@code engine}, by range id. */
    static Map<RangeId, Membership> load(Engine engine) {
        Map<RangeId, Membership> out = new LinkedHashMap<>();
        byte[] end = PREFIX.clone();
        end[end.length - 1]++;
        try (EngineIterator it = engine.newIterator(ColumnFamily.LOCAL, PREFIX, end)) {
            for (it.seekToFirst(); it.valid(); it.next()) {
                byte[] k = it.key();
                if (k.length != PREFIX.length + Long.BYTES) {
                    throw new CorruptRaftStateException("bad replica descriptor key of " + k.length + " bytes");
                }
                long id = ByteBuffer.wrap(k, PREFIX.length, Long.BYTES).getLong();
                out.put(RangeId.of(id), decode(it.value()));
            }
        }
        return out;
    }

    static void put(EngineBatch batch, RangeId range, Membership m) {
        batch.put(ColumnFamily.LOCAL, key(range), encode(m));
    }

    /**
     * Stages the removal of the descriptor and of all the range's Raft state. Every Raft key of a
     * range is its 8-byte id followed by a one-byte kind below 0xFF (see the storage package), so
     * {@code [id, id 0xFF)} covers them and nothing of another range.
     */
    static void delete(EngineBatch batch, RangeId range) {
        batch.delete(ColumnFamily.LOCAL, key(range));
        byte[] lo = ByteBuffer.allocate(Long.BYTES).putLong(range.value()).array();
        byte[] hi = Arrays.copyOf(lo, Long.BYTES + 1);
        hi[Long.BYTES] = (byte) 0xFF;
        batch.deleteRange(ColumnFamily.RAFT, lo, hi);
    }
}
