package io.shaledb.sql.bind;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * The names visible in a SELECT's FROM clause: its sources (tables, with their aliases) laid out
 * left to right in the joined row. Resolves column references the way the validator does for
 * the supported subset and refuses ({@link UnsupportedQueryException}) unknown and ambiguous
 * names, so the validator path reports those. Immutable after construction.
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

  /** A resolved column: its position in the joined row, its type and origin. */
  record Column(int index, RelDataType type, List<String> origin) {}

  private final List<Source> sources;
  private final int fieldCount;

  FromScope(List<Source> sources) {
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

  /** The source with this alias, or a refusal. */
  Source source(String alias) {
    for (Source s : sources) {
      if (s.alias().equals(alias)) {
        return s;
      }
    }
    throw new UnsupportedQueryException("unknown FROM alias");
  }

  /** Resolves {@code col} or {@code alias.col}. */
  Column resolve(SqlIdentifier id) {
    if (id.isStar()) {
      throw new UnsupportedQueryException("star in expression");
    }
    if (id.names.size() == 2) {
      Source s = source(id.names.get(0));
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
    if (found == null) {
      throw new UnsupportedQueryException("unknown column");
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
    return new Column(s.offset() + f.getIndex(), f.getType(), origin);
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
