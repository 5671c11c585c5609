package io.shaledb.replication;

/**
 * Identity of one key range and of the Raft group that replicates it. Positive; never reused.
 *
 * @param value the range id, {@code > 0}
 */
public record RangeId(long value) implements Comparable<RangeId> {
    public RangeId {
        if (value <= 0) {
            throw new IllegalArgumentException("range id must be positive: " + value);
        }
    }

    public static RangeId of(long value) {
        return new RangeId(value);
    }

    @Override
    public int compareTo(RangeId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "r" + value;
    }
}
