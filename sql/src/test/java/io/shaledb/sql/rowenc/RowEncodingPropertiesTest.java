package io.shaledb.sql.rowenc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.SqlType.Kind;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.txn.KvTxn;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every SQL type survives a trip through the row encoding as a key column (ASC and DESC), as a
 * value column (NULL included) and through a secondary index; range scans return exactly the
 * rows the bounds describe.
 */
class RowEncodingPropertiesTest {

  private static final int TRIES = 40;

  private static final List<SqlType> TYPES = List.of(
      SqlType.of(Kind.SMALLINT), SqlType.of(Kind.INTEGER), SqlType.of(Kind.BIGINT),
      new SqlType(Kind.DECIMAL, 12, 3), SqlType.of(Kind.REAL), SqlType.of(Kind.DOUBLE),
      new SqlType(Kind.CHAR, 5, 0), new SqlType(Kind.VARCHAR, 12, 0), SqlType.of(Kind.TEXT),
      SqlType.of(Kind.BOOLEAN), SqlType.of(Kind.DATE), SqlType.of(Kind.TIMESTAMP), SqlType.of(Kind.BYTEA));

  static Arbitrary<Object> values(SqlType type) {
    return switch (type.kind()) {
      case SMALLINT -> Arbitraries.shorts().map(s -> (Object) (int) s);
      case INTEGER -> Arbitraries.integers().map(i -> (Object) i);
      case BIGINT -> Arbitraries.longs().map(l -> (Object) l);
      case DECIMAL -> Arbitraries.bigDecimals().between(new BigDecimal("-999999999.999"), new BigDecimal("999999999.999"))
          .ofScale(3).map(d -> (Object) d);
      case REAL -> Arbitraries.oneOf(Arbitraries.floats(), Arbitraries.of(Float.NaN, Float.POSITIVE_INFINITY,
          Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE)).map(f -> (Object) f);
      case DOUBLE -> Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE)).map(d -> (Object) d);
      case CHAR -> Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(5)
          .map(s -> ValueCoercion.coerce("c", type, s));
      case VARCHAR, TEXT -> Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(12).map(s -> (Object) s);
      case BOOLEAN -> Arbitraries.of(true, false).map(b -> (Object) b);
      case DATE -> Arbitraries.longs().between(-1_000_000, 3_000_000).map(d -> (Object) LocalDate.ofEpochDay(d));
      case TIMESTAMP -> Arbitraries.longs().between(-100_000_000_000_000_000L, 200_000_000_000_000_000L)
          .map(ValueCodec::fromEpochMicros).map(t -> (Object) t);
      case BYTEA -> Arbitraries.bytes().array(byte[].class).ofMaxSize(10).map(b -> (Object) b);
    };
  }

  /** (type, key, value-or-null, descending) for every type. */
  @Provide
  Arbitrary<List<Object>> cases() {
    return Arbitraries.of(TYPES).flatMap(type -> Combinators.combine(
        values(type), values(type).injectNull(0.3), Arbitraries.of(true, false))
        .as((k, v, desc) -> Arrays.asList(type, k, v, desc)));
  }

  /** k (key), v (value), n INT; primary index on k; unique index on v. */
  private static TableDescriptor table(SqlType type, boolean descending) {
    return new TableDescriptor(200, 100, "t", List.of(
        new ColumnDescriptor(1, "k", type, false, null, false),
        new ColumnDescriptor(2, "v", type, true, null, false),
        new ColumnDescriptor(3, "n", SqlType.of(Kind.INTEGER), true, null, false)),
        new IndexDescriptor(1, "t_pkey", true, List.of(1), List.of(descending)),
        List.of(new IndexDescriptor(2, "t_v_key", true, List.of(2), List.of(!descending))),
        null, 1, 4, 3);
  }

  @Property(tries = 260, edgeCases = EdgeCasesMode.MIXIN)
  void everyTypeRoundTripsAsKeyValueAndIndexEntry(@ForAll("cases") List<Object> c) {
    SqlType type = (SqlType) c.get(0);
    Statistics.collect(type.kind());
    TableDescriptor t = table(type, (Boolean) c.get(3));
    Object[] row = {c.get(1), c.get(2), null};
    MemoryTxnFactory kv = new MemoryTxnFactory();
    RowStore store = new RowStore();
    try (KvTxn txn = kv.begin()) {
      store.insert(txn, t, row);
      Object[] read = store.get(txn, t, new Object[] {row[0]}).orElseThrow();
      assertSameRow(row, read);
      List<Object[]> scanned = all(store.scan(txn, t, t.primaryIndex(), IndexBounds.all(), false));
      assertEquals(1, scanned.size());
      assertSameRow(row, scanned.get(0));
      if (row[1] != null && !(row[1] instanceof Double d && d.isNaN()) && !(row[1] instanceof Float f && f.isNaN())) {
        List<Object[]> viaIndex = all(store.scan(txn, t, t.secondaryIndexes().get(0),
            new IndexBounds(List.of(row[1]), null, false, null, false), false));
        assertEquals(1, viaIndex.size());
        assertSameRow(row, viaIndex.get(0));
      }
    }
  }

  /**
   * Rows of a two-column primary key (INTEGER, TEXT DESC) whose values need multi-byte lengths and
   * varints: long texts with characters of one to three UTF-8 bytes, BIGINTs of any size, SMALLINTs
   * (which come back as Integers, BIGINTs as Longs).
   */
  @Property(tries = TRIES)
  void compositeKeysAndLongValuesRoundTrip(@ForAll int k1, @ForAll("longTexts") String k2,
      @ForAll("longTexts") String v, @ForAll long big, @ForAll short small) {
    TableDescriptor t = new TableDescriptor(202, 100, "w", List.of(
        new ColumnDescriptor(1, "k1", SqlType.of(Kind.INTEGER), false, null, false),
        new ColumnDescriptor(2, "k2", SqlType.of(Kind.TEXT), false, null, false),
        new ColumnDescriptor(3, "v", SqlType.of(Kind.TEXT), true, null, false),
        new ColumnDescriptor(4, "big", SqlType.of(Kind.BIGINT), true, null, false),
        new ColumnDescriptor(5, "small", SqlType.of(Kind.SMALLINT), true, null, false)),
        new IndexDescriptor(1, "w_pkey", true, List.of(1, 2), List.of(false, true)),
        List.of(), null, 1, 2, 6);
    Object[] row = {k1, k2, v, big, (int) small};
    MemoryTxnFactory kv = new MemoryTxnFactory();
    RowStore store = new RowStore();
    try (KvTxn txn = kv.begin()) {
      store.insert(txn, t, row);
      assertSameRow(row, store.get(txn, t, new Object[] {k1, k2}).orElseThrow());
      List<Object[]> scanned = all(store.scan(txn, t, t.primaryIndex(), IndexBounds.all(), false));
      assertEquals(1, scanned.size());
      assertSameRow(row, scanned.get(0));
    }
  }

  @Provide
  Arbitrary<String> longTexts() {
    return Arbitraries.strings().withChars("aZ09 ").withCharRange('\u00e0', '\u00ff').withCharRange('\u4e00', '\u4e20')
        .ofMinLength(0).ofMaxLength(300);
  }

  static void assertSameRow(Object[] expected, Object[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertTrue(same(expected[i], actual[i]), "column " + i + ": expected " + show(expected[i]) + " got " + show(actual[i]));
    }
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x.equals(y) || x.doubleValue() == y.doubleValue();
    }
    if (a instanceof Float x && b instanceof Float y) {
      return x.equals(y) || x.floatValue() == y.floatValue();
    }
    return Objects.equals(a, b) && (a == null || a.getClass() == b.getClass());
  }

  private static String show(Object v) {
    return v instanceof byte[] b ? Arrays.toString(b) : v + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")");
  }

  static List<Object[]> all(RowCursor cursor) {
    List<Object[]> result = new ArrayList<>();
    try (cursor) {
      cursor.forEachRemaining(result::add);
    }
    return result;
  }

  @Property(tries = TRIES)
  void hiddenRowIdTableRoundTripsNulls(@ForAll @Size(max = 8) List<@IntRange(min = -5, max = 5) Integer> values) {
    TableDescriptor t = new TableDescriptor(201, 100, "h", List.of(
        new ColumnDescriptor(1, "x", SqlType.of(Kind.INTEGER), true, null, false),
        new ColumnDescriptor(2, "rowid", SqlType.of(Kind.BIGINT), false, "unique_rowid()", true)),
        new IndexDescriptor(1, "h_pkey", true, List.of(2), List.of(false)), List.of(), null, 1, 3, 2);
    MemoryTxnFactory kv = new MemoryTxnFactory();
    RowStore store = new RowStore(3);
    try (KvTxn txn = kv.begin()) {
      List<Object[]> inserted = new ArrayList<>();
      long rowid = 1;
      for (Integer v : values) {
        Object[] row = {v != null && v == 0 ? null : v, rowid++};
        store.insert(txn, t, row);
        inserted.add(row);
      }
      List<Object[]> read = all(store.scan(txn, t, t.primaryIndex(), IndexBounds.all(), false));
      assertEquals(inserted.size(), read.size());
      for (int i = 0; i < read.size(); i++) {
        assertSameRow(inserted.get(i), read.get(i));
      }
    }
  }

  /** Range scans over an INTEGER key return exactly the keys in the SQL range, in order. */
  @Property(tries = TRIES)
  void rangeScansReturnExactlyTheKeysInRange(
      @ForAll @Size(max = 20) Set<@IntRange(min = -50, max = 50) Integer> keys,
      @ForAll("bound") Object lower, @ForAll boolean lowerInclusive,
      @ForAll("bound") Object upper, @ForAll boolean upperInclusive,
      @ForAll boolean descending, @ForAll boolean reverse) {
    TableDescriptor t = new TableDescriptor(202, 100, "r", List.of(
        new ColumnDescriptor(1, "k", SqlType.of(Kind.INTEGER), false, null, false)),
        new IndexDescriptor(1, "r_pkey", true, List.of(1), List.of(descending)), List.of(), null, 1, 2, 2);
    MemoryTxnFactory kv = new MemoryTxnFactory();
    RowStore store = new RowStore(4);
    try (KvTxn txn = kv.begin()) {
      for (int k : keys) {
        store.insert(txn, t, new Object[] {k});
      }
      List<Object> got = all(store.scan(txn, t, t.primaryIndex(),
          new IndexBounds(List.of(), lower, lowerInclusive, upper, upperInclusive), reverse))
          .stream().map(r -> r[0]).toList();
      Comparator<Integer> order = descending != reverse ? Comparator.reverseOrder() : Comparator.naturalOrder();
      TreeSet<Integer> expected = new TreeSet<>(order);
      for (int k : keys) {
        if (within(k, lower, lowerInclusive, upper, upperInclusive)) {
          expected.add(k);
        }
      }
      assertEquals(new ArrayList<>(expected), got);
    }
  }

  private static boolean within(int k, Object lower, boolean li, Object upper, boolean ui) {
    if (lower != null) {
      int c = new BigDecimal(k).compareTo(new BigDecimal(lower.toString()));
      if (c < 0 || (c == 0 && !li)) {
        return false;
      }
    }
    if (upper != null) {
      int c = new BigDecimal(k).compareTo(new BigDecimal(upper.toString()));
      if (c > 0 || (c == 0 && !ui)) {
        return false;
      }
    }
    return true;
  }

  @Provide
  Arbitrary<Object> bound() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-60, 60).map(i -> (Object) i),
        Arbitraries.longs().between(-60, 60).map(l -> (Object) l),
        Arbitraries.integers().between(-600, 600).map(i -> (Object) (i / 10.0)),
        Arbitraries.integers().between(-600, 600).map(i -> (Object) BigDecimal.valueOf(i, 1)))
        .injectNull(0.2);
  }

  @Property(tries = TRIES)
  void timestampsKeepMicroseconds(@ForAll @IntRange(min = 0, max = 999_999) int micros) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(1_700_000_000L, micros * 1000, ZoneOffset.UTC);
    assertEquals(t, ValueCodec.fromEpochMicros(ValueCodec.epochMicros(t)));
  }
}
