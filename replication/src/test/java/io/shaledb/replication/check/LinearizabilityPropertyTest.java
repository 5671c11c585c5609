package io.shaledb.replication.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shaledb.replication.check.CheckResult.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Histories made from a known sequential execution: every operation gets a linearization point,
 * then its interval is stretched around that point, so a linearization exists by construction.
 * Corrupting one read so that it becomes impossible must make the checker refute the history.
 */
class LinearizabilityPropertyTest {
    private static final int CLIENTS = 4;

    private final LinearizabilityChecker<RegisterModel.Value> checker = LinearizabilityChecker.forRegisters();

    @Property(tries = 200)
    void stretchedSequentialExecutionsAreLinearizable(@ForAll long seed,
                                                      @ForAll @IntRange(min = 1, max = 60) int length,
                                                      @ForAll @IntRange(min = 1, max = 3) int keys,
                                                      @ForAll @IntRange(min = 0, max = 60) int stretch) {
        List<Operation> ops = sequentialExecution(seed, length, keys, stretch);
        CheckResult r = checker.check(ops);
        assertEquals(Verdict.LINEARIZABLE, r.verdict(), () -> r.explain() + "\n" + render(ops));
    }

    @Property(tries = 200)
    void readOfAValueNeverWrittenIsRefuted(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int length,
                                           @ForAll @IntRange(min = 1, max = 3) int keys,
                                           @ForAll @IntRange(min = 0, max = 60) int stretch) {
        List<Operation> ops = new ArrayList<>(sequentialExecution(seed, length, keys, stretch));
        List<Integer> reads = indexesOfOkReads(ops);
        Statistics.label("has a read").collect(!reads.isEmpty());
        if (reads.isEmpty()) {
            return;
        }
        int victim = reads.get(new SplittableRandom(seed).nextInt(reads.size()));
        Operation r = ops.get(victim);
        ops.set(victim, r.withOutcome(Outcome.OK, -1L - victim, r.completedAt())); // values written are > 0
        CheckResult result = checker.check(ops);
        assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict(), () -> result.explain() + "\n" + render(ops));
    }

    /**
     * A read corrupted into a value overwritten before it started: some write w wrote it, and
     * another definite update w2 of the key was invoked after w completed and completed before
     * the read was invoked. Values are unique, so nothing can bring the old value back.
     */
    @Property(tries = 200)
    void readOfAnOverwrittenValueIsRefuted(@ForAll long seed, @ForAll @IntRange(min = 5, max = 60) int length,
                                           @ForAll @IntRange(min = 1, max = 2) int keys,
                                           @ForAll @IntRange(min = 0, max = 30) int stretch) {
        List<Operation> ops = new ArrayList<>(sequentialExecution(seed, length, keys, stretch));
        for (int victim : indexesOfOkReads(ops)) {
            Operation r = ops.get(victim);
            Long stale = overwrittenBefore(ops, r);
            if (stale != null && !Objects.equals(stale, r.output())) {
                Statistics.label("corrupted").collect(true);
                ops.set(victim, r.withOutcome(Outcome.OK, stale, r.completedAt()));
                CheckResult result = checker.check(ops);
                assertEquals(Verdict.NOT_LINEARIZABLE, result.verdict(), () -> result.explain() + "\n" + render(ops));
                return;
            }
        }
        Statistics.label("corrupted").collect(false);
    }

    private static Long overwrittenBefore(List<Operation> ops, Operation read) {
        for (Operation w : ops) {
            if (!w.key().equals(read.key()) || w.outcome() != Outcome.OK || w.kind() != OpKind.WRITE) {
                continue;
            }
            for (Operation w2 : ops) {
                boolean definiteUpdate = w2.outcome() == Outcome.OK && (w2.kind() == OpKind.WRITE
                        || (w2.kind() == OpKind.CAS && w2.output() == 1));
                if (definiteUpdate && w2.key().equals(read.key()) && w.completedAt() < w2.invokedAt()
                        && w2.completedAt() < read.invokedAt()) {
                    return w.value();
                }
            }
        }
        return null;
    }

    private static List<Integer> indexesOfOkReads(List<Operation> ops) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).kind() == OpKind.READ && ops.get(i).outcome() == Outcome.OK) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * Runs {@code length} random operations one after another against the register model, the
     * i-th taking effect at time {@code 10 i}, and widens each interval by up to {@code stretch}
     * on both sides. Some updates time out (UNKNOWN, though they did take effect), some reads
     * time out, and some updates that never took effect are added as UNKNOWN or FAILED.
     */
    static List<Operation> sequentialExecution(long seed, int length, int keys, int stretch) {
        SplittableRandom random = new SplittableRandom(seed);
        RegisterModel model = new RegisterModel();
        Map<String, RegisterModel.Value> state = new HashMap<>();
        History h = new History();
        long nextValue = 1;
        for (int i = 0; i < length; i++) {
            long point = 10L * i;
            long invoked = point - random.nextInt(stretch + 1);
            long completed = point + random.nextInt(stretch + 1);
            int client = random.nextInt(CLIENTS);
            String key = "k" + random.nextInt(keys);
            RegisterModel.Value current = state.getOrDefault(key, model.initial());
            int dice = random.nextInt(100);
            if (dice < 40) {
                int id = h.invoke(client, key, OpKind.READ, null, null, invoked);
                if (random.nextInt(10) == 0) {
                    h.timeout(id);
                } else {
                    h.ok(id, current.value(), completed);
                }
            } else if (dice < 90) {
                boolean cas = dice >= 70;
                Long guess = (long) random.nextInt(5);
                Long expected = cas ? (random.nextInt(3) > 0 ? current.value() : guess) : null;
                long value = nextValue++;
                int id = h.invoke(client, key, cas ? OpKind.CAS : OpKind.WRITE, value, expected, invoked);
                Operation op = h.operations().get(id);
                RegisterModel.Value after = model.step(current, op); // output unknown yet: always accepted
                boolean swapped = !after.equals(current) || !cas;
                state.put(key, after);
                if (random.nextInt(8) == 0) {
                    h.timeout(id);
                } else {
                    h.ok(id, cas ? (swapped ? 1L : 0L) : null, completed);
                }
            } else {
                // An update that never takes effect: it timed out, or was definitely rejected.
                int id = h.invoke(client, key, OpKind.WRITE, nextValue++, null, invoked);
                if (random.nextBoolean()) {
                    h.timeout(id);
                } else {
                    h.fail(id, completed);
                }
            }
        }
        return h.operations();
    }

    private static String render(List<Operation> ops) {
        StringBuilder sb = new StringBuilder("history:\n");
        ops.forEach(o -> sb.append("  ").append(o).append('\n'));
        return sb.toString();
    }
}
