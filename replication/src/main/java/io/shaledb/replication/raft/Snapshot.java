package io.shaledb.replication.raft;

import java.util.Arrays;
import java.util.Objects;

/**
 * A point-in-time image of the application's state machine, made by the application (the core
 * never makes one) and shipped by a leader to a follower whose missing entries were compacted.
 *
 * <p>The {@code data} array is shared, not copied: nobody may mutate it after construction.
 * Equality compares the data bytes.
 *
 * @param meta where in the log the snapshot sits
 * @param data the application's serialized state; opaque to Raft
 */
public record Snapshot(SnapshotMeta meta, byte[] data) {
    public Snapshot {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(data, "data");
    }

    /** Shorthand for {@code meta().index()}. */
    public long index() {
        return meta.index();
    }

    /** Shorthand for {@code meta().term()}. */
    public long term() {
        return meta.term();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s && s.meta.equals(meta) && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meta, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Snapshot[" + meta.index() + "@" + meta.term() + " " + meta.membership().voters() + " "
                + data.length + "B]";
    }
}
