package io.shaledb.replication.check;

import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The replicated application of {@link RegisterWorkloadSimulation}: named {@code Long}
 * registers, plus the result of every operation applied (so that a client whose command was
 * folded into a snapshot can still learn its outcome, like a real system's deduplication table).
 *
 * <p>Commands are text: {@code "<op> W <key> <value> -"} or {@code "<op> C <key> <value> <expected|->"}.
 * Deterministic: members applying the same entries, or restoring the same snapshot, agree.
 * Not thread-safe.
 */
final class RegisterStateMachine {
    private static final String NONE = "-";

    private final String keyLostOnRestore; // a planted bug for negative controls, usually null
    private final Map<String, Long> registers = new TreeMap<>();
    private final Map<Integer, Long> results = new HashMap<>(); // op -> CAS 0/1, WRITE null
    private long applied;

    /**
     * @param keyLostOnRestore {@code null}; else a register that {@link #restore} deliberately
     *                         forgets (a negative control for the snapshot path)
     */
    RegisterStateMachine(String keyLostOnRestore) {
        this.keyLostOnRestore = keyLostOnRestore;
    }

    /** The command bytes for operation {@code op}. */
    static byte[] command(int op, boolean cas, String key, long value, Long expected) {
        String text = op + " " + (cas ? "C" : "W") + " " + key + " " + value + " "
                + (expected == null ? NONE : expected);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Index of the last entry applied (or covered by the restored snapshot). */
    long applied() {
        return applied;
    }

    /** The register's value, {@code null} if never written. */
    Long get(String key) {
        return registers.get(key);
    }

    boolean hasApplied(int op) {
        return results.containsKey(op);
    }

    /** The output of an applied operation: 1/0 for a CAS, {@code null} for a write. */
    Long result(int op) {
        return results.get(op);
    }

    /**
     * Applies the next committed entry.
     *
     * @return the id of the operation it carried, or -1 for a leader no-op
     * @throws IllegalStateException if {@code e} is not the entry after {@link #applied()}
     */
    int apply(LogEntry e) {
        if (e.index() != applied + 1) {
            throw new IllegalStateException("applying " + e + " after " + applied);
        }
        applied = e.index();
        if (e.type() != EntryType.COMMAND) {
            return -1;
        }
        String[] f = new String(e.data(), StandardCharsets.UTF_8).split(" ");
        int op = Integer.parseInt(f[0]);
        String key = f[2];
        long value = Long.parseLong(f[3]);
        if (f[1].equals("W")) {
            registers.put(key, value);
            results.put(op, null);
        } else {
            Long expected = f[4].equals(NONE) ? null : Long.valueOf(f[4]);
            boolean swaps = Objects.equals(registers.get(key), expected);
            if (swaps) {
                registers.put(key, value);
            }
            results.put(op, swaps ? 1L : 0L);
        }
        return op;
    }

    /** The state as snapshot data: {@code key=value ...} newline {@code op:result ...}. */
    byte[] snapshotData() {
        StringBuilder sb = new StringBuilder();
        registers.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        sb.append('\n');
        results.forEach((op, r) -> sb.append(op).append(':').append(r == null ? NONE : r).append(' '));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces the state with {@code snapshot}'s, or empties it if {@code null}. */
    void restore(Snapshot snapshot) {
        registers.clear();
        results.clear();
        applied = 0;
        if (snapshot == null) {
            return;
        }
        String[] parts = new String(snapshot.data(), StandardCharsets.UTF_8).split("\n", -1);
        for (String kv : parts[0].trim().split(" ")) {
            if (!kv.isEmpty()) {
                String[] p = kv.split("=");
                if (!p[0].equals(keyLostOnRestore)) {
                    registers.put(p[0], Long.valueOf(p[1]));
                }
            }
        }
        for (String or : parts[1].trim().split(" ")) {
            if (!or.isEmpty()) {
                String[] p = or.split(":");
                results.put(Integer.valueOf(p[0]), p[1].equals(NONE) ? null : Long.valueOf(p[1]));
            }
        }
        applied = snapshot.index();
    }
}
