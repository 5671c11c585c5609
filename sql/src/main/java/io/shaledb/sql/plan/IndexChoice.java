package io.shaledb.sql.plan;

import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.rowenc.IndexBounds;
import io.shaledb.sql.rowenc.RowCursor;
import io.shaledb.sql.schema.ShaleTable;
import io.shaledb.sql.schema.StatementContext;
import java.util.List;

/**
 * How a scan reads a table: which index and which key bounds, or a point read by primary key.
 *
 * @param index the index read
 * @param bounds key bounds on that index; null when they depend on parameters not known yet (EXPLAIN)
 * @param pointGet whether this is a point read of one primary key (bounds.eqPrefix() is the key)
 */
public record IndexChoice(IndexDescriptor index, IndexBounds bounds, boolean pointGet) {

  /** Opens the rows this choice reads, through the statement's transaction. */
  public RowCursor open(StatementContext sc, TableDescriptor table) {
    return open(sc, table, null);
  }

  /**
   * As {@link #open(StatementContext, TableDescriptor)}; a scan decodes only the columns {@code
   * wanted} marks (by position in {@code table.columns()}; null: all), the others come back null.
   */
  public RowCursor open(StatementContext sc, TableDescriptor table, boolean[] wanted) {
    if (pointGet) {
      Object[] key = bounds.eqPrefix().toArray();
      for (Object k : key) {
        if (k == null) {
          return ShaleTable.cursorOf(List.of());
        }
      }
      return ShaleTable.cursorOf(sc.rows().get(sc.txn(), table, key).map(r -> List.<Object[]>of(r)).orElse(List.of()));
    }
    return sc.rows().scan(sc.txn(), table, index, bounds, false, wanted);
  }

  /** One line for EXPLAIN, naming the index and the spans read. */
  public String describe(TableDescriptor table) {
    String spans = bounds == null ? "(depends on parameters)" : bounds.describe(table, index);
    String kind;
    if (pointGet) {
      kind = "point get";
    } else if (bounds != null && bounds.eqPrefix().isEmpty() && bounds.lower() == null
        && bounds.upper() == null) {
      kind = "full scan";
    } else {
      kind = "span scan";
    }
    return kind + " of " + table.name() + "@" + index.name() + " spans: " + spans;
  }
}
