package io.shaledb.replication.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.RangeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static RangeId r(long id) {
        return RangeId.of(id);
    }

    static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    @Test
    void rangeQueueRunsEachRangeOnceAndRequeuesWorkArrivingWhileRunning() {
        RangeQueue q = new RangeQueue();
        assertTrue(q.enqueue(r(1)));
        assertTrue(q.enqueue(r(2)));
        assertFalse(q.enqueue(r(1)), "already queued");
        assertEquals(List.of(r(1), r(2)), q.take(10));
        assertFalse(q.hasRunnable());
        assertFalse(q.enqueue(r(1)), "running: marked to run again, not queued twice");
        assertTrue(q.enqueue(r(3)));
        assertEquals(List.of(r(3)), q.take(10), "a running range is not handed out again");
        assertEquals(1, q.finish(List.of(r(1), r(2))));
        assertEquals(List.of(r(1)), q.take(1));
        assertEquals(0, q.finish(List.of(r(1), r(3))));
        assertFalse(q.hasRunnable());
        assertTrue(q.enqueue(r(2)), "idle again after finishing");
    }

    @Test
    void deterministicSchedulerRunsBatchesInOrderOnTheCaller() {
        DeterministicScheduler s = new DeterministicScheduler(2);
        List<List<RangeId>> seen = new ArrayList<>();
        Thread caller = Thread.currentThread();
        s.start(batch -> {
            assertEquals(caller, Thread.currentThread());
            seen.add(batch);
            if (batch.contains(r(1)) && seen.size() == 1) {
                s.enqueue(r(1)); // more work found while processing: runs again later
            }
        });
        s.enqueue(r(1));
        s.enqueue(r(2));
        s.enqueue(r(3));
        assertEquals(2, s.runUntilIdle());
        assertEquals(List.of(List.of(r(1), r(2)), List.of(r(3), r(1))), seen);
        assertFalse(s.hasWork());
        s.close();
        s.enqueue(r(4));
        assertEquals(0, s.runUntilIdle(), "closed: nothing runs");
    }

    @Test
    void workerPoolNeverRunsARangeOnTwoThreadsAndLosesNoWakeUp() throws InterruptedException {
        int ranges = 32;
        AtomicLongArray posted = new AtomicLongArray(ranges + 1);
        AtomicLongArray seen = new AtomicLongArray(ranges + 1);
        AtomicBoolean[] inFlight = new AtomicBoolean[ranges + 1];
        for (int i = 0; i <= ranges; i++) {
            inFlight[i] = new AtomicBoolean();
        }
        AtomicInteger overlaps = new AtomicInteger();
        WorkerPoolScheduler s = new WorkerPoolScheduler("test-pool", 4, 5);
        s.start(batch -> {
            for (RangeId id : batch) {
                int i = (int) id.value();
                if (!inFlight[i].compareAndSet(false, true)) {
                    overlaps.incrementAndGet();
                }
                seen.set(i, posted.get(i)); // everything posted before now is handled by this run
                for (int spin = 0; spin < 200; spin++) {
                    Thread.onSpinWait(); // widen the window another worker would have to hit
                }
                inFlight[i].set(false);
            }
        });
        assertEquals(4, threadsNamed("test-pool-"));
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            SplittableRandom random = new SplittableRandom(p);
            Thread t = new Thread(() -> {
                for (int n = 0; n < 20_000; n++) {
                    int i = 1 + random.nextInt(ranges);
                    posted.incrementAndGet(i);
                    s.enqueue(r(i));
                }
            });
            producers.add(t);
            t.start();
        }
        for (Thread t : producers) {
            t.join();
        }
        StoreCluster.await(() -> {
            for (int i = 1; i <= ranges; i++) {
                if (seen.get(i) != posted.get(i)) {
                    return false;
                }
            }
            return true;
        }, Duration.ofSeconds(20), "every range processed after its last enqueue");
        s.close();
        assertEquals(0, overlaps.get(), "a range ran on two workers at once");
        assertEquals(0, threadsNamed("test-pool-"), "close joined the workers");
    }
}
