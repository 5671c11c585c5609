package io.shaledb.sql.rowenc;

import io.shaledb.kv.encoding.Direction;
import io.shaledb.kv.encoding.Keys;
import io.shaledb.kv.encoding.OrderedEncoder;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@link IndexBounds} (in SQL order) into one key span {@code [start, end)} of an index.
 *
 * <p>Equality values extend the prefix; then the next key column gets a range. On an ascending
 * column the SQL lower bound gives the span start; on a descending column the encoded order is
 * reversed, so the SQL upper bound gives the start and the lower bound the end. An inclusive bound
 * at the end, or an exclusive one at the start, uses {@link Keys#prefixEnd} of the encoded value,
 * which covers every key whose column equals that value (the encoding is prefix-free). Bounds are
 * first converted to the column type by {@link BoundCoercion}; if an equality value cannot be
 * placed exactly, the span stops there (wider, never narrower). NULLs of a range column may be
 * included; the planner's filter removes them. Stateless.
 */
final class IndexSpans {

  /** A key span {@code [start, end)}. */
  record Span(byte[] start, byte[] end) {}

  private IndexSpans() {}

  /** The span to scan, or empty when no key can satisfy the bounds. */
  static Optional<Span> span(TableLayout layout, IndexDescriptor index, IndexBounds bounds) {
    byte[] indexPrefix = SqlKeys.indexPrefix(layout.table, index);
    List<ColumnDescriptor> keyColumns = layout.keyColumns(index);
    if (bounds.eqPrefix().size() > keyColumns.size()
        || (bounds.eqPrefix().size() == keyColumns.size() && hasRange(bounds))) {
      throw new IllegalArgumentException("bounds have more columns than index " + index.name());
    }
    OrderedEncoder prefixEnc = new OrderedEncoder(indexPrefix);
    int k = 0;
    for (; k < bounds.eqPrefix().size(); k++) {
      BoundCoercion.Bound b = BoundCoercion.eq(keyColumns.get(k).type(), bounds.eqPrefix().get(k));
      if (b.state() == BoundCoercion.State.EMPTY) {
        return Optional.empty();
      }
      if (b.state() == BoundCoercion.State.UNBOUNDED) {
        byte[] prefix = prefixEnc.toBytes();
        return Optional.of(new Span(prefix, Keys.prefixEnd(prefix)));
      }
      if (b.state() == BoundCoercion.State.RANGE) {
        // No exact key for this column: scan its small range and stop narrowing here.
        return range(prefixEnc.toBytes(), keyColumns.get(k), direction(index, k),
            BoundCoercion.Bound.of(b.value(), true), BoundCoercion.Bound.of(b.high(), true));
      }
      KeyCodec.write(prefixEnc, keyColumns.get(k).type(), b.value(), direction(index, k));
    }
    byte[] prefix = prefixEnc.toBytes();
    if (k == keyColumns.size() || !hasRange(bounds)) {
      return Optional.of(new Span(prefix, Keys.prefixEnd(prefix)));
    }
    ColumnDescriptor column = keyColumns.get(k);
    BoundCoercion.Bound lower = BoundCoercion.lower(column.type(), bounds.lower(), bounds.lowerInclusive());
    BoundCoercion.Bound upper = BoundCoercion.upper(column.type(), bounds.upper(), bounds.upperInclusive());
    return range(prefix, column, direction(index, k), lower, upper);
  }

  /** The span of keys after {@code prefix} whose next column lies between the SQL bounds. */
  private static Optional<Span> range(byte[] prefix, ColumnDescriptor column, Direction d,
                                      BoundCoercion.Bound lower, BoundCoercion.Bound upper) {
    if (lower.state() == BoundCoercion.State.EMPTY || upper.state() == BoundCoercion.State.EMPTY) {
      return Optional.empty();
    }
    // In key order: the bound that comes first and the one that comes last.
    BoundCoercion.Bound first = d == Direction.ASC ? lower : upper;
    BoundCoercion.Bound last = d == Direction.ASC ? upper : lower;
    byte[] start = prefix;
    byte[] end = Keys.prefixEnd(prefix);
    if (first.state() == BoundCoercion.State.VALUE) {
      byte[] at = encodeAfter(prefix, column, first.value(), d);
      start = first.inclusive() ? at : Keys.prefixEnd(at);
    }
    if (last.state() == BoundCoercion.State.VALUE) {
      byte[] at = encodeAfter(prefix, column, last.value(), d);
      end = last.inclusive() ? Keys.prefixEnd(at) : at;
    }
    if (Keys.compare(start, end) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new Span(start, end));
  }

  private static boolean hasRange(IndexBounds bounds) {
    return bounds.lower() != null || bounds.upper() != null;
  }

  private static Direction direction(IndexDescriptor index, int k) {
    return KeyCodec.direction(index.descending().get(k));
  }

  private static byte[] encodeAfter(byte[] prefix, ColumnDescriptor column, Object value, Direction d) {
    OrderedEncoder enc = new OrderedEncoder(prefix);
    KeyCodec.write(enc, column.type(), value, d);
    return enc.toBytes();
  }
}
