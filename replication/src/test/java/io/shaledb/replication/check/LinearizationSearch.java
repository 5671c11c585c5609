package io.shaledb.replication.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One depth-first search for a linearization of the operations on one key (Wing and Gong's
 * algorithm with Lowe's memoization, as in Porcupine and Knossos).
 *
 * <p>The history is a doubly linked list of call and return entries in time order (at equal
 * times calls come first, so touching intervals count as concurrent). The search walks the list:
 * at a call it tries to take the operation next in the linearization (the model must accept it
 * from the current state, and the (linearized set, new state) pair must not have been explored
 * before); it then removes the operation's call and return from the list ("lifts" it) and starts
 * again at the head. Reaching a return entry means that operation had to be linearized already:
 * the search backtracks by undoing the last choice and trying the next call after it. The list
 * becoming empty means every operation was placed. Removals are undone in reverse order, so the
 * links restore exactly (dancing links).
 *
 * <p>Unknown-outcome operations return at {@link Operation#NEVER}: they can be placed anywhere
 * after their invocation, including after everything else, which is where an operation that
 * never took effect harmlessly goes.
 */
final class LinearizationSearch<S> {
    /** What one search found. */
    record Outcome<S>(CheckResult.Verdict verdict, long steps, List<Operation> longestOrder, S stateAfterLongest) {
    }

    private final Model<S> model;
    private final Operation[] ops;
    private final long budget;
    // entries: call of op i is 2i, its return 2i+1; HEAD and TAIL are sentinels
    private final int head;
    private final int tail;
    private final int[] next;
    private final int[] prev;

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
    }

    private long time(int entry) {
        Operation op = ops[entry >> 1];
        return (entry & 1) == 0 ? op.invokedAt() : op.completedAt();
    }

    private record Explored(BitSet linearized, Object state) {
    }

    Outcome<S> run() {
        int n = ops.length;
        Set<Explored> explored = new HashSet<>();
        BitSet linearized = new BitSet(n);
        int[] stackOps = new int[n];
        List<S> stackStates = new ArrayList<>(n);
        int depth = 0;
        S state = model.initial();
        int bestDepth = -1;
        int[] bestOrder = new int[0];
        S bestState = state;
        long steps = 0;
        int entry = next[head];
        while (next[head] != tail) {
            if (++steps > budget) {
                return finish(CheckResult.Verdict.UNKNOWN, steps, bestOrder, bestState);
            }
            if ((entry & 1) == 0) {
                int i = entry >> 1;
                S after = model.step(state, ops[i]);
                if (after != null) {
                    linearized.set(i);
                    if (explored.add(new Explored((BitSet) linearized.clone(), after))) {
                        stackOps[depth++] = i;
                        stackStates.add(state);
                        state = after;
                        lift(entry);
                        if (depth > bestDepth) {
                            bestDepth = depth;
                            bestOrder = Arrays.copyOf(stackOps, depth);
                            bestState = state;
                        }
                        entry = next[head];
                        continue;
                    }
                    linearized.clear(i);
                }
                entry = next[entry];
            } else {
                if (depth == 0) {
                    return finish(CheckResult.Verdict.NOT_LINEARIZABLE, steps, bestOrder, bestState);
                }
                int i = stackOps[--depth];
                state = stackStates.remove(depth);
                linearized.clear(i);
                unlift(2 * i);
                entry = next[2 * i];
            }
        }
        return finish(CheckResult.Verdict.LINEARIZABLE, steps, Arrays.copyOf(stackOps, depth), state);
    }

    private Outcome<S> finish(CheckResult.Verdict verdict, long steps, int[] order, S stateAfter) {
        List<Operation> longest = new ArrayList<>(order.length);
        for (int i : order) {
            longest.add(ops[i]);
        }
        return new Outcome<>(verdict, steps, longest, stateAfter);
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
