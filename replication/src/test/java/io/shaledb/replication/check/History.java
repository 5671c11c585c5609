package io.shaledb.replication.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A recorded concurrent history: operations with their invocation and completion times.
 *
 * <p>Recorded incrementally by a workload ({@link #invoke}, then {@link #ok}, {@link #fail} or
 * {@link #timeout}); operations still open when the history is read count as
 * {@link Outcome#UNKNOWN}. Tests write known histories with the one-line helpers
 * ({@link #read}, {@link #write}, {@link #cas}, ...). Times are any increasing numbers; an
 * operation invoked at the same time another completes counts as concurrent with it.
 *
 * <p>Not thread-safe: one thread records.
 */
public final class History {
    private final List<Operation> ops = new ArrayList<>();
    private final List<Boolean> open = new ArrayList<>();

    /**
     * Records the invocation of an operation; its outcome is recorded later.
     *
     * @return the operation's id, to pass to {@link #ok}, {@link #fail} or {@link #timeout}
     */
    public int invoke(int client, String key, OpKind kind, Long value, Long expected, long time) {
        int id = ops.size();
        ops.add(new Operation(id, client, key, kind, value, expected, null, Outcome.UNKNOWN, time, Operation.NEVER));
        open.add(true);
        return id;
    }

    /** The operation {@code id} completed with {@code output} (see {@link Operation}) at {@code time}. */
    public void ok(int id, Long output, long time) {
        close(id, Outcome.OK, output, time);
    }

    /** The operation {@code id} definitely did not take effect. */
    public void fail(int id, long time) {
        close(id, Outcome.FAILED, null, time);
    }

    /** The client of operation {@code id} stopped waiting: it may or may not take effect. */
    public void timeout(int id) {
        close(id, Outcome.UNKNOWN, null, Operation.NEVER);
    }

    private void close(int id, Outcome outcome, Long output, long time) {
        if (!open.get(id)) {
            throw new IllegalStateException("operation " + id + " already completed: " + ops.get(id));
        }
        open.set(id, false);
        ops.set(id, ops.get(id).withOutcome(outcome, output, time));
    }

    /** The operation {@code id} as recorded so far (UNKNOWN while open). */
    public Operation operation(int id) {
        return ops.get(id);
    }

    /** True if {@code id} was invoked and has not completed yet. */
    public boolean isOpen(int id) {
        return open.get(id);
    }

    // ---- one-line helpers for known histories ----------------------------------------------

    /** A read that returned {@code output} ({@code null}: nothing written). */
    public int read(int client, String key, Long output, long invoked, long completed) {
        int id = invoke(client, key, OpKind.READ, null, null, invoked);
        ok(id, output, completed);
        return id;
    }

    public int write(int client, String key, long value, long invoked, long completed) {
        int id = invoke(client, key, OpKind.WRITE, value, null, invoked);
        ok(id, null, completed);
        return id;
    }

    /** A write that timed out: it may or may not have happened, at any time after {@code invoked}. */
    public int unknownWrite(int client, String key, long value, long invoked) {
        return invoke(client, key, OpKind.WRITE, value, null, invoked);
    }

    public int cas(int client, String key, Long expected, long value, boolean swapped, long invoked, long completed) {
        int id = invoke(client, key, OpKind.CAS, value, expected, invoked);
        ok(id, swapped ? 1L : 0L, completed);
        return id;
    }

    public int add(int client, String key, long delta, long invoked, long completed) {
        int id = invoke(client, key, OpKind.ADD, delta, null, invoked);
        ok(id, null, completed);
        return id;
    }

    /** Every operation in invocation order of recording; open ones as {@link Outcome#UNKNOWN}. */
    public List<Operation> operations() {
        return Collections.unmodifiableList(new ArrayList<>(ops));
    }

    public int size() {
        return ops.size();
    }

    /** Counts of operations per outcome, e.g. {@code OK=120 FAILED=3 UNKNOWN=7}. */
    public String summary() {
        int[] counts = new int[Outcome.values().length];
        for (Operation op : ops) {
            counts[op.outcome().ordinal()]++;
        }
        StringBuilder sb = new StringBuilder();
        for (Outcome o : Outcome.values()) {
            sb.append(sb.isEmpty() ? "" : " ").append(o).append('=').append(counts[o.ordinal()]);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Operation op : ops) {
            sb.append(op).append('\n');
        }
        return sb.toString();
    }
}
