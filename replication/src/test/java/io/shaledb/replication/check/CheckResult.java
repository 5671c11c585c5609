package io.shaledb.replication.check;

import java.util.List;

/**
 * The checker's answer for a whole history.
 *
 * @param verdict     NOT_LINEARIZABLE if any key is, else UNKNOWN if any key ran out of search
 *                    budget, else LINEARIZABLE
 * @param keys        one report per key, in key order
 * @param operations  operations checked (FAILED ones excluded)
 */
public record CheckResult(Verdict verdict, List<KeyReport> keys, int operations) {
    /** Whether a linearization exists. */
    public enum Verdict {
        LINEARIZABLE,
        NOT_LINEARIZABLE,
        /** The search budget ran out before an answer: neither proven nor refuted. */
        UNKNOWN
    }

    /**
     * The answer for one key.
     *
     * @param key         the key
     * @param verdict     its verdict
     * @param operations  operations on the key that were checked
     * @param steps       search steps spent on the key
     * @param explanation for NOT_LINEARIZABLE the counterexample (smallest failing prefix, the
     *                    longest valid order found in it, the operation that cannot be placed);
     *                    for UNKNOWN why; empty otherwise
     */
    public record KeyReport(String key, Verdict verdict, int operations, long steps, String explanation) {
    }

    public CheckResult {
        keys = List.copyOf(keys);
    }

    public boolean isLinearizable() {
        return verdict == Verdict.LINEARIZABLE;
    }

    /** A text for a failing test: the verdict and every non-linearizable or unknown key's explanation. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append(verdict).append(" (").append(operations).append(" operations on ").append(keys.size())
                .append(" keys)");
        for (KeyReport k : keys) {
            if (k.verdict() != Verdict.LINEARIZABLE) {
                sb.append("\nkey ").append(k.key()).append(": ").append(k.verdict()).append(" (").append(k.operations())
                        .append(" ops, ").append(k.steps()).append(" search steps)\n").append(k.explanation());
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return explain();
    }
}
