package io.shaledb.sql.bind;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * The names visible in a SELECT's FROM clause: its sources (tables, with their aliases) laid out
 * left to right in the joined row, and for a sub-query the enclosing query's sources (outer
 * references, one level up, through a correlation variable as SqlToRelConverter makes them).
 * Resolves column references the way the validator does for the supported subset and refuses
 * ({@link UnsupportedQueryException}) unknown and ambiguous names, so the validator path
 * reports those. One per SELECT; not thread-safe.
 */
final class FromScope {
  /**
   * One FROM item.
   *
   * @param alias name by which columns are qualified (the table name when not aliased)
   * @param rowType its columns
   * @param offset position of its first column in the joined row
   * @param table the stored table or view it reads (origin of its columns), or null
   */
  record Source(String alias, RelDataType rowType, int offset, String table) {}

  /**
   * A resolved column: its position in the joined row, its type and origin; {@code correl} is
   * the enclosing query's correlation variable when the column is an outer reference, else null.
   */
  record Column(int index, RelDataType type, List<String> origin, RexNode correl) {}

  private final RelOptCluster cluster;
  private final List<Source> sources;
  private final int fieldCount;
  /** The enclosing query's scope, for outer references of a sub-query (one level), or null. */
  private final FromScope outer;
  /** This scope's correlation in the clause being converted (created on first outer reference). */
  private CorrelationId correlationId;
  private RexNode correlationVariable;

  FromScope(RelOptCluster cluster, List<Source> sources, FromScope outer) {
    this.cluster = cluster;
    this.outer = outer;
    this.sources = List.copyOf(sources);
    int n = 0;
    for (int i = 0; i < sources.size(); i++) {
      Source s = sources.get(i);
      for (int j = 0; j < i; j++) {
        if (sources.get(j).alias().equals(s.alias())) {
          throw new UnsupportedQueryException("duplicate FROM alias");
        }
      }
      n += s.rowType().getFieldCount();
    }
    this.fieldCount = n;
  }

  List<Source> sources() {
    return sources;
  }

  int fieldCount() {
    return fieldCount;
  }

  /** The same sources without access to an enclosing query (GROUP BY, ORDER BY, ON). */
  FromScope withoutOuter() {
    return outer == null ? this : new FromScope(cluster, sources, null);
  }

  /** Starts a clause (WHERE, select list): its sub-queries get a fresh correlation variable. */
  void startClause() {
    correlationId = null;
    correlationVariable = null;
  }

  /** The correlation the sub-queries of the current clause used, or null. */
  CorrelationId clauseCorrelation() {
    return correlationId;
  }

  private RexNode correlationVariable() {
    if (correlationVariable == null) {
      RelDataTypeFactory.Builder b = cluster.getTypeFactory().builder();
      for (Source s : sources) {
        b.addAll(s.rowType().getFieldList());
      }
      correlationId = cluster.createCorrel();
      correlationVariable = cluster.getRexBuilder().makeCorrel(b.uniquify().build(), correlationId);
    }
    return correlationVariable;
  }

  /** The source with this alias, or null. */
  private Source find(String alias) {
    for (Source s : sources) {
      if (s.alias().equals(alias)) {
        return s;
      }
    }
    return null;
  }

  /** The source with this alias, or a refusal. */
  Source source(String alias) {
    Source s = find(alias);
    if (s == null) {
      throw new UnsupportedQueryException("unknown FROM alias");
    }
    return s;
  }

  /** Resolves {@code col} or {@code alias.col}, here or else in the enclosing query. */
  Column resolve(SqlIdentifier id) {
    Column c = resolveLocal(id);
    if (c != null) {
      return c;
    }
    if (outer != null) {
      Column o = outer.resolveLocal(id);
      if (o != null) {
        return new Column(o.index(), o.type(), o.origin(), outer.correlationVariable());
      }
    }
    throw new UnsupportedQueryException("unknown column");
  }

  private Column resolveLocal(SqlIdentifier id) {
    if (id.isStar()) {
      throw new UnsupportedQueryException("star in expression");
    }
    if (id.names.size() == 2) {
      Source s = find(id.names.get(0));
      if (s == null) {
        return null;
      }
      RelDataTypeField f = field(s, id.names.get(1));
      if (f == null) {
        throw new UnsupportedQueryException("unknown column");
      }
      return column(s, f);
    }
    if (id.names.size() != 1) {
      throw new UnsupportedQueryException("compound identifier");
    }
    String name = id.names.get(0);
    Column found = null;
    for (Source s : sources) {
      RelDataTypeField f = field(s, name);
      if (f != null) {
        if (found != null) {
          throw new UnsupportedQueryException("ambiguous column");
        }
        found = column(s, f);
      }
    }
    return found;
  }

  /** Every column of the given sources, in order (expansion of {@code *} or {@code t.*}). */
  List<Column> columnsOf(List<Source> of) {
    List<Column> out = new ArrayList<>();
    for (Source s : of) {
      for (RelDataTypeField f : s.rowType().getFieldList()) {
        out.add(column(s, f));
      }
    }
    return out;
  }

  private static Column column(Source s, RelDataTypeField f) {
    List<String> origin = s.table() == null ? null : List.of(s.table(), f.getName());
    return new Column(s.offset() + f.getIndex(), f.getType(), origin, null);
  }

  private static RelDataTypeField field(Source s, String name) {
    RelDataTypeField found = null;
    for (RelDataTypeField f : s.rowType().getFieldList()) {
      if (f.getName().equals(name)) {
        if (found != null) {
          throw new UnsupportedQueryException("ambiguous column in source");
        }
        found = f;
      }
    }
    return found;
  }
}
