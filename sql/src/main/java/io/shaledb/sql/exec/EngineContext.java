package io.shaledb.sql.exec;

import io.shaledb.sql.catalog.Catalog;
import io.shaledb.sql.plan.PlanCache;
import io.shaledb.sql.rowenc.RowStore;
import io.shaledb.txn.TxnFactory;
import java.util.function.LongSupplier;

/**
 * What every session of one engine shares: the transaction factory, catalog, row store, plan
 * cache and the clock used for CURRENT_TIMESTAMP. Thread-safe.
 */
public record EngineContext(TxnFactory txns, Catalog catalog, RowStore rows, PlanCache plans,
                            LongSupplier clockMillis) {}
