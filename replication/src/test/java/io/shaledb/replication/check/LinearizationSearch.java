package io.shaledb.replication.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One depth-first search for a linearization of the operations on one key (Wing and Gong's
 * algorithm with Lowe's memoization, as in Porcupine and Knossos).
 *
 * <p>The history is a doubly linked list of call and return entries in time order (at equal
 * times calls come first, so touching intervals count as concurrent). The ops that may be placed
 * next are those whose calls precede the first return in the list. The search tries each in
 * turn: the model must accept it from the current state, and the resulting configuration
 * (placed set, state) must not be known to fail; it then removes the op's call and return from
 * the list ("lifts" it) and recurses. When no candidate works, the configuration has failed and
 * the search backtracks. The list becoming empty means every operation was placed. Removals are
 * undone in reverse order, so the links restore exactly (dancing links).
 *
 * <p>Unknown-outcome operations return at {@link Operation#NEVER}: they can be placed anywhere
 * after their invocation, including after everything else, which is where an operation that
 * never took effect harmlessly goes.
 */
final class LinearizationSearch<S> {
    /** What one search found. */
    record Result<S>(CheckResult.Verdict verdict, long steps, List<Operation> longestOrder, S stateAfterLongest) {
    }

    private final Model<S> model;
    private final Operation[] ops;
    private final long budget;
    // entries: call of op i is 2i, its return 2i+1; HEAD and TAIL are sentinels
    private final int head;
    private final int tail;
    private final int[] next;
    private final int[] prev;
    /**
     * For an unknown-outcome op, the previous (by invocation) unknown op identical to it, or -1.
     * Identical unknown ops are interchangeable once both are invoked, so they are placed only in
     * invocation order: an exact symmetry reduction.
     */
    private final int[] prevTwin;

    LinearizationSearch(Model<S> model, List<Operation> operations, long budget) {
        this.model = model;
        this.ops = operations.toArray(new Operation[0]);
        this.budget = budget;
        int n = ops.length;
        this.head = 2 * n;
        this.tail = 2 * n + 1;
        this.next = new int[2 * n + 2];
        this.prev = new int[2 * n + 2];
        Integer[] order = new Integer[2 * n];
        for (int e = 0; e < 2 * n; e++) {
            order[e] = e;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(this::time)
                .thenComparingInt(e -> e & 1) // calls (even) before returns (odd) at equal times
                .thenComparingInt(e -> e));
        int last = head;
        for (int e : order) {
            next[last] = e;
            prev[e] = last;
            last = e;
        }
        next[last] = tail;
        prev[tail] = last;
        this.prevTwin = new int[n];
        Map<List<Object>, Integer> lastOfKind = new HashMap<>();
        for (int e : order) {
            int i = e >> 1;
            if ((e & 1) == 0 && ops[i].outcome() == Outcome.UNKNOWN) {
                List<Object> signature = Arrays.asList(ops[i].kind(), ops[i].value(), ops[i].expected());
                Integer twin = lastOfKind.put(signature, i);
                prevTwin[i] = twin == null ? -1 : twin;
            } else if ((e & 1) == 0) {
                prevTwin[i] = -1;
            }
        }
    }

    private long time(int entry) {
        Operation op = ops[entry >> 1];
        return (entry & 1) == 0 ? op.invokedAt() : op.completedAt();
    }

    /** A configuration reached: which known-outcome ops are placed, and the model state. */
    private record Placed(BitSet known, Object state) {
    }

    /** One level of the depth-first search: the op placed to get here and what to try next. */
    private final class Frame {
        final int op;
        final S stateBefore;
        final int[] candidates;
        int next;

        Frame(int op, S stateBefore, int[] candidates) {
            this.op = op;
            this.stateBefore = stateBefore;
            this.candidates = candidates;
        }
    }

    Result<S> run() {
        int n = ops.length;
        boolean[] unknown = new boolean[n];
        for (int i = 0; i < n; i++) {
            unknown[i] = ops[i].outcome() == Outcome.UNKNOWN;
        }
        // Failed configurations, by (known placed, state): the sets of unknown-outcome ops placed.
        // A configuration is hopeless if a failed one has the same known ops and state and a
        // subset of its unknown ops: whatever finished the larger one would finish the smaller
        // one with the extra unknown ops appended at the end (they return at +infinity and the
        // model accepts them anywhere). Equal sets are Lowe's memoization.
        Map<Placed, List<BitSet>> failed = new HashMap<>();
        BitSet known = new BitSet(n);
        BitSet unknownPlaced = new BitSet(n);
        Deque<Frame> stack = new ArrayDeque<>();
        S state = model.initial();
        stack.push(new Frame(-1, null, candidates(unknown, unknownPlaced)));
        int[] bestOrder = new int[0];
        S bestState = state;
        long steps = 0;
        while (next[head] != tail) {
            Frame top = stack.peek();
            if (top.next < top.candidates.length) {
                if (++steps > budget) {
                    return finish(CheckResult.Verdict.UNKNOWN, steps, bestOrder, bestState);
                }
                int i = top.candidates[top.next++];
                S after = model.step(state, ops[i]);
                if (after == null) {
                    continue;
                }
                BitSet bits = unknown[i] ? unknownPlaced : known;
                bits.set(i);
                if (dominated(failed.get(new Placed(known, after)), unknownPlaced)) {
                    bits.clear(i);
                    continue;
                }
                lift(2 * i);
                stack.push(new Frame(i, state, candidates(unknown, unknownPlaced)));
                state = after;
                if (stack.size() - 1 > bestOrder.length) {
                    bestOrder = order(stack);
                    bestState = state;
                }
            } else {
                if (top.op < 0) {
                    return finish(CheckResult.Verdict.NOT_LINEARIZABLE, steps, bestOrder, bestState);
                }
                addFailed(failed.computeIfAbsent(new Placed((BitSet) known.clone(), state), k -> new ArrayList<>()),
                        unknownPlaced);
                stack.pop();
                state = top.stateBefore;
                (unknown[top.op] ? unknownPlaced : known).clear(top.op);
                unlift(2 * top.op);
            }
        }
        return finish(CheckResult.Verdict.LINEARIZABLE, steps, order(stack), state);
    }

    private static boolean dominated(List<BitSet> failedUnknownSets, BitSet unknownPlaced) {
        if (failedUnknownSets == null) {
            return false;
        }
        for (BitSet f : failedUnknownSets) {
            if (isSubset(f, unknownPlaced)) {
                return true;
            }
        }
        return false;
    }

    /** Records a failed unknown set, keeping the list free of sets that contain another. */
    private static void addFailed(List<BitSet> failedUnknownSets, BitSet unknownPlaced) {
        failedUnknownSets.removeIf(f -> isSubset(unknownPlaced, f));
        failedUnknownSets.add((BitSet) unknownPlaced.clone());
    }

    private static boolean isSubset(BitSet a, BitSet b) {
        for (int i = a.nextSetBit(0); i >= 0; i = a.nextSetBit(i + 1)) {
            if (!b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The ops that may be placed next: those whose call precedes the first return still in the
     * list (that return's op must be placed before anything invoked later). Known-outcome ops
     * come first so that configurations with fewer unknown ops placed are explored, and fail,
     * first; that is what makes the dominance check above bite.
     */
    private int[] candidates(boolean[] unknown, BitSet unknownPlaced) {
        int[] buf = new int[ops.length];
        int count = 0;
        for (int e = next[head]; e != tail && (e & 1) == 0; e = next[e]) {
            if (!unknown[e >> 1]) {
                buf[count++] = e >> 1;
            }
        }
        for (int e = next[head]; e != tail && (e & 1) == 0; e = next[e]) {
            int i = e >> 1;
            if (unknown[i] && (prevTwin[i] < 0 || unknownPlaced.get(prevTwin[i]))) {
                buf[count++] = i;
            }
        }
        return Arrays.copyOf(buf, count);
    }

    private int[] order(Deque<Frame> stack) {
        int[] out = new int[stack.size() - 1];
        int k = out.length;
        for (Frame f : stack) { // from the top down
            if (f.op >= 0) {
                out[--k] = f.op;
            }
        }
        return out;
    }

    private Result<S> finish(CheckResult.Verdict verdict, long steps, int[] order, S stateAfter) {
        List<Operation> longest = new ArrayList<>(order.length);
        for (int i : order) {
            longest.add(ops[i]);
        }
        return new Result<>(verdict, steps, longest, stateAfter);
    }

    /** Removes the call entry {@code call} and its return from the list. */
    private void lift(int call) {
        unlink(call);
        unlink(call + 1);
    }

    /** Undoes {@link #lift} of the most recently lifted operation still lifted. */
    private void unlift(int call) {
        relink(call + 1);
        relink(call);
    }

    private void unlink(int e) {
        next[prev[e]] = next[e];
        prev[next[e]] = prev[e];
    }

    private void relink(int e) {
        next[prev[e]] = e;
        prev[next[e]] = e;
    }
}
