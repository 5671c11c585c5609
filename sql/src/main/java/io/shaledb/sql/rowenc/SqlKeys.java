package io.shaledb.sql.rowenc;

import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;

/** Key prefixes of SQL data: {@code /Table/<tableId>/} and {@code /Table/<tableId>/<indexId>/}. */
public final class SqlKeys {
  private SqlKeys() {}

  public static byte[] tablePrefix(int tableId) { throw new UnsupportedOperationException(); }
  public static byte[] indexPrefix(TableDescriptor t, IndexDescriptor i) { throw new UnsupportedOperationException(); }
}
