package io.shaledb.replication.check;

import io.shaledb.replication.check.CheckResult.KeyReport;
import io.shaledb.replication.check.CheckResult.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides whether a {@link History} is linearizable with respect to a sequential {@link Model}:
 * whether every operation can be given one instant inside its interval (for
 * {@link Outcome#UNKNOWN} operations: any instant after invocation, or never) such that the
 * operations, taken in that order, are a legal run of the model with the recorded outputs.
 *
 * <p>Keys are independent objects, so each key is checked alone (linearizability is local).
 * {@link Outcome#FAILED} operations and UNKNOWN reads (no output, no effect) are left out. Each key
 * is first checked without the UNKNOWN updates whose values nobody observed (a linearization
 * without them is one with them placed at the very end); only if that fails is the full key
 * history searched. A failing key is explained by its smallest failing prefix: the history cut at
 * the earliest completion after which no linearization exists (operations still running at the
 * cut become UNKNOWN), with the longest valid order the search found in it.
 *
 * <p>Each search is bounded by a step budget; a key that exhausts it is reported
 * {@link Verdict#UNKNOWN} rather than hanging the test.
 *
 * <p>Stateless between calls; not thread-safe if the model is not.
 */
public final class LinearizabilityChecker<S> {
    /** Default search steps per key search. */
    public static final long DEFAULT_BUDGET = 1_000_000;
    private static final int MAX_LISTED = 24;

    private final Model<S> model;
    private final long budget;

    public LinearizabilityChecker(Model<S> model, long budget) {
        this.model = Objects.requireNonNull(model, "model");
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be >= 1: " + budget);
        }
        this.budget = budget;
    }

    public LinearizabilityChecker(Model<S> model) {
        this(model, DEFAULT_BUDGET);
    }

    /** A checker for read/write/cas registers with the default budget. */
    public static LinearizabilityChecker<RegisterModel.Value> forRegisters() {
        return new LinearizabilityChecker<>(new RegisterModel());
    }

    public CheckResult check(History history) {
        return check(history.operations());
    }

    public CheckResult check(List<Operation> operations) {
        Map<String, List<Operation>> byKey = new TreeMap<>();
        int checked = 0;
        for (Operation op : operations) {
            boolean noEffect = op.outcome() == Outcome.FAILED
                    || (op.outcome() == Outcome.UNKNOWN && op.kind() == OpKind.READ);
            if (!noEffect) {
                byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
                checked++;
            }
        }
        List<KeyReport> reports = new ArrayList<>();
        Verdict overall = Verdict.LINEARIZABLE;
        for (Map.Entry<String, List<Operation>> e : byKey.entrySet()) {
            KeyReport r = checkKey(e.getKey(), e.getValue());
            reports.add(r);
            if (r.verdict() == Verdict.NOT_LINEARIZABLE) {
                overall = Verdict.NOT_LINEARIZABLE;
            } else if (r.verdict() == Verdict.UNKNOWN && overall == Verdict.LINEARIZABLE) {
                overall = Verdict.UNKNOWN;
            }
        }
        return new CheckResult(overall, reports, checked);
    }

    private KeyReport checkKey(String key, List<Operation> recorded) {
        long steps = 0;
        List<Operation> ops = model.valuesAreOpaque() ? withSharedUnobservedValue(recorded) : recorded;
        List<Operation> pruned = withoutUnobservedUnknowns(ops);
        if (pruned.size() < ops.size()) {
            LinearizationSearch.Result<S> quick = new LinearizationSearch<>(model, pruned, budget).run();
            steps += quick.steps();
            if (quick.verdict() == Verdict.LINEARIZABLE) {
                return new KeyReport(key, Verdict.LINEARIZABLE, ops.size(), steps, "");
            }
        }
        LinearizationSearch.Result<S> full = new LinearizationSearch<>(model, ops, budget).run();
        steps += full.steps();
        return switch (full.verdict()) {
            case LINEARIZABLE -> new KeyReport(key, Verdict.LINEARIZABLE, ops.size(), steps, "");
            case UNKNOWN -> new KeyReport(key, Verdict.UNKNOWN, ops.size(), steps, "  search budget of " + budget
                    + " steps exhausted; longest valid order found covers " + full.longestOrder().size() + " of "
                    + ops.size() + " operations");
            case NOT_LINEARIZABLE -> new KeyReport(key, Verdict.NOT_LINEARIZABLE, ops.size(), steps,
                    explain(ops, recorded));
        };
    }

    /**
     * Drops UNKNOWN updates whose value no read returned and no CAS expected. Sound only in one
     * direction (a linearization without them extends to one with them, placed last), which is
     * the only way the caller uses it.
     */
    private static List<Operation> withoutUnobservedUnknowns(List<Operation> ops) {
        Set<Long> observed = observedValues(ops);
        return ops.stream().filter(op -> !isUnobservedUnknownUpdate(op, observed)).toList();
    }

    /**
     * Gives every unknown-outcome update whose value nothing observes one shared value that no
     * operation mentions. Exact for models that only compare values for equality: no read or CAS
     * can tell the values apart, before or after.
     */
    private static List<Operation> withSharedUnobservedValue(List<Operation> ops) {
        Set<Long> observed = observedValues(ops);
        Set<Long> mentioned = new HashSet<>(observed);
        ops.forEach(op -> mentioned.add(op.value()));
        long shared = Long.MIN_VALUE;
        while (mentioned.contains(shared)) {
            shared++;
        }
        List<Operation> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            out.add(isUnobservedUnknownUpdate(op, observed) ? new Operation(op.id(), op.client(), op.key(), op.kind(),
                    shared, op.expected(), op.output(), op.outcome(), op.invokedAt(), op.completedAt()) : op);
        }
        return out;
    }

    /** Values some operation can tell apart: outputs of reads, expectations of CAS. */
    private static Set<Long> observedValues(List<Operation> ops) {
        Set<Long> observed = new HashSet<>();
        for (Operation op : ops) {
            if (op.outcome() == Outcome.OK && op.kind() == OpKind.READ) {
                observed.add(op.output());
            }
            if (op.kind() == OpKind.CAS) {
                observed.add(op.expected());
            }
        }
        return observed;
    }

    private static boolean isUnobservedUnknownUpdate(Operation op, Set<Long> observed) {
        return op.outcome() == Outcome.UNKNOWN && (op.kind() == OpKind.WRITE || op.kind() == OpKind.CAS)
                && !observed.contains(op.value());
    }

    // ---- counterexamples -------------------------------------------------------------------

    /** The history cut just after time {@code t}: later ops dropped, running ones UNKNOWN. */
    private static List<Operation> cutAt(List<Operation> ops, long t) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : ops) {
            if (op.invokedAt() > t) {
                continue;
            }
            if (op.completedAt() <= t) {
                out.add(op);
            } else if (op.kind() != OpKind.READ) {
                out.add(op.outcome() == Outcome.UNKNOWN ? op : op.withOutcome(Outcome.UNKNOWN, null, Operation.NEVER));
            }
        }
        return out;
    }

    private String explain(List<Operation> ops, List<Operation> recorded) {
        Map<Integer, Operation> originals = new java.util.HashMap<>();
        recorded.forEach(o -> originals.put(o.id(), o));
        java.util.function.Function<Operation, String> show = o -> {
            Operation orig = originals.get(o.id());
            return orig + (o.outcome() != orig.outcome() ? " (running at the cut)" : "");
        };
        List<Long> cuts = new ArrayList<>(new TreeSet<>(ops.stream()
                .filter(o -> o.outcome() == Outcome.OK).map(Operation::completedAt).toList()));
        // Smallest cut that fails; cutting is monotone (a prefix of a linearizable history is
        // linearizable), so binary search. The last cut is the whole history, known to fail.
        int lo = 0;
        int hi = cuts.size() - 1;
        LinearizationSearch.Result<S> failing = null;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            LinearizationSearch.Result<S> r = new LinearizationSearch<>(model, cutAt(ops, cuts.get(mid)), budget).run();
            if (r.verdict() == Verdict.NOT_LINEARIZABLE) {
                hi = mid;
                failing = r;
            } else {
                lo = mid + 1;
                failing = null;
            }
        }
        long t = cuts.get(lo);
        List<Operation> prefix = cutAt(ops, t);
        if (failing == null) {
            failing = new LinearizationSearch<>(model, prefix, budget).run();
        }
        Operation culprit = ops.stream().filter(o -> o.outcome() == Outcome.OK && o.completedAt() == t)
                .findFirst().orElseThrow();
        StringBuilder sb = new StringBuilder();
        sb.append("  smallest failing prefix: up to t=").append(t).append(", the completion of ")
                .append(show.apply(culprit))
                .append(" (").append(prefix.size()).append(" ops; still-running ones count as UNKNOWN)\n");
        List<Operation> order = failing.longestOrder();
        sb.append("  longest valid order found in it (").append(order.size()).append(" of ").append(prefix.size())
                .append(" ops), ending in state ").append(model.describe(failing.stateAfterLongest())).append(":\n");
        for (Operation op : order.subList(Math.max(0, order.size() - MAX_LISTED / 2), order.size())) {
            sb.append("    ").append(show.apply(op)).append('\n');
        }
        Set<Integer> placed = new HashSet<>();
        order.forEach(o -> placed.add(o.id()));
        List<Operation> rest = prefix.stream().filter(o -> !placed.contains(o.id()))
                .sorted(Comparator.comparingLong(Operation::completedAt).thenComparingInt(Operation::id)).toList();
        if (!rest.isEmpty()) {
            Operation blocked = rest.get(0);
            sb.append("  after it, ").append(show.apply(blocked))
                    .append(" must take effect but cannot; candidates then:\n");
            rest.stream().filter(o -> o.invokedAt() <= blocked.completedAt()).limit(MAX_LISTED / 2)
                    .forEach(o -> sb.append("    ").append(show.apply(o)).append('\n'));
        }
        sb.append("  operations of the prefix concurrent with or just before the culprit:\n");
        List<Operation> near = prefix.stream().filter(o -> o.completedAt() >= lastCompletedBefore(prefix, culprit))
                .sorted(Comparator.comparingLong(Operation::invokedAt)).toList();
        for (Operation op : near.subList(Math.max(0, near.size() - MAX_LISTED), near.size())) {
            sb.append("    ").append(show.apply(op)).append('\n');
        }
        return sb.toString();
    }

    /** Completion time of the latest write-like op that completed before {@code culprit} was invoked. */
    private static long lastCompletedBefore(List<Operation> prefix, Operation culprit) {
        long best = Long.MIN_VALUE;
        for (Operation op : prefix) {
            if (op.kind() != OpKind.READ && op.completedAt() < culprit.invokedAt()) {
                best = Math.max(best, op.completedAt());
            }
        }
        return best;
    }
}
