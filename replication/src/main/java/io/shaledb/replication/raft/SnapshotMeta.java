package io.shaledb.replication.raft;

import java.util.Objects;

/**
 * What a {@link Snapshot} stands for: the state machine after applying every entry up to and
 * including {@code index}, which has term {@code term}, with {@code membership} in force there.
 * A member that holds a snapshot no longer needs (and may have compacted) the entries it covers;
 * its log continues at {@code index + 1}, and {@code term} lets it check that the entry after
 * the snapshot follows on (Raft §7).
 *
 * @param index      the last entry the snapshot covers, {@code >= 1}
 * @param term       the term of that entry, {@code >= 1}
 * @param membership the group's membership as of {@code index}
 */
public record SnapshotMeta(long index, long term, Membership membership) {
    public SnapshotMeta {
        if (index < 1 || term < 1) {
            throw new IllegalArgumentException("snapshot index and term must be >= 1: (" + index + ", " + term + ")");
        }
        Objects.requireNonNull(membership, "membership");
    }
}
