package io.shaledb.replication.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.check.CheckResult.Verdict;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckerTest {
    private final LinearizabilityChecker<RegisterModel.Value> checker = LinearizabilityChecker.forRegisters();

    private void assertLinearizable(History h) {
        CheckResult r = checker.check(h);
        assertEquals(Verdict.LINEARIZABLE, r.verdict(), () -> r.explain() + "\nhistory:\n" + h);
    }

    private CheckResult assertNotLinearizable(History h) {
        CheckResult r = checker.check(h);
        assertEquals(Verdict.NOT_LINEARIZABLE, r.verdict(), () -> r.explain() + "\nhistory:\n" + h);
        System.out.println(r.explain()); // what a failing workload would print
        return r;
    }

    // ---- linearizable ----------------------------------------------------------------------

    @Test
    void emptyHistoryAndReadOfNothingAreLinearizable() {
        assertLinearizable(new History());
        History h = new History();
        h.read(0, "x", null, 0, 1);
        assertLinearizable(h);
    }

    @Test
    void sequentialWritesAndReads() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.read(1, "x", 1L, 2, 3);
        h.write(0, "x", 2, 4, 5);
        h.read(1, "x", 2L, 6, 7);
        assertLinearizable(h);
    }

    @Test
    void overlappingWritesMayTakeEffectInEitherOrder() {
        History h = new History();
        h.write(0, "x", 1, 0, 10);
        h.write(1, "x", 2, 1, 9);
        h.read(2, "x", 1L, 11, 12); // 2 then 1
        assertLinearizable(h);
        History g = new History();
        g.write(0, "x", 1, 0, 10);
        g.write(1, "x", 2, 1, 9);
        g.read(2, "x", 2L, 11, 12); // 1 then 2
        assertLinearizable(g);
    }

    @Test
    void readConcurrentWithWriteMaySeeOldOrNewValue() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.write(0, "x", 2, 10, 20);
        h.read(1, "x", 1L, 11, 12);
        h.read(2, "x", 2L, 13, 14);
        h.read(1, "x", 2L, 15, 16); // once a reader saw 2, later readers must too
        assertLinearizable(h);
    }

    @Test
    void unknownWriteThatHappenedLongAfterItsInvocation() {
        History h = new History();
        h.unknownWrite(0, "x", 7, 0);
        h.read(1, "x", null, 10, 11);
        h.read(1, "x", 7L, 100, 101);
        h.read(2, "x", 7L, 200, 201);
        assertLinearizable(h);
    }

    @Test
    void unknownWriteThatNeverHappened() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.unknownWrite(1, "x", 9, 2);
        h.read(2, "x", 1L, 10, 11);
        h.read(2, "x", 1L, 20, 21);
        assertLinearizable(h);
    }

    @Test
    void failedOperationsAndUnknownReadsAreIgnored() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.fail(h.invoke(1, "x", OpKind.WRITE, 5L, null, 2), 3);
        h.invoke(2, "x", OpKind.READ, null, null, 4); // times out
        h.read(0, "x", 1L, 5, 6);
        assertLinearizable(h);
    }

    @Test
    void compareAndSetSucceedsAndFailsConsistently() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.cas(1, "x", 1L, 2, true, 2, 5);
        h.cas(2, "x", 1L, 3, false, 3, 6); // concurrent: lost the race
        h.read(0, "x", 2L, 7, 8);
        h.cas(1, "x", null, 4, false, 9, 10);
        assertLinearizable(h);
    }

    @Test
    void keysAreIndependent() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.write(0, "y", 2, 2, 3);
        h.read(1, "x", 1L, 4, 5);
        h.read(1, "y", 2L, 4, 5);
        assertLinearizable(h);
    }

    @Test
    void counterModelChecksSums() {
        var counter = new LinearizabilityChecker<>(new CounterModel());
        History h = new History();
        h.add(0, "c", 1, 0, 10);
        h.add(1, "c", 2, 0, 10);
        h.read(2, "c", 2L, 1, 2); // the add of 2 first
        h.read(2, "c", 3L, 11, 12);
        assertEquals(Verdict.LINEARIZABLE, counter.check(h).verdict());
        h.read(2, "c", 2L, 13, 14);
        assertEquals(Verdict.NOT_LINEARIZABLE, counter.check(h).verdict());
    }

    @Test
    void unobservedUnknownWriteIsStillUsedToExplainAFailedCompareAndSet() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.unknownWrite(1, "x", 2, 2); // its value is never read, but the cas below needs it
        h.cas(2, "x", 1L, 3, false, 5, 6);
        assertLinearizable(h);
    }

    @Test
    void manyUnknownWritesDoNotBlowUpTheSearch() {
        History h = new History();
        for (int i = 0; i < 40; i++) {
            h.unknownWrite(i, "x", 100 + i, i);
            h.write(50, "x", i, 100 + 4L * i, 101 + 4L * i);
            h.read(51, "x", (long) i, 102 + 4L * i, 103 + 4L * i);
        }
        h.read(52, "x", 39L, 1_000, 1_001);
        assertLinearizable(h);
        h.read(52, "x", 5L, 1_002, 1_003); // 5 was overwritten long ago
        CheckResult r = assertNotLinearizable(h);
        assertTrue(r.keys().get(0).steps() < 100_000, () -> "steps " + r.keys().get(0).steps());
    }

    // ---- not linearizable ------------------------------------------------------------------

    @Test
    void staleReadAfterCompletedWrite() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.write(0, "x", 2, 2, 3);
        h.read(1, "x", 1L, 4, 5);
        CheckResult r = assertNotLinearizable(h);
        String text = r.explain();
        assertTrue(text.contains("#2 c1 x read()=1 [4, 5] OK"), text);
        assertTrue(text.contains("smallest failing prefix: up to t=5"), text);
    }

    @Test
    void readOfValueNeverWritten() {
        History h = new History();
        h.write(0, "x", 1, 0, 10);
        h.read(1, "x", 3L, 2, 4);
        assertNotLinearizable(h);
    }

    @Test
    void readsObservingConcurrentWritesInOppositeOrders() {
        History h = new History();
        h.write(0, "x", 1, 0, 100);
        h.write(1, "x", 2, 0, 100);
        h.read(2, "x", 1L, 10, 11);
        h.read(2, "x", 2L, 12, 13); // so 1 then 2
        h.read(3, "x", 2L, 10, 11);
        h.read(3, "x", 1L, 12, 13); // so 2 then 1
        assertNotLinearizable(h);
    }

    @Test
    void lostCompareAndSet() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.cas(1, "x", 1L, 2, true, 2, 3);
        h.read(2, "x", 1L, 4, 5); // the successful cas vanished
        assertNotLinearizable(h);
    }

    @Test
    void twoCompareAndSetsCannotBothSwapFromTheSameValue() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.cas(1, "x", 1L, 2, true, 2, 10);
        h.cas(2, "x", 1L, 3, true, 2, 10);
        assertNotLinearizable(h);
    }

    @Test
    void unknownWriteCannotTakeEffectBeforeItsInvocation() {
        History h = new History();
        h.read(1, "x", 7L, 0, 1);
        h.unknownWrite(0, "x", 7, 5);
        assertNotLinearizable(h);
    }

    @Test
    void violationOnOneKeyIsReportedForThatKeyOnly() {
        History h = new History();
        h.write(0, "a", 1, 0, 1);
        h.read(1, "a", 1L, 2, 3);
        h.write(0, "b", 1, 0, 1);
        h.read(1, "b", null, 2, 3);
        CheckResult r = assertNotLinearizable(h);
        assertEquals(Verdict.LINEARIZABLE, r.keys().get(0).verdict());
        assertEquals(Verdict.NOT_LINEARIZABLE, r.keys().get(1).verdict());
    }

    @Test
    void smallestFailingPrefixIgnoresLaterOperations() {
        History h = new History();
        h.write(0, "x", 1, 0, 1);
        h.read(1, "x", null, 2, 3); // the violation
        for (int i = 0; i < 50; i++) {
            h.write(0, "x", 10 + i, 10 + 4L * i, 11 + 4L * i);
            h.read(1, "x", 10L + i, 12 + 4L * i, 13 + 4L * i);
        }
        String text = assertNotLinearizable(h).explain();
        assertTrue(text.contains("up to t=3, the completion of #1 c1 x read()=null"), text);
        assertTrue(text.contains("(2 ops;"), text);
    }

    // ---- budget ----------------------------------------------------------------------------

    @Test
    void exhaustedBudgetReportsUnknownInsteadOfHanging() {
        History h = new History();
        // Many mutually concurrent writes and a read of a value never written: the search has to
        // try a huge number of orders before refuting it.
        for (int i = 0; i < 40; i++) {
            h.write(i, "x", i, 0, 1_000);
        }
        for (int i = 0; i < 40; i++) {
            h.read(100 + i, "x", (long) (i % 7), 1 + i, 999);
        }
        h.read(200, "x", -1L, 500, 501);
        CheckResult r = new LinearizabilityChecker<>(new RegisterModel(), 1_000).check(h);
        assertEquals(Verdict.UNKNOWN, r.verdict(), r::explain);
        assertTrue(r.explain().contains("budget of 1000 steps exhausted"), r.explain());
    }
}
