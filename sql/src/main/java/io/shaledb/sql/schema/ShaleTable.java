package io.shaledb.sql.schema;

import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.sql.plan.IndexChoice;
import io.shaledb.sql.plan.IndexSelector;
import io.shaledb.sql.rowenc.RowCursor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A user table as Calcite sees it. Holds only the descriptor (so plans that contain it can be
 * cached); rows are read at execution through the statement's {@link StatementContext}. Planned
 * queries read it through {@link io.shaledb.sql.plan.ShaleIndexScan}, which passes the conjuncts
 * of the filter above it to {@link #scan}; they choose an index and key bounds
 * ({@link IndexSelector}) and are never removed, so the complete predicate is still applied.
 */
public final class ShaleTable extends AbstractTable implements ProjectableFilterableTable {
  private final TableDescriptor table;
  private final boolean withHidden;
  private final List<ColumnDescriptor> exposed;
  /** exposed column index -> position in the stored row */
  private final int[] storedPos;
  /** exposed column index -> whether its stored values differ from Calcite's (TypeMapping.toInternal) */
  private final boolean[] converts;
  /**
   * Whether a stored row already is the Calcite row of every exposed column: no hidden column is
   * left out and no column's stored value differs from Calcite's.
   */
  private final boolean storedIsExposed;

  public ShaleTable(TableDescriptor table, boolean withHidden) {
    this.table = table;
    this.withHidden = withHidden;
    this.exposed = withHidden ? table.columns() : table.visibleColumns();
    this.storedPos = new int[exposed.size()];
    this.converts = new boolean[exposed.size()];
    List<ColumnDescriptor> stored = table.columns();
    for (int i = 0, j = 0; i < exposed.size(); i++, j++) {
      // exposed is stored in order with the hidden columns left out
      while (stored.get(j) != exposed.get(i)) {
        j++;
      }
      storedPos[i] = j;
      converts[i] = switch (exposed.get(i).type().kind()) {
        case SMALLINT, CHAR, DATE, TIMESTAMP, BYTEA -> true;
        default -> false;
      };
    }
    this.storedIsExposed = exposed.size() == stored.size() && none(converts);
  }

  public TableDescriptor descriptor() {
    return table;
  }

  /** Columns in the order of this table's Calcite row type. */
  public List<ColumnDescriptor> exposedColumns() {
    return exposed;
  }

  /** Whether hidden columns (the row id) are part of the row type (used by UPDATE/DELETE). */
  public boolean withHidden() {
    return withHidden;
  }

  /** The row type last built, with the type system it was built for. */
  private record BuiltRowType(org.apache.calcite.rel.type.RelDataTypeSystem system, RelDataType type) {}

  private volatile BuiltRowType rowType;

  /**
   * The row type, built once per type system: Calcite interns types process-wide, so factories
   * over the same type system build the very same objects, and planners (one per planning) ask
   * for it every time a query names the table.
   */
  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    BuiltRowType built = rowType;
    if (built != null && built.system() == f.getTypeSystem()) {
      return built.type();
    }
    RelDataTypeFactory.Builder b = f.builder();
    for (ColumnDescriptor c : exposed) {
      b.add(c.name(), TypeMapping.relType(f, c.type(), c.nullable()));
    }
    RelDataType type = b.build();
    rowType = new BuiltRowType(f.getTypeSystem(), type);
    return type;
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    return rows(root, filters, projects != null ? projects : identity(exposed.size()), null);
  }

  /**
   * The rows of {@code filters}' key bounds (as {@link #scan(DataContext, List, int[])}) with every
   * exposed column, of which only those in {@code needed} are read; the others are null. For an
   * interpreted plan that knows which columns its operators above the scan use.
   */
  public Enumerable<Object[]> scanReading(DataContext root, List<RexNode> filters,
      org.apache.calcite.util.ImmutableBitSet needed) {
    boolean[] wanted = new boolean[table.columns().size()];
    for (int i : needed) {
      wanted[storedPos[i]] = true;
    }
    return rows(root, filters, identity(exposed.size()), wanted);
  }

  /** Rows of {@code filters}' key bounds as {@code proj}, decoding the stored {@code wanted} (null: all). */
  private Enumerable<Object[]> rows(DataContext root, List<RexNode> filters, int[] proj, boolean[] wanted) {
    StatementContext sc = StatementContext.of(root);
    IndexChoice choice = IndexSelector.choose(table, exposed, filters, sc.rows(),
        i -> root.get("?" + i));
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new RowEnumerator(choice.open(sc, table, wanted), proj);
      }
    };
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  private static boolean none(boolean[] flags) {
    for (boolean f : flags) {
      if (f) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentity(int[] proj, int n) {
    if (proj.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (proj[i] != i) {
        return false;
      }
    }
    return true;
  }

  /**
   * Converts stored rows to Calcite rows of the projected columns; hands the decoded row on as it
   * is when that already is the projection (every column, none converted), as for most scans.
   */
  private final class RowEnumerator implements Enumerator<Object[]> {
    private final RowCursor cursor;
    private final int[] proj;
    private final boolean asStored;
    private Object[] current;

    RowEnumerator(RowCursor cursor, int[] proj) {
      this.cursor = cursor;
      this.proj = proj;
      this.asStored = storedIsExposed && isIdentity(proj, exposed.size());
    }

    @Override
    public Object[] current() {
      if (current == null) {
        throw new NoSuchElementException();
      }
      return current;
    }

    @Override
    public boolean moveNext() {
      if (!cursor.hasNext()) {
        current = null;
        return false;
      }
      Object[] stored = cursor.next();
      if (asStored) {
        current = stored;
        return true;
      }
      Object[] out = new Object[proj.length];
      for (int i = 0; i < proj.length; i++) {
        int p = storedPos[proj[i]];
        Object v = stored[p];
        out[i] = v == null || !converts[proj[i]] ? v : TypeMapping.toInternal(table.columns().get(p), v);
      }
      current = out;
      return true;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      cursor.close();
    }
  }

  /** A cursor over an in-memory list of rows (point reads). */
  public static RowCursor cursorOf(List<Object[]> rows) {
    Iterator<Object[]> it = new ArrayList<>(rows).iterator();
    return new RowCursor() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Object[] next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }
}
