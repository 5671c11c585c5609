package io.shaledb.sql.exec;

import io.shaledb.sql.Session;
import io.shaledb.sql.SqlEngine;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.Catalog;
import io.shaledb.sql.plan.PlanCache;
import io.shaledb.sql.rowenc.RowStore;
import io.shaledb.sql.session.ShaleSession;
import io.shaledb.txn.KvTxn;
import io.shaledb.txn.TransactionRetryException;
import io.shaledb.txn.TxnFactory;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The Calcite-backed SQL engine: bootstraps the catalog, opens sessions, and shares the catalog,
 * row store and plan cache between them. Thread-safe.
 */
public final class ShaleSqlEngine implements SqlEngine {
  private final EngineContext ec;
  private final StatementExecutor executor;

  private ShaleSqlEngine(EngineContext ec) {
    this.ec = ec;
    this.executor = new StatementExecutor(ec);
  }

  /** An engine over {@code txns}; creates the system catalog and "defaultdb" if absent. */
  public static SqlEngine create(TxnFactory txns) {
    EngineContext ec = new EngineContext(txns, Catalog.withIdTransactions(txns), new RowStore(), new PlanCache(2000),
        System::currentTimeMillis);
    ShaleSqlEngine engine = new ShaleSqlEngine(ec);
    engine.inTxn(txn -> {
      ec.catalog().bootstrap(txn);
      return null;
    });
    return engine;
  }

  @Override
  public Session openSession(String database, String user) {
    OptionalInt id = inTxn(txn -> ec.catalog().databaseId(txn, database));
    if (id.isEmpty()) {
      throw new SqlError(SqlState.INVALID_CATALOG_NAME, "database \"" + database + "\" does not exist");
    }
    return new ShaleSession(ec, executor, database, id.getAsInt(), user);
  }

  private <T> T inTxn(Function<KvTxn, T> body) {
    RuntimeException last = null;
    for (int i = 0; i < 10; i++) {
      try (KvTxn txn = ec.txns().begin()) {
        T r = body.apply(txn);
        txn.commit();
        return r;
      } catch (TransactionRetryException e) {
        last = e;
      } catch (SqlError e) {
        throw e;
      } catch (RuntimeException e) {
        throw ErrorTranslator.translate(e, "", 0);
      }
    }
    throw new SqlError(SqlState.SERIALIZATION_FAILURE, last.getMessage(), last);
  }

  @Override
  public void close() {}
}
