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

  private Table table(String name) {
    boolean hidden = name.endsWith(WITH_HIDDEN_SUFFIX);
    String base = hidden ? name.substring(0, name.length() - WITH_HIDDEN_SUFFIX.length()) : name;
    Optional<TableDescriptor> d = catalog.table(txn, databaseId, base);
    if (d.isEmpty()) {
      return null;
    }
    resolved.put(base, d.get());
    return d.get().isView() ? new ViewTable(d.get()) : new ShaleTable(d.get(), hidden);
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
