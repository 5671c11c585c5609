package io.shaledb.kv.hlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.kv.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class HybridClockTest {
  private static final Duration OFFSET = Duration.ofMillis(500);

  @Test
  void manualClockMovesOnlyWhenTold() {
    ManualClock m = new ManualClock(10);
    assertEquals(10, m.nowNanos());
    m.advance(5);
    assertEquals(15, m.nowNanos());
    m.set(3);
    assertEquals(3, m.nowNanos());
  }

  @Test
  void followsPhysicalTimeWhenItAdvances() {
    ManualClock m = new ManualClock(1_000);
    HybridClock c = new HybridClock(m, OFFSET);
    assertEquals(new Timestamp(1_000, 0), c.now());
    m.advance(7);
    assertEquals(new Timestamp(1_007, 0), c.now());
  }

  @Test
  void logicalIncrementsWhileWallIsUnchanged() {
    HybridClock c = new HybridClock(new ManualClock(1_000), OFFSET);
    assertEquals(new Timestamp(1_000, 0), c.now());
    assertEquals(new Timestamp(1_000, 1), c.now());
    assertEquals(new Timestamp(1_000, 2), c.now());
  }

  @Test
  void staysMonotonicWhenPhysicalGoesBackwards() {
    ManualClock m = new ManualClock(5_000);
    HybridClock c = new HybridClock(m, OFFSET);
    Timestamp first = c.now();
    m.set(4_000);
    Timestamp second = c.now();
    assertEquals(new Timestamp(5_000, 1), second);
    assertTrue(second.compareTo(first) > 0);
    m.set(6_000);
    assertEquals(new Timestamp(6_000, 0), c.now());
  }

  @Test
  void updateForwardsPastRemoteAheadOfLocal() {
    ManualClock m = new ManualClock(1_000);
    HybridClock c = new HybridClock(m, OFFSET);
    c.now();
    Timestamp t = c.update(new Timestamp(2_000, 4));
    assertEquals(new Timestamp(2_000, 5), t);
    assertEquals(new Timestamp(2_000, 6), c.now(), "later readings stay above the remote");
  }

  @Test
  void updateWithEqualWallTakesMaxLogical() {
    HybridClock c = new HybridClock(new ManualClock(1_000), OFFSET);
    c.now();
    c.now(); // 1000,1
    assertEquals(new Timestamp(1_000, 10), c.update(new Timestamp(1_000, 9)));
    assertEquals(new Timestamp(1_000, 11), c.update(new Timestamp(1_000, 2)));
  }

  @Test
  void updateWithOlderRemoteStillAdvances() {
    ManualClock m = new ManualClock(5_000);
    HybridClock c = new HybridClock(m, OFFSET);
    Timestamp before = c.now();
    Timestamp after = c.update(new Timestamp(1, 0));
    assertTrue(after.compareTo(before) > 0);
    m.advance(1);
    assertEquals(new Timestamp(5_001, 0), c.update(new Timestamp(1, 0)));
  }

  @Test
  void rejectsRemoteBeyondMaxOffsetAndLeavesClockUnchanged() {
    ManualClock m = new ManualClock(1_000_000_000L);
    HybridClock c = new HybridClock(m, OFFSET);
    Timestamp before = c.now();
    long limit = 1_000_000_000L + OFFSET.toNanos();
    assertEquals(new Timestamp(limit, 1), c.update(new Timestamp(limit, 0)), "exactly at the limit");
    HybridClock fresh = new HybridClock(m, OFFSET);
    fresh.now();
    assertThrows(ClockOffsetException.class, () -> fresh.update(new Timestamp(limit + 1, 0)));
    assertEquals(new Timestamp(1_000_000_000L, 1), fresh.now());
    assertTrue(before.compareTo(c.now()) < 0);
    assertEquals(OFFSET, c.maxOffset());
  }

  @Test
  void concurrentCallersNeverSeeDuplicates() throws Exception {
    ManualClock m = new ManualClock(1);
    HybridClock c = new HybridClock(m, OFFSET);
    ConcurrentLinkedQueue<Timestamp> seen = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 2_000; i++) {
          seen.add(i % 100 == 0 ? c.update(new Timestamp(1, i)) : c.now());
          if (i % 500 == 0) {
            m.advance(1);
          }
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertEquals(8_000, seen.size());
    assertEquals(8_000, seen.stream().distinct().count());
  }

  @Test
  void forwardSkipsTheOffsetCheckAndNeverMovesBack() {
    ManualClock m = new ManualClock(1_000);
    HybridClock c = new HybridClock(m, OFFSET);
    Timestamp far = new Timestamp(1_000 + 10 * OFFSET.toNanos(), 3);
    c.forward(far);
    assertEquals(new Timestamp(far.wallNanos(), 4), c.now());
    c.forward(new Timestamp(5, 0));
    assertEquals(new Timestamp(far.wallNanos(), 5), c.now());
  }
}
