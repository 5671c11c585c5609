package io.shaledb.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UniqueRowIdsTest {

  private static final long NOW = 1_763_700_000_000_000L;

  @Test
  void strictlyIncreasingEvenWhenTheClockStallsOrStepsBack() {
    AtomicLong clock = new AtomicLong(NOW);
    UniqueRowIds ids = new UniqueRowIds(clock::get, 3);
    long a = ids.next();
    long b = ids.next();
    clock.addAndGet(-5_000_000);
    long c = ids.next();
    clock.set(NOW + 1_000_000);
    long d = ids.next();
    assertTrue(a < b && b < c && c < d);
    assertTrue(a > 0);
    assertEquals(3, d & 0x7FFF);
    assertEquals(((NOW + 1_000_000 - 1_420_070_400_000_000L) / 10), d >> 15);
  }

  @Test
  void differentNodesNeverCollide() {
    UniqueRowIds one = new UniqueRowIds(() -> NOW, 1);
    UniqueRowIds two = new UniqueRowIds(() -> NOW, 2);
    assertNotEquals(one.next(), two.next());
  }

  @Test
  void nodeIdMustFit() {
    assertThrows(IllegalArgumentException.class, () -> new UniqueRowIds(() -> NOW, 1 << 15));
  }
}
