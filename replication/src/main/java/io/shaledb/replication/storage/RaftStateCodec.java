package io.shaledb.replication.storage;

import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.HardState;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.Snapshot;
import io.shaledb.replication.raft.SnapshotMeta;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The stored form of log entries, hard state, truncated state and snapshots. Every value starts with a
 * format byte so later versions can change the layout; integers are fixed-width big-endian.
 * <pre>
 *   entry:     01 &lt;type:1&gt; &lt;term:8&gt; &lt;index:8&gt; &lt;data...&gt;   type 0 = COMMAND, 1 = NOOP, 2 = CONF_CHANGE
 *   hard:      01 &lt;term:8&gt; &lt;vote:8, 0 = none&gt; &lt;commit:8&gt;
 *   truncated: 01 &lt;index:8&gt; &lt;term:8&gt;
 *   snapshot:  01 &lt;index:8&gt; &lt;term:8&gt; &lt;voters:4&gt; &lt;voter:8&gt;… &lt;learners:4&gt; &lt;learner:8&gt;… &lt;data...&gt;
 * </pre>
 * Decoding validates lengths and values and throws {@link CorruptRaftStateException}.
 */
final class RaftStateCodec {
    private static final byte FORMAT = 1;
    private static final int ENTRY_HEADER = 1 + 1 + Long.BYTES + Long.BYTES;
    private static final int HARD_STATE_LENGTH = 1 + 3 * Long.BYTES;
    private static final int TRUNCATED_LENGTH = 1 + 2 * Long.BYTES;

    private RaftStateCodec() {
    }

    static byte[] encodeEntry(LogEntry e) {
        return ByteBuffer.allocate(ENTRY_HEADER + e.data().length).put(FORMAT).put(typeCode(e.type()))
                .putLong(e.term()).putLong(e.index()).put(e.data()).array();
    }

    static LogEntry decodeEntry(byte[] v) {
        if (v.length < ENTRY_HEADER || v[0] != FORMAT) {
            throw new CorruptRaftStateException("bad log entry value (" + v.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(v, 1, v.length - 1);
        EntryType type = switch (b.get()) {
            case 0 -> EntryType.COMMAND;
            case 1 -> EntryType.NOOP;
            case 2 -> EntryType.CONF_CHANGE;
            default -> throw new CorruptRaftStateException("unknown entry type " + v[1]);
        };
        long term = b.getLong();
        long index = b.getLong();
        byte[] data = new byte[b.remaining()];
        b.get(data);
        try {
            return new LogEntry(term, index, type, data);
        } catch (IllegalArgumentException e) {
            throw new CorruptRaftStateException("bad log entry: " + e.getMessage());
        }
    }

    static byte[] encodeHardState(HardState s) {
        return ByteBuffer.allocate(HARD_STATE_LENGTH).put(FORMAT).putLong(s.term())
                .putLong(s.vote() == null ? 0 : s.vote().value()).putLong(s.commit()).array();
    }

    static HardState decodeHardState(byte[] v) {
        if (v.length != HARD_STATE_LENGTH || v[0] != FORMAT) {
            throw new CorruptRaftStateException("bad hard state value (" + v.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(v, 1, v.length - 1);
        long term = b.getLong();
        long vote = b.getLong();
        long commit = b.getLong();
        try {
            return new HardState(term, vote == 0 ? null : NodeId.of(vote), commit);
        } catch (IllegalArgumentException e) {
            throw new CorruptRaftStateException("bad hard state: " + e.getMessage());
        }
    }

    static byte[] encodeTruncated(TruncatedState t) {
        return ByteBuffer.allocate(TRUNCATED_LENGTH).put(FORMAT).putLong(t.index()).putLong(t.term()).array();
    }

    static TruncatedState decodeTruncated(byte[] v) {
        if (v.length != TRUNCATED_LENGTH || v[0] != FORMAT) {
            throw new CorruptRaftStateException("bad truncated state value (" + v.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(v, 1, v.length - 1);
        try {
            return new TruncatedState(b.getLong(), b.getLong());
        } catch (IllegalArgumentException e) {
            throw new CorruptRaftStateException("bad truncated state: " + e.getMessage());
        }
    }

    static byte[] encodeSnapshot(Snapshot s) {
        SnapshotMeta m = s.meta();
        Membership ms = m.membership();
        int size = 1 + 2 * Long.BYTES + 2 * Integer.BYTES
                + (ms.voters().size() + ms.learners().size()) * Long.BYTES + s.data().length;
        ByteBuffer b = ByteBuffer.allocate(size).put(FORMAT).putLong(m.index()).putLong(m.term());
        putNodes(b, ms.voters());
        putNodes(b, ms.learners());
        return b.put(s.data()).array();
    }

    static Snapshot decodeSnapshot(byte[] v) {
        if (v.length < 1 || v[0] != FORMAT) {
            throw new CorruptRaftStateException("bad snapshot value (" + v.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(v, 1, v.length - 1);
        try {
            long index = b.getLong();
            long term = b.getLong();
            SortedSet<NodeId> voters = getNodes(b);
            SortedSet<NodeId> learners = getNodes(b);
            byte[] data = new byte[b.remaining()];
            b.get(data);
            return new Snapshot(new SnapshotMeta(index, term, new Membership(voters, learners)), data);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CorruptRaftStateException("bad snapshot: " + e);
        }
    }

    private static void putNodes(ByteBuffer b, SortedSet<NodeId> nodes) {
        b.putInt(nodes.size());
        for (NodeId n : nodes) {
            b.putLong(n.value());
        }
    }

    private static SortedSet<NodeId> getNodes(ByteBuffer b) {
        int count = b.getInt();
        if (count < 0 || count > b.remaining() / Long.BYTES) {
            throw new IllegalArgumentException("bad member count " + count);
        }
        SortedSet<NodeId> out = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            out.add(NodeId.of(b.getLong()));
        }
        return out;
    }

    private static byte typeCode(EntryType t) {
        return switch (t) {
            case COMMAND -> 0;
            case NOOP -> 1;
            case CONF_CHANGE -> 2;
        };
    }
}
