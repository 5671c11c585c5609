package io.shaledb.sql.plan;

import io.shaledb.sql.catalog.Catalog;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.txn.KvTxn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compiled plans keyed by database and statement text. An entry is used only while every table it
 * was planned against still has the same id and descriptor version (checked through the caller's
 * transaction), so schema changes invalidate plans. Bounded LRU; thread-safe.
 *
 * <p>A plan is kept only when its key is planned a second time (admission on the second sighting,
 * remembered as 64-bit fingerprints in a fixed direct-mapped table). Most statement texts of an
 * ad-hoc workload are planned once; caching each of them kept every plan alive through the young
 * collections until the LRU dropped it from the old generation, and on the sqllogictest suite
 * collecting those plans took a quarter of the server's CPU. Texts that repeat (a prepared
 * statement is planned at prepare and again at its first execution) are cached from their second
 * planning on.
 */
public final class PlanCache {
  /** Fingerprint slots (a power of two): 64 KiB, allocated once. */
  static final int SEEN_SLOTS = 1 << 13;

  private final int capacity;
  private final LinkedHashMap<String, PlannedQuery> plans;
  private final long[] seen = new long[SEEN_SLOTS];

  public PlanCache(int capacity) {
    this.capacity = capacity;
    this.plans = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PlannedQuery> eldest) {
        return size() > PlanCache.this.capacity;
      }
    };
  }

  /** The cached plan for {@code key}, if its tables are unchanged. */
  public PlannedQuery get(String key, Catalog catalog, KvTxn txn, int databaseId) {
    // Only keys offered before can be cached, and most texts never repeat: the fingerprint table
    // answers them without the lock (shared by every session) or the map. Read without the lock:
    // a stale or torn slot can only send a lookup on to the map, or miss a plan that is then
    // planned again; the map stays the truth.
    long f = fingerprint(key);
    if (seen[slot(f)] != f) {
      return null;
    }
    PlannedQuery p;
    synchronized (this) {
      p = plans.get(key);
    }
    if (p == null) {
      return null;
    }
    for (Map.Entry<String, TableDescriptor> e : p.tables().entrySet()) {
      Optional<TableDescriptor> cur = catalog.table(txn, databaseId, e.getKey());
      if (cur.isEmpty() || cur.get().id() != e.getValue().id()
          || cur.get().version() != e.getValue().version()) {
        synchronized (this) {
          plans.remove(key);
        }
        return null;
      }
    }
    return p;
  }

  /**
   * Offers a freshly made plan: kept when {@code key} was offered before (and its fingerprint is
   * still remembered), otherwise only remembered.
   */
  public synchronized void put(String key, PlannedQuery plan) {
    long f = fingerprint(key);
    int slot = slot(f);
    if (seen[slot] != f) {
      seen[slot] = f;
      return;
    }
    plans.put(key, plan);
  }

  private static int slot(long fingerprint) {
    return (int) (fingerprint ^ (fingerprint >>> 32)) & (SEEN_SLOTS - 1);
  }

  /** 64-bit FNV-1a over the key's chars; never 0 (the empty slot). */
  static long fingerprint(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    return h == 0 ? 1 : h;
  }

  /** Drops a plan (e.g. one whose generated code failed to initialise). */
  public synchronized void evict(PlannedQuery plan) {
    plans.values().removeIf(p -> p == plan);
  }

  public synchronized int size() {
    return plans.size();
  }
}
