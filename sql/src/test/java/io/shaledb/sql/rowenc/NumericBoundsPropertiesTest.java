package io.shaledb.sql.rowenc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.SqlType.Kind;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.txn.KvTxn;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Bounds of any numeric Java type on REAL, DOUBLE, DECIMAL and BIGINT key columns never exclude a
 * row that satisfies the comparison (floats compare as doubles, everything else exactly).
 */
class NumericBoundsPropertiesTest {

  @Provide
  Arbitrary<SqlType> types() {
    return Arbitraries.of(SqlType.of(Kind.REAL), SqlType.of(Kind.DOUBLE), new SqlType(Kind.DECIMAL, 8, 2),
        SqlType.of(Kind.DECIMAL), SqlType.of(Kind.BIGINT));
  }

  /** Numbers near one another, as several Java types, so equal and nearly-equal values meet. */
  @Provide
  Arbitrary<Object> numbers() {
    Arbitrary<Integer> hundredths = Arbitraries.integers().between(-30, 30);
    return Arbitraries.oneOf(
        hundredths.map(i -> (Object) (i / 100.0)),
        hundredths.map(i -> (Object) (float) (i / 100.0)),
        hundredths.map(i -> (Object) BigDecimal.valueOf(i, 2)),
        hundredths.map(i -> (Object) (long) (i / 100)),
        hundredths.map(i -> (Object) (i / 100)));
  }

  @Property(tries = 150)
  void boundsAreNeverTooNarrow(@ForAll("types") SqlType type,
      @ForAll @Size(max = 12) List<@net.jqwik.api.From("numbers") Object> stored,
      @ForAll("numbers") Object lower, @ForAll boolean li, @ForAll("numbers") Object upper, @ForAll boolean ui,
      @ForAll boolean useEq, @ForAll boolean descending) {
    TableDescriptor t = new TableDescriptor(300, 100, "n", List.of(
        new ColumnDescriptor(1, "k", type, false, null, false)),
        new IndexDescriptor(1, "n_pkey", true, List.of(1), List.of(descending)), List.of(), null, 1, 2, 2);
    RowStore store = new RowStore(5);
    MemoryTxnFactory kv = new MemoryTxnFactory();
    try (KvTxn txn = kv.begin()) {
      Set<Object> inserted = new HashSet<>();
      List<Object> candidates = new java.util.ArrayList<>(stored);
      candidates.add(lower); // the boundary values themselves are the interesting rows
      candidates.add(upper);
      for (Object v : candidates) {
        Object k = store.coerce(t.columns().get(0), v);
        if (store.get(txn, t, new Object[] {k}).isEmpty()) {
          store.insert(txn, t, new Object[] {k});
          inserted.add(k);
        }
      }
      IndexBounds bounds = useEq ? new IndexBounds(List.of(lower), null, false, null, false)
          : new IndexBounds(List.of(), lower, li, upper, ui);
      Set<Object> found = new HashSet<>();
      try (RowCursor c = store.scan(txn, t, t.primaryIndex(), bounds, false)) {
        c.forEachRemaining(r -> found.add(r[0]));
      }
      for (Object k : inserted) {
        boolean matches = useEq ? compare(k, lower) == 0
            : satisfies(compare(k, lower), li, true) && satisfies(compare(k, upper), ui, false);
        if (matches) {
          assertTrue(found.contains(k), k + " missing for " + bounds + " on " + type);
        }
      }
    }
  }

  private static boolean satisfies(int c, boolean inclusive, boolean lowerSide) {
    return c == 0 ? inclusive : lowerSide ? c > 0 : c < 0;
  }

  private static int compare(Object a, Object b) {
    boolean floating = a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float;
    if (floating) {
      return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
  }
}
