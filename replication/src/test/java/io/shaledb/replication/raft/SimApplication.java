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
 * InstallSnapshot.
 */
final class SimApplication {
    /** Recent states kept so a snapshot can be taken a few entries behind the applied index. */
    private static final int HISTORY = 64;

    private final TreeMap<Long, Long> recent = new TreeMap<>(); // applied index -> state
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
        recent.put(applied, state);
    }

    void apply(LogEntry e) {
        state = chain(state, e);
        applied = e.index();
        recent.put(applied, state);
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
    Snapshot maybeSnapshot(MemoryRaftStorage storage, Membership membership, SplittableRandom policy) {
        int threshold = 8 + policy.nextInt(24);
        int keep = policy.nextInt(6);
        long index = applied - keep;
        Snapshot current = storage.snapshot();
        Map.Entry<Long, Long> at = recent.floorEntry(index);
        if (applied - storage.firstIndex() + 1 < threshold || at == null || at.getKey() < storage.firstIndex()
                || (current != null && at.getKey() <= current.index())) {
            return null;
        }
        Snapshot s = storage.createSnapshot(at.getKey(), membership, encode(at.getValue()));
        storage.compact(at.getKey());
        return s;
    }
}
