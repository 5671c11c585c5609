package io.shaledb.sql.rowenc;

import java.util.Iterator;

/** Rows of a scan, read lazily in batches. Closing stops it; not thread-safe. */
public interface RowCursor extends Iterator<Object[]>, AutoCloseable {
  @Override
  void close();
}
