package io.shaledb.replication.storage;

import io.shaledb.replication.RangeId;
import java.nio.ByteBuffer;

/**
 * Key layout of Raft state in column family RAFT. Every key starts with the range id as 8
 * big-endian bytes, so the keys of one range are contiguous, ranges sort by id, and no range's
 * keys are a prefix of another's (the id has a fixed width):
 * <pre>
 *   &lt;rangeId:8&gt; 'h'                  hard state
 *   &lt;rangeId:8&gt; 'l' &lt;index:8 BE&gt;     log entry (indexes sort numerically; they are positive)
 *   &lt;rangeId:8&gt; 's'                  latest snapshot (metadata and application data)
 *   &lt;rangeId:8&gt; 't'                  truncated state (index, term of the last compacted entry)
 * </pre>
 */
final class RaftKeys {
    static final byte HARD_STATE = 'h';
    static final byte LOG = 'l';
    static final byte TRUNCATED = 't';
    static final byte SNAPSHOT = 's';
    static final int PREFIX_LENGTH = Long.BYTES;
    static final int ENTRY_KEY_LENGTH = PREFIX_LENGTH + 1 + Long.BYTES;

    private final byte[] hardState;
    private final byte[] truncated;
    private final byte[] snapshot;
    private final byte[] logStart;
    private final byte[] logEnd;
    private final long rangeId;

    RaftKeys(RangeId range) {
        this.rangeId = range.value();
        this.hardState = withSuffix(HARD_STATE);
        this.truncated = withSuffix(TRUNCATED);
        this.snapshot = withSuffix(SNAPSHOT);
        this.logStart = withSuffix(LOG);
        this.logEnd = withSuffix((byte) (LOG + 1));
    }

    byte[] hardState() {
        return hardState.clone();
    }

    byte[] truncatedState() {
        return truncated.clone();
    }

    byte[] snapshot() {
        return snapshot.clone();
    }

    /** Inclusive lower bound of every entry key of this range. */
    byte[] logStart() {
        return logStart.clone();
    }

    /** Exclusive upper bound of every entry key of this range. */
    byte[] logEnd() {
        return logEnd.clone();
    }

    /** Inclusive lower bound of every key of this range. */
    byte[] rangeStart() {
        return ByteBuffer.allocate(PREFIX_LENGTH).putLong(rangeId).array();
    }

    /** Exclusive upper bound of every key of this range (every suffix in use is below 0xFF). */
    byte[] rangeEnd() {
        return withSuffix((byte) 0xFF);
    }

    byte[] entry(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative index " + index);
        }
        return ByteBuffer.allocate(ENTRY_KEY_LENGTH).putLong(rangeId).put(LOG).putLong(index).array();
    }

    /** The index in an entry key of this range. */
    long indexOf(byte[] entryKey) {
        ByteBuffer b = ByteBuffer.wrap(entryKey);
        if (entryKey.length != ENTRY_KEY_LENGTH || b.getLong() != rangeId || b.get() != LOG) {
            throw new IllegalStateException("not a log key of r" + rangeId + ": " + entryKey.length + " bytes");
        }
        return b.getLong();
    }

    private byte[] withSuffix(byte suffix) {
        return ByteBuffer.allocate(PREFIX_LENGTH + 1).putLong(rangeId).put(suffix).array();
    }
}
