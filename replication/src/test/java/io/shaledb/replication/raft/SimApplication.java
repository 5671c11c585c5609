package io.shaledb.replication.raft;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The state machine a simulated member runs: its state is a hash chain over every applied entry
 * (index, term, type and data), so two members agree on the state at index i exactly when they
 * applied the same entries 1..i. It periodically snapshots a recent state (a few entries behind
 * the applied index, so the log keeps a short tail for slightly lagging followers) and compacts
 * its log up to that snapshot, which forces crashed or cut-off members to catch up by
 * InstallSnapshot. Each applied index remembers the membership the driver reported for it, so a
 * snapshot records the membership as of its own index.
 */
final class SimApplication {
    /** Recent states kept so a snapshot can be taken a few entries behind the applied index. */
    private static final int HISTORY = 64;

    /** The state and membership after applying up to some index. */
    private record Applied(long state, Membership membership) {
    }

    private final TreeMap<Long, Applied> recent = new TreeMap<>(); // applied index -> state there
    private long applied;
    private long state;

    /** The next link of the chain: the state after applying {@code e} on top of {@code state}. */
    static long chain(long state, LogEntry e) {
        long h = state * 0x9E3779B97F4A7C15L + e.index();
        h = h * 31 + e.term();
        h = h * 31 + e.type().ordinal();
        h = h * 31 + Arrays.hashCode(e.data());
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    static byte[] encode(long state) {
        return ByteBuffer.allocate(Long.BYTES).putLong(state).array();
    }

    static long decode(byte[] data) {
        if (data.length != Long.BYTES) {
            throw new SimulationInvariants.Violation("snapshot data of " + data.length + " bytes is no sim state");
        }
        return ByteBuffer.wrap(data).getLong();
    }

    long applied() {
        return applied;
    }

    long state() {
        return state;
    }

    /** Starts from {@code snapshot} (a restart from storage, or an installed one); null: empty. */
    void restore(Snapshot snapshot) {
        recent.clear();
        applied = snapshot == null ? 0 : snapshot.index();
        state = snapshot == null ? 0 : decode(snapshot.data());
        if (snapshot != null) {
            recent.put(applied, new Applied(state, snapshot.meta().membership()));
        }
    }

    /** Applies {@code e}; {@code membership} is the one in force at its index. */
    void apply(LogEntry e, Membership membership) {
        state = chain(state, e);
        applied = e.index();
        recent.put(applied, new Applied(state, membership));
        if (recent.size() > HISTORY) {
            recent.pollFirstEntry();
        }
    }

    /**
     * Once the log holds at least {@code threshold} applied entries, snapshots the state
     * {@code keep} entries behind the applied index and compacts the log up to it.
     *
     * @return the snapshot taken, or null if none was due or possible
     */
    Snapshot maybeSnapshot(MemoryRaftStorage storage, SplittableRandom policy) {
        int threshold = 8 + policy.nextInt(24);
        int keep = policy.nextInt(6);
        long index = applied - keep;
        Snapshot current = storage.snapshot();
        Map.Entry<Long, Applied> at = recent.floorEntry(index);
        if (applied - storage.firstIndex() + 1 < threshold || at == null || at.getKey() < storage.firstIndex()
                || (current != null && at.getKey() <= current.index())) {
            return null;
        }
        Applied a = at.getValue();
        Snapshot s = storage.createSnapshot(at.getKey(), a.membership(), encode(a.state()));
        storage.compact(at.getKey());
        return s;
    }
}
