package io.shaledb.replication.check;

import java.util.Objects;

/**
 * One client operation on one key, with its real-time interval.
 *
 * <p>Inputs and outputs by kind:
 * <ul>
 *   <li>{@code READ}: {@code output} is the value read, {@code null} meaning "never written".</li>
 *   <li>{@code WRITE}: {@code value} is the value written; no output.</li>
 *   <li>{@code CAS}: replaces {@code expected} ({@code null} = never written) by {@code value};
 *       {@code output} is 1 if it swapped, 0 if the value did not match.</li>
 *   <li>{@code ADD}: adds {@code value} to a counter; no output.</li>
 * </ul>
 * For an {@link Outcome#UNKNOWN} or {@link Outcome#FAILED} operation the output is ignored.
 *
 * @param id          position in its {@link History}, unique within it
 * @param client      the (sequential) client that issued it
 * @param key         the register it addresses; registers are independent
 * @param kind        what it does
 * @param value       the written value (WRITE, CAS, ADD), else {@code null}
 * @param expected    the compared value (CAS only), else {@code null}
 * @param output      see above
 * @param outcome     how it ended
 * @param invokedAt   when the client sent it
 * @param completedAt when the client learnt the outcome; {@link Long#MAX_VALUE} when UNKNOWN
 */
public record Operation(int id, int client, String key, OpKind kind, Long value, Long expected, Long output,
                        Outcome outcome, long invokedAt, long completedAt) {
    /** The completion time of an operation whose outcome is unknown. */
    public static final long NEVER = Long.MAX_VALUE;

    public Operation {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.UNKNOWN) {
            completedAt = NEVER;
        }
        if (completedAt < invokedAt) {
            throw new IllegalArgumentException("op " + id + " completes at " + completedAt
                    + " before its invocation at " + invokedAt);
        }
        if ((kind == OpKind.WRITE || kind == OpKind.CAS || kind == OpKind.ADD) && value == null) {
            throw new IllegalArgumentException(kind + " needs a value");
        }
        if (kind == OpKind.CAS && outcome == Outcome.OK && output != null && output != 0 && output != 1) {
            throw new IllegalArgumentException("a CAS output is 0 or 1: " + output);
        }
    }

    /** The same operation with another outcome (and output/completion for OK). */
    public Operation withOutcome(Outcome newOutcome, Long newOutput, long newCompletedAt) {
        return new Operation(id, client, key, kind, value, expected, newOutput, newOutcome, invokedAt, newCompletedAt);
    }

    /** True if both intervals overlap (neither completed before the other was invoked). */
    public boolean concurrentWith(Operation other) {
        return invokedAt <= other.completedAt && other.invokedAt <= completedAt;
    }

    /** e.g. {@code #7 c2 x cas(1->5)=true [40, 52] OK}. */
    @Override
    public String toString() {
        String call = switch (kind) {
            case READ -> "read()" + (outcome == Outcome.OK ? "=" + output : "");
            case WRITE -> "write(" + value + ")";
            case CAS -> "cas(" + expected + "->" + value + ")"
                    + (outcome == Outcome.OK ? "=" + (output != null && output == 1) : "");
            case ADD -> "add(" + value + ")";
        };
        String end = completedAt == NEVER ? "inf)" : completedAt + "]";
        return "#" + id + " c" + client + " " + key + " " + call + " [" + invokedAt + ", " + end + " " + outcome;
    }
}
