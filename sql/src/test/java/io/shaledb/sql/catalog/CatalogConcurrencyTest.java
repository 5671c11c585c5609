package io.shaledb.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shaledb.kv.hlc.HybridClock;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.sql.catalog.SqlType.Kind;
import io.shaledb.sql.rowenc.RowStore;
import io.shaledb.txn.KvTxn;
import io.shaledb.txn.TransactionRetryException;
import io.shaledb.txn.local.LocalTxnFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DDL in two databases at the same time, over real MVCC transactions: with descriptor ids from
 * their own transactions nothing is shared, so both commit (the id counter in the statement's
 * transaction made the second a serialization failure).
 */
class CatalogConcurrencyTest {
  @TempDir Path dir;

  private static TableSpec table(String name) {
    return new TableSpec(name, List.of(new ColumnSpec("a", SqlType.of(Kind.INTEGER), false, null, false, false)),
        List.of("a"), List.of(), false);
  }

  private static <T> T inTxn(LocalTxnFactory txns, Function<KvTxn, T> work) {
    try (KvTxn txn = txns.begin()) {
      T result = work.apply(txn);
      txn.commit();
      return result;
    }
  }

  /** Interleaves two CREATE TABLEs in two databases; returns their ids (throws what a commit throws). */
  private static int[] interleavedCreates(Catalog catalog, LocalTxnFactory txns) {
    inTxn(txns, txn -> {
      catalog.bootstrap(txn);
      return null;
    });
    int db1 = inTxn(txns, txn -> catalog.createDatabase(txn, "one", false));
    int db2 = inTxn(txns, txn -> catalog.createDatabase(txn, "two", false));
    try (KvTxn a = txns.begin(); KvTxn b = txns.begin()) {
      int idA = catalog.createTable(a, db1, table("t")).id();
      int idB = catalog.createTable(b, db2, table("t")).id();
      a.commit();
      b.commit();
      return new int[] {idA, idB};
    }
  }

  private LocalTxnFactory txns(Engine engine) {
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    return new LocalTxnFactory(engine, new HybridClock(() -> nanos.addAndGet(1_000), Duration.ofMillis(500)), false);
  }

  @Test
  void ddlInTwoDatabasesCommitsBothWithDistinctIds() throws Exception {
    try (Engine engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(false))) {
      LocalTxnFactory txns = txns(engine);
      Catalog catalog = new Catalog(new RowStore(), new UniqueRowIds(() -> 1L, 0), txns);
      int[] ids = interleavedCreates(catalog, txns);
      assertNotEquals(ids[0], ids[1]);
      int db1 = inTxn(txns, txn -> catalog.databaseId(txn, "one").getAsInt());
      int db2 = inTxn(txns, txn -> catalog.databaseId(txn, "two").getAsInt());
      assertEquals(ids[0], inTxn(txns, txn -> catalog.table(txn, db1, "t")).orElseThrow().id());
      assertEquals(ids[1], inTxn(txns, txn -> catalog.table(txn, db2, "t")).orElseThrow().id());
    }
  }

  @Test
  void idsInTheStatementsTransactionConflict() throws Exception {
    // the control: what the separate id transactions avoid
    try (Engine engine = Engine.open(dir, EngineOptions.defaults().withSyncWrites(false))) {
      LocalTxnFactory txns = txns(engine);
      Catalog catalog = new Catalog(new RowStore(), new UniqueRowIds(() -> 1L, 0));
      assertThrows(TransactionRetryException.class, () -> interleavedCreates(catalog, txns));
    }
  }
}
