package io.shaledb.replication.storage;

import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.HardState;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.NodeId;
import java.nio.ByteBuffer;

/**
 * The stored form of log entries, hard state and truncated state. Every value starts with a
 * format byte so later versions can change the layout; integers are fixed-width big-endian.
 * <pre>
 *   entry:     01 &lt;type:1&gt; &lt;term:8&gt; &lt;index:8&gt; &lt;data...&gt;   type 0 = COMMAND, 1 = NOOP, 2 = CONF_CHANGE
 *   hard:      01 &lt;term:8&gt; &lt;vote:8, 0 = none&gt; &lt;commit:8&gt;
 *   truncated: 01 &lt;index:8&gt; &lt;term:8&gt;
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

    private static byte typeCode(EntryType t) {
        return switch (t) {
            case COMMAND -> 0;
            case NOOP -> 1;
            case CONF_CHANGE -> 2;
        };
    }
}
