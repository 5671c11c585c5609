package io.shaledb.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlanCacheTest {
  /** A plan against no tables: the cache returns it without reading the catalog. */
  private static PlannedQuery plan() {
    return new PlannedQuery(null, null, List.of(), null, Map.of(), null, List.of(), List.of(), Map.of());
  }

  @Test
  void aPlanIsKeptOnlyWhenItsKeyIsPlannedASecondTime() {
    PlanCache cache = new PlanCache(10);
    PlannedQuery first = plan();
    cache.put("1\u0000Q\u0000SELECT 1", first);
    assertEquals(0, cache.size());
    assertNull(cache.get("1\u0000Q\u0000SELECT 1", null, null, 1));

    PlannedQuery second = plan();
    cache.put("1\u0000Q\u0000SELECT 1", second);
    assertEquals(1, cache.size());
    assertSame(second, cache.get("1\u0000Q\u0000SELECT 1", null, null, 1));
  }

  @Test
  void keysPlannedOnceLeaveTheCacheEmpty() {
    PlanCache cache = new PlanCache(100);
    for (int i = 0; i < 5 * PlanCache.SEEN_SLOTS; i++) {
      cache.put("1\u0000Q\u0000SELECT " + i, plan());
    }
    assertEquals(0, cache.size());
  }

  @Test
  void aKeyPushedOutOfTheFingerprintsStartsAgain() {
    PlanCache cache = new PlanCache(100);
    cache.put("k", plan());
    // every other key takes some slot; enough of them overwrite k's
    for (int i = 0; i < 20 * PlanCache.SEEN_SLOTS; i++) {
      cache.put("other " + i, plan());
    }
    cache.put("k", plan());
    assertNull(cache.get("k", null, null, 1));
    cache.put("k", plan());
    assertEquals(1, cache.size());
  }

  @Test
  void aCachedPlanWhoseFingerprintWasOverwrittenIsFoundAgainOnceOfferedAgain() {
    PlanCache cache = new PlanCache(100);
    PlannedQuery kept = plan();
    cache.put("k", plan());
    cache.put("k", kept);
    assertSame(kept, cache.get("k", null, null, 1));
    for (int i = 0; i < 20 * PlanCache.SEEN_SLOTS; i++) {
      cache.put("other " + i, plan());
    }
    // the lookup trusts the fingerprint table: k's slot is someone else's now
    assertNull(cache.get("k", null, null, 1));
    // planned again and offered: the slot is k's again and the kept plan is found
    cache.put("k", plan());
    assertSame(kept, cache.get("k", null, null, 1));
  }

  @Test
  void theLruBoundStillHolds() {
    PlanCache cache = new PlanCache(3);
    for (int i = 0; i < 10; i++) {
      cache.put("k" + i, plan());
      cache.put("k" + i, plan());
    }
    assertEquals(3, cache.size());
    assertNull(cache.get("k0", null, null, 1));
  }

  @Test
  void fingerprintsOfNearbyTextsDiffer() {
    Random r = new Random(42);
    for (int i = 0; i < 1000; i++) {
      String a = "SELECT " + r.nextInt();
      assertNotEquals(PlanCache.fingerprint(a), PlanCache.fingerprint(a + " "));
      assertNotEquals(0, PlanCache.fingerprint(a));
    }
  }
}
