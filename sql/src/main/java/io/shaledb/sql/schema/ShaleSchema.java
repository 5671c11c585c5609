package io.shaledb.sql.schema;

import io.shaledb.sql.catalog.Catalog;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.txn.KvTxn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * The "public" schema of one database, resolving table names through the catalog in the planning
 * statement's transaction. Used for one planning only; it remembers every descriptor it resolved
 * so the plan cache can check their versions later.
 */
public final class ShaleSchema extends AbstractSchema {
  /** Suffix of the internal name under which a table is exposed with its hidden columns. */
  public static final String WITH_HIDDEN_SUFFIX = "\u0001all";

  private final Catalog catalog;
  private final KvTxn txn;
  private final int databaseId;
  private final Map<String, TableDescriptor> resolved = new LinkedHashMap<>();

  public ShaleSchema(Catalog catalog, KvTxn txn, int databaseId) {
    this.catalog = catalog;
    this.txn = txn;
    this.databaseId = databaseId;
  }

  /** Descriptors this schema resolved so far, by name. */
  public Map<String, TableDescriptor> resolved() {
    return resolved;
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  /**
   * The table or view called {@code name} (with {@link #WITH_HIDDEN_SUFFIX}, the table with its
   * hidden columns), or null; remembered in {@link #resolved()}.
   */
  public Table table(String name) {
    boolean hidden = name.endsWith(WITH_HIDDEN_SUFFIX);
    String base = hidden ? name.substring(0, name.length() - WITH_HIDDEN_SUFFIX.length()) : name;
    Optional<TableDescriptor> d = catalog.table(txn, databaseId, base);
    if (d.isEmpty()) {
      return null;
    }
    resolved.put(base, d.get());
    return d.get().isView() ? new ViewTable(d.get()) : shaleTable(d.get(), hidden);
  }

  /** Slots of each thread's table memo (a power of two). */
  private static final int TABLE_SLOTS = 64;

  /**
   * Per thread, the tables made lately, by descriptor identity: the catalog hands out one decoded
   * descriptor object per stored version, and a table (with its row type) depends only on that
   * and on whether hidden columns are exposed, so a query naming a table again reuses it.
   */
  private static final ThreadLocal<ShaleTable[]> TABLES = ThreadLocal.withInitial(() -> new ShaleTable[TABLE_SLOTS]);

  private static ShaleTable shaleTable(TableDescriptor d, boolean hidden) {
    ShaleTable[] tables = TABLES.get();
    int slot = (System.identityHashCode(d) * 2 + (hidden ? 1 : 0)) & (TABLE_SLOTS - 1);
    ShaleTable t = tables[slot];
    if (t == null || t.descriptor() != d || t.withHidden() != hidden) {
      t = new ShaleTable(d, hidden);
      tables[slot] = t;
    }
    return t;
  }

  @Override
  public Lookup<Table> tables() {
    return new Lookup<>() {
      @Override
      public Table get(String name) {
        return table(name);
      }

      @Override
      public Named<Table> getIgnoreCase(String name) {
        for (TableDescriptor d : catalog.tables(txn, databaseId)) {
          if (d.name().equalsIgnoreCase(name)) {
            return new Named<>(d.name(), table(d.name()));
          }
        }
        return null;
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        Set<String> names = new TreeSet<>();
        for (TableDescriptor d : catalog.tables(txn, databaseId)) {
          if (pattern.matcher().apply(d.name())) {
            names.add(d.name());
          }
        }
        return names;
      }
    };
  }
}
