package io.shaledb.replication.storage;

/**
 * The last entry removed from the front of a log by compaction; the log continues at
 * {@code index + 1}. {@link #NONE} ({@code 0, 0}) for a log never compacted.
 *
 * @param index index of the last compacted entry, {@code >= 0}
 * @param term  its term, {@code >= 0}; 0 only together with index 0
 */
public record TruncatedState(long index, long term) {
    public static final TruncatedState NONE = new TruncatedState(0, 0);

    public TruncatedState {
        if (index < 0 || term < 0 || (index > 0) != (term > 0)) {
            throw new IllegalArgumentException("bad truncated state (" + index + ", " + term + ")");
        }
    }
}
