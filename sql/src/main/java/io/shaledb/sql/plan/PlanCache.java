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
 */
public final class PlanCache {
  private final int capacity;
  private final LinkedHashMap<String, PlannedQuery> plans;

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

  public synchronized void put(String key, PlannedQuery plan) {
    plans.put(key, plan);
  }

  /** Drops a plan (e.g. one whose generated code failed to initialise). */
  public synchronized void evict(PlannedQuery plan) {
    plans.values().removeIf(p -> p == plan);
  }

  public synchronized int size() {
    return plans.size();
  }
}
