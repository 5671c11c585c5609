package io.shaledb.sql.rowenc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.Catalog;
import io.shaledb.sql.catalog.ColumnSpec;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.sql.catalog.TableSpec;
import io.shaledb.txn.KvTxn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RowStoreTest {

  private static final SqlType INT = SqlType.of(SqlType.Kind.INTEGER);
  private static final SqlType TEXT = SqlType.of(SqlType.Kind.TEXT);

  private final MemoryTxnFactory kv = new MemoryTxnFactory();
  private final Catalog catalog = new Catalog();
  private final RowStore rows = new RowStore(2);
  private int db;

  @BeforeEach
  void setUp() {
    try (KvTxn txn = kv.begin()) {
      catalog.bootstrap(txn);
      db = catalog.databaseId(txn, "defaultdb").getAsInt();
      txn.commit();
    }
  }

  /** users(id INT PRIMARY KEY, email TEXT UNIQUE, name TEXT NOT NULL, age INT) + index on age. */
  private TableDescriptor users(KvTxn txn) {
    TableDescriptor t = catalog.createTable(txn, db, new TableSpec("users", List.of(
        new ColumnSpec("id", INT, false, null, true, false),
        new ColumnSpec("email", TEXT, false, null, false, true),
        new ColumnSpec("name", TEXT, true, null, false, false),
        new ColumnSpec("age", INT, false, null, false, false)), List.of(), List.of(), false));
    return catalog.createIndex(txn, t, "users_age_idx", false, List.of("age"), List.of(false), false);
  }

  private static Object[] user(int id, String email, String name, Integer age) {
    return new Object[] {id, email, name, age};
  }

  private static List<Object[]> all(RowCursor cursor) {
    List<Object[]> result = new ArrayList<>();
    try (cursor) {
      cursor.forEachRemaining(result::add);
    }
    return result;
  }

  private static List<Object> column(List<Object[]> rows, int i) {
    return rows.stream().map(r -> r[i]).toList();
  }

  private static IndexBounds range(Object lower, boolean li, Object upper, boolean ui) {
    return new IndexBounds(List.of(), lower, li, upper, ui);
  }

  @Test
  void insertedRowIsReadBackByKeyAndScan() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      rows.insert(txn, t, user(1, "a@x", "ann", 30));
      rows.insert(txn, t, user(2, null, "bob", null));
      assertArrayEquals(user(1, "a@x", "ann", 30), rows.get(txn, t, new Object[] {1}).orElseThrow());
      assertArrayEquals(user(2, null, "bob", null), rows.get(txn, t, new Object[] {2L}).orElseThrow());
      assertTrue(rows.get(txn, t, new Object[] {3}).isEmpty());
      assertTrue(rows.get(txn, t, new Object[] {1.5}).isEmpty());
      assertEquals(List.of(1, 2), column(all(rows.scan(txn, t, t.primaryIndex(), IndexBounds.all(), false)), 0));
      assertEquals(List.of(2, 1), column(all(rows.scan(txn, t, t.primaryIndex(), IndexBounds.all(), true)), 0));
    }
  }

  @Test
  void layoutsAreRememberedPerDescriptorObject() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      assertSame(TableLayout.of(t), TableLayout.of(t));
      rows.insert(txn, t, user(1, "a@x", "ann", 30));
      // a new version of the table is a new descriptor, with a layout of its own
      TableDescriptor t2 = catalog.createIndex(txn, t, "users_name_idx", false, List.of("name"), List.of(false), false);
      TableLayout l2 = TableLayout.of(t2);
      assertNotSame(TableLayout.of(t), l2);
      assertSame(t2, l2.table);
      IndexDescriptor byName = t2.secondaryIndexes().get(t2.secondaryIndexes().size() - 1);
      rows.backfillIndex(txn, t2, byName);
      rows.insert(txn, t2, user(2, "b@x", "al", 31));
      assertEquals(List.of("al", "ann"), column(all(rows.scan(txn, t2, byName, IndexBounds.all(), false)), 2));
      assertSame(l2, TableLayout.of(t2));
    }
  }

  @Test
  void duplicatePrimaryKeyIs23505NamingTheIndexAndKey() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      rows.insert(txn, t, user(1, "a@x", "ann", 30));
      SqlError e = assertThrows(SqlError.class, () -> rows.insert(txn, t, user(1, "b@x", "bob", 31)));
      assertEquals(SqlState.UNIQUE_VIOLATION, e.state());
      assertEquals("duplicate key value violates unique constraint \"users_pkey\"", e.getMessage());
      assertEquals("Key (id)=(1) already exists.", e.detail());
    }
  }

  @Test
  void notNullViolationNamesTheColumn() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      SqlError e = assertThrows(SqlError.class, () -> rows.insert(txn, t, user(1, "a@x", null, 30)));
      assertEquals(SqlState.NOT_NULL_VIOLATION, e.state());
      assertTrue(e.getMessage().contains("\"name\""), e.getMessage());
    }
  }

  @Test
  void uniqueViolationWithinOneStatementLeavesTxnUsable() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      rows.insert(txn, t, user(1, "a@x", "ann", 30));
      rows.insert(txn, t, user(2, "b@x", "bob", 30));
      SqlError e = assertThrows(SqlError.class, () -> rows.insert(txn, t, user(3, "a@x", "cy", 40)));
      assertEquals(SqlState.UNIQUE_VIOLATION, e.state());
      assertTrue(e.getMessage().contains("users_email_key"), e.getMessage());
      assertEquals("Key (email)=(a@x) already exists.", e.detail());
      // The transaction still works and the failed row left nothing behind.
      rows.insert(txn, t, user(4, "d@x", "dee", 50));
      assertEquals(List.of(1, 2, 4), column(all(rows.scan(txn, t, t.primaryIndex(), IndexBounds.all(), false)), 0));
      txn.commit();
    }
  }

  @Test
  void nullsNeverConflictInAUniqueIndex() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      rows.insert(txn, t, user(1, null, "ann", 30));
      rows.insert(txn, t, user(2, null, "bob", 30));
      IndexDescriptor email = t.secondaryIndexes().get(0);
      assertEquals(2, all(rows.scan(txn, t, email, IndexBounds.all(), false)).size());
      assertEquals(0, all(rows.scan(txn, t, email, new IndexBounds(List.of("x"), null, false, null, false), false)).size());
    }
  }

  @Test
  void updateMaintainsIndexesAndMovesChangedPrimaryKey() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      IndexDescriptor email = t.secondaryIndexes().get(0);
      IndexDescriptor age = t.secondaryIndexes().get(1);
      Object[] ann = user(1, "a@x", "ann", 30);
      rows.insert(txn, t, ann);
      rows.insert(txn, t, user(2, "b@x", "bob", 40));
      Object[] moved = user(5, "z@x", "ann", 35);
      rows.update(txn, t, ann, moved);
      assertTrue(rows.get(txn, t, new Object[] {1}).isEmpty());
      assertArrayEquals(moved, rows.get(txn, t, new Object[] {5}).orElseThrow());
      assertEquals(List.of(2, 5), column(all(rows.scan(txn, t, email, IndexBounds.all(), false)), 0));
      assertEquals(List.of(5), column(all(rows.scan(txn, t, email,
          new IndexBounds(List.of("z@x"), null, false, null, false), false)), 0));
      assertEquals(List.of(), all(rows.scan(txn, t, email,
          new IndexBounds(List.of("a@x"), null, false, null, false), false)));
      assertEquals(List.of(5, 2), column(all(rows.scan(txn, t, age, IndexBounds.all(), false)), 0));
      // Moving onto an existing key or unique value fails.
      SqlError pk = assertThrows(SqlError.class, () -> rows.update(txn, t, moved, user(2, "z@x", "ann", 35)));
      assertEquals(SqlState.UNIQUE_VIOLATION, pk.state());
      SqlError unique = assertThrows(SqlError.class, () -> rows.update(txn, t, moved, user(5, "b@x", "ann", 35)));
      assertEquals(SqlState.UNIQUE_VIOLATION, unique.state());
      // Changing only a non-key column keeps the unique entry valid.
      rows.update(txn, t, moved, user(5, "z@x", "anne", 35));
      assertEquals("anne", rows.get(txn, t, new Object[] {5}).orElseThrow()[2]);
      assertEquals(2, all(rows.scan(txn, t, email, IndexBounds.all(), false)).size());
    }
  }

  @Test
  void deleteRemovesRowAndIndexEntries() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      Object[] ann = user(1, "a@x", "ann", 30);
      rows.insert(txn, t, ann);
      rows.delete(txn, t, ann);
      txn.commit();
    }
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = catalog.table(txn, db, "users").orElseThrow();
      assertEquals(0, kv.committedKeysWithPrefix(SqlKeys.tablePrefix(t.id())));
      rows.insert(txn, t, user(2, "a@x", "ann", 30));
    }
  }

  @Test
  void rangeScansOnPrimaryKeyHonourBoundsAndPageThroughBatches() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      for (int i = 1; i <= 9; i++) {
        rows.insert(txn, t, user(i, "u" + i, "n" + i, i * 10));
      }
      IndexDescriptor pk = t.primaryIndex();
      int before = kv.scanCalls();
      assertEquals(List.of(3, 4, 5, 6, 7), column(all(rows.scan(txn, t, pk, range(3, true, 7, true), false)), 0));
      assertTrue(kv.scanCalls() - before >= 3, "batch size 2 must page");
      assertEquals(List.of(4, 5, 6), column(all(rows.scan(txn, t, pk, range(3, false, 7, false), false)), 0));
      assertEquals(List.of(6, 5, 4), column(all(rows.scan(txn, t, pk, range(3, false, 7, false), true)), 0));
      assertEquals(List.of(3, 4, 5, 6, 7, 8, 9), column(all(rows.scan(txn, t, pk, range(2.5, false, null, false), false)), 0));
      assertEquals(List.of(1, 2), column(all(rows.scan(txn, t, pk, range(null, false, 2.99, true), false)), 0));
      assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1), column(all(rows.scan(txn, t, pk, IndexBounds.all(), true)), 0));
      assertEquals(List.of(), all(rows.scan(txn, t, pk, range(7, true, 3, true), false)));
      assertEquals(List.of(), all(rows.scan(txn, t, pk, range(1e12, true, null, false), false)));
      assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9),
          column(all(rows.scan(txn, t, pk, range(Double.NEGATIVE_INFINITY, true, 1e12, true), false)), 0));
      assertEquals(List.of(), all(rows.scan(txn, t, pk, new IndexBounds(List.of(2.5), null, false, null, false), false)));
      assertEquals(List.of(4), column(all(rows.scan(txn, t, pk, new IndexBounds(List.of(4L), null, false, null, false), false)), 0));
      List<Object> withNull = new ArrayList<>();
      withNull.add(null);
      assertEquals(List.of(), all(rows.scan(txn, t, pk, new IndexBounds(withNull, null, false, null, false), false)));
    }
  }

  @Test
  void closingACursorStopsIt() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      for (int i = 1; i <= 5; i++) {
        rows.insert(txn, t, user(i, "u" + i, "n" + i, i));
      }
      RowCursor cursor = rows.scan(txn, t, t.primaryIndex(), IndexBounds.all(), false);
      assertEquals(1, cursor.next()[0]);
      cursor.close();
      assertTrue(!cursor.hasNext());
    }
  }

  @Test
  void secondaryIndexScanReturnsFullRowsInIndexOrder() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      IndexDescriptor age = t.secondaryIndexes().get(1);
      rows.insert(txn, t, user(1, "a", "a", 50));
      rows.insert(txn, t, user(2, "b", "b", 20));
      rows.insert(txn, t, user(3, "c", "c", 50));
      rows.insert(txn, t, user(4, "d", "d", null));
      rows.insert(txn, t, user(5, "e", "e", 30));
      List<Object[]> found = all(rows.scan(txn, t, age, range(20, false, 50, true), false));
      assertEquals(List.of(5, 1, 3), column(found, 0));
      assertArrayEquals(user(1, "a", "a", 50), found.get(1));
      assertEquals(List.of(3, 1, 5), column(all(rows.scan(txn, t, age, range(20, false, 50, true), true)), 0));
      assertEquals(List.of(1, 3), column(all(rows.scan(txn, t, age, new IndexBounds(List.of(50), null, false, null, false), false)), 0));
      // Unbounded scan includes the NULL (first ascending).
      assertEquals(List.of(4, 2, 5, 1, 3), column(all(rows.scan(txn, t, age, IndexBounds.all(), false)), 0));
    }
  }

  @Test
  void descendingColumnsFlipTheEncodedRange() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = catalog.createTable(txn, db, new TableSpec("ev", List.of(
          new ColumnSpec("k", TEXT, false, null, false, false),
          new ColumnSpec("ts", INT, false, null, false, false),
          new ColumnSpec("v", TEXT, false, null, false, false)), List.of("k", "ts"), List.of(), false));
      t = catalog.createIndex(txn, t, "ev_ts_desc", false, List.of("k", "ts"), List.of(false, true), false);
      IndexDescriptor desc = t.secondaryIndexes().get(0);
      for (int i = 1; i <= 6; i++) {
        rows.insert(txn, t, new Object[] {"a", i, "v" + i});
        rows.insert(txn, t, new Object[] {"b", i, "w" + i});
      }
      IndexBounds aFrom2To5 = new IndexBounds(List.of("a"), 2, false, 5, true);
      assertEquals(List.of(5, 4, 3), column(all(rows.scan(txn, t, desc, aFrom2To5, false)), 1));
      assertEquals(List.of(3, 4, 5), column(all(rows.scan(txn, t, desc, aFrom2To5, true)), 1));
      assertEquals(List.of(6, 5), column(all(rows.scan(txn, t, desc, new IndexBounds(List.of("b"), 4.5, true, null, false), false)), 1));
      assertEquals(List.of(2, 1), column(all(rows.scan(txn, t, desc, new IndexBounds(List.of("b"), null, false, 2, true), false)), 1));
      assertEquals(List.of(6, 5, 4, 3, 2, 1), column(all(rows.scan(txn, t, desc, new IndexBounds(List.of("a"), null, false, null, false), false)), 1));
      assertEquals(List.of("a", "a"), column(all(rows.scan(txn, t, t.primaryIndex(), new IndexBounds(List.of("a"), 2, false, 4, true), false)), 0));
    }
  }

  @Test
  void tableWithoutPrimaryKeyUsesHiddenRowId() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = catalog.createTable(txn, db, new TableSpec("log", List.of(
          new ColumnSpec("msg", TEXT, false, null, false, false)), List.of(), List.of(), false));
      assertEquals(2, t.columns().size());
      assertTrue(t.columns().get(1).hidden());
      rows.insert(txn, t, new Object[] {"x", catalog.uniqueRowId()});
      rows.insert(txn, t, new Object[] {"x", catalog.uniqueRowId()});
      rows.insert(txn, t, new Object[] {null, catalog.uniqueRowId()});
      List<Object[]> found = all(rows.scan(txn, t, t.primaryIndex(), IndexBounds.all(), false));
      assertEquals(3, found.size());
      assertTrue((Long) found.get(0)[1] < (Long) found.get(1)[1]);
      SqlError e = assertThrows(SqlError.class, () -> rows.insert(txn, t, new Object[] {"x", null}));
      assertEquals(SqlState.NOT_NULL_VIOLATION, e.state());
    }
  }

  @Test
  void describeShowsTheSpanInSqlOrder() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      assertEquals("/Table/" + t.id() + "/1/5 - /Table/" + t.id() + "/1/9",
          range(5, true, 9, true).describe(t, t.primaryIndex()));
      assertEquals("/Table/" + t.id() + "/2/'a@x'",
          new IndexBounds(List.of("a@x"), null, false, null, false).describe(t, t.secondaryIndexes().get(0)));
      assertEquals("/Table/" + t.id() + "/1/5 (excl) - /Table/" + t.id() + "/1",
          range(5, false, null, false).describe(t, t.primaryIndex()));
    }
  }

  @Test
  void primaryKeyChangeKeepsAnUnchangedUniqueValue() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      IndexDescriptor email = t.secondaryIndexes().get(0);
      Object[] ann = user(1, "a@x", "ann", 30);
      rows.insert(txn, t, ann);
      rows.update(txn, t, ann, user(2, "a@x", "ann", 30));
      assertEquals(List.of(2), column(all(rows.scan(txn, t, email,
          new IndexBounds(List.of("a@x"), null, false, null, false), false)), 0));
      rows.update(txn, t, user(2, "a@x", "ann", 30), user(2, null, "ann", 30));
      rows.insert(txn, t, user(3, null, "cy", 30));
      rows.insert(txn, t, user(4, "a@x", "dee", 30));
      assertEquals(List.of(2, 3, 4), column(all(rows.scan(txn, t, email, IndexBounds.all(), false)), 0));
    }
  }

  @Test
  void unconstrainedDecimalKeysKeepTheirScale() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = catalog.createTable(txn, db, new TableSpec("d", List.of(
          new ColumnSpec("k", SqlType.of(SqlType.Kind.DECIMAL), false, null, true, false),
          new ColumnSpec("m", new SqlType(SqlType.Kind.DECIMAL, 6, 2), false, null, false, true)),
          List.of(), List.of(), false));
      rows.insert(txn, t, new Object[] {new java.math.BigDecimal("1.50"), new java.math.BigDecimal("3.10")});
      Object[] read = rows.get(txn, t, new Object[] {new java.math.BigDecimal("1.5")}).orElseThrow();
      assertEquals("1.50", read[0].toString());
      assertEquals("3.10", read[1].toString());
      SqlError e = assertThrows(SqlError.class, () -> rows.insert(txn, t,
          new Object[] {new java.math.BigDecimal("1.500"), new java.math.BigDecimal("9.00")}));
      assertEquals(SqlState.UNIQUE_VIOLATION, e.state());
      assertEquals(List.of(1), all(rows.scan(txn, t, t.secondaryIndexes().get(0),
          new IndexBounds(List.of(3.1), null, false, null, false), false)).stream().map(r -> 1).toList());
    }
  }

  @Test
  void floatingBoundsOnExactColumnsAreWidenedNotNarrowed() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = catalog.createTable(txn, db, new TableSpec("m", List.of(
          new ColumnSpec("k", new SqlType(SqlType.Kind.DECIMAL, 8, 2), false, null, true, false)),
          List.of(), List.of(), false));
      for (String v : List.of("0.09", "0.10", "0.11")) {
        rows.insert(txn, t, new Object[] {new java.math.BigDecimal(v)});
      }
      assertEquals(List.of("0.10", "0.11"), all(rows.scan(txn, t, t.primaryIndex(), range(0.1, true, null, false), false))
          .stream().map(r -> r[0].toString()).toList());
      assertEquals(List.of("0.09", "0.10"), all(rows.scan(txn, t, t.primaryIndex(), range(null, false, 0.1, true), false))
          .stream().map(r -> r[0].toString()).toList());
      assertEquals(List.of("0.10"), all(rows.scan(txn, t, t.primaryIndex(),
          new IndexBounds(List.of(0.1), null, false, null, false), false)).stream().map(r -> r[0].toString()).toList());
    }
  }

  @Test
  void updateThatChangesNothingWritesNothing() {
    TableDescriptor t;
    Object[] ann = user(1, "a@x", "ann", 30);
    try (KvTxn txn = kv.begin()) {
      t = users(txn);
      rows.insert(txn, t, ann);
      txn.commit();
    }
    try (KvTxn txn = kv.begin()) {
      rows.update(txn, t, ann, ann.clone());
      assertTrue(!txn.hasWrites());
      rows.update(txn, t, ann, user(1, "a@x", "ann", 31));
      assertTrue(txn.hasWrites());
      assertEquals(31, rows.get(txn, t, new Object[] {1}).orElseThrow()[3]);
    }
  }

  @Test
  void oversizedIndexKeyIs54000NamingTheIndex() {
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = users(txn);
      String huge = "x".repeat(70_000);
      SqlError e = assertThrows(SqlError.class, () -> rows.insert(txn, t, user(1, huge, "ann", 1)));
      assertEquals(SqlState.PROGRAM_LIMIT_EXCEEDED, e.state());
      assertTrue(e.getMessage().contains("users_email_key"), e.getMessage());
      rows.insert(txn, t, user(2, "ok", huge, 1)); // large non-key values are fine
    }
  }

  /**
   * A secondary index that holds every wanted column answers from its entries alone (the other
   * columns stay null); columns a key cannot give back exactly (-0.0, an unconstrained DECIMAL's
   * scale) are still read from the row.
   */
  @Test
  void indexOnlyScanReadsWantedColumnsFromTheEntries() {
    SqlType dbl = SqlType.of(SqlType.Kind.DOUBLE);
    SqlType num = SqlType.of(SqlType.Kind.DECIMAL);
    try (KvTxn txn = kv.begin()) {
      TableDescriptor t = catalog.createTable(txn, db, new TableSpec("m", List.of(
          new ColumnSpec("k", INT, false, null, true, false),
          new ColumnSpec("a", INT, false, null, false, false),
          new ColumnSpec("b", TEXT, false, null, false, false),
          new ColumnSpec("x", dbl, false, null, false, false),
          new ColumnSpec("d", num, false, null, false, false)), List.of(), List.of(), false));
      t = catalog.createIndex(txn, t, "m_a_b", false, List.of("a", "b"), List.of(true, false), false);
      t = catalog.createIndex(txn, t, "m_x", false, List.of("x"), List.of(false), false);
      t = catalog.createIndex(txn, t, "m_d", false, List.of("d"), List.of(false), false);
      rows.insert(txn, t, new Object[] {1, 10, "p", -0.0, new java.math.BigDecimal("1.50")});
      rows.insert(txn, t, new Object[] {2, 20, "q", 2.5, new java.math.BigDecimal("2")});
      rows.insert(txn, t, new Object[] {3, null, "r", 3.5, new java.math.BigDecimal("3.000")});
      IndexDescriptor ab = t.secondaryIndexes().get(0);
      IndexDescriptor x = t.secondaryIndexes().get(1);
      IndexDescriptor d = t.secondaryIndexes().get(2);
      boolean[] aOnly = {false, true, false, false, false};
      List<Object[]> got = all(rows.scan(txn, t, ab, IndexBounds.all(), false, aOnly));
      assertEquals(3, got.size());
      // index order (a DESC, NULL last), pk and index columns from the entries, the rest null
      assertArrayEquals(new Object[] {2, 20, "q", null, null}, got.get(0));
      assertArrayEquals(new Object[] {1, 10, "p", null, null}, got.get(1));
      assertArrayEquals(new Object[] {3, null, "r", null, null}, got.get(2));
      // a wanted column the index lacks: rows are fetched
      boolean[] withX = {false, true, false, true, false};
      assertEquals(List.of(2.5, -0.0, 3.5), column(all(rows.scan(txn, t, ab, IndexBounds.all(), false, withX)), 3));
      // -0.0 keeps its sign and 1.50 its scale: read from the row, not the key
      boolean[] xOnly = {false, false, false, true, false};
      Object first = all(rows.scan(txn, t, x, IndexBounds.all(), false, xOnly)).get(0)[3];
      assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) first));
      boolean[] dOnly = {false, false, false, false, true};
      assertEquals(List.of(new java.math.BigDecimal("1.50"), new java.math.BigDecimal("2"), new java.math.BigDecimal("3.000")),
          column(all(rows.scan(txn, t, d, IndexBounds.all(), false, dOnly)), 4));
    }
  }
}
