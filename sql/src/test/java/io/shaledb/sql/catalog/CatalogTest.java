package io.shaledb.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.SqlType.Kind;
import io.shaledb.sql.rowenc.IndexBounds;
import io.shaledb.sql.rowenc.MemoryTxnFactory;
import io.shaledb.sql.rowenc.RowCursor;
import io.shaledb.sql.rowenc.RowStore;
import io.shaledb.sql.rowenc.SqlKeys;
import io.shaledb.txn.KvTxn;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogTest {

  private static final SqlType INT = SqlType.of(Kind.INTEGER);
  private static final SqlType TEXT = SqlType.of(Kind.TEXT);

  private final MemoryTxnFactory kv = new MemoryTxnFactory();
  private final RowStore rows = new RowStore(3);
  private final Catalog catalog = new Catalog(rows, new UniqueRowIds(() -> 1_700_000_000_000_000L, 7));
  private int db;

  @BeforeEach
  void setUp() {
    db = inTxn(txn -> {
      catalog.bootstrap(txn);
      return catalog.databaseId(txn, "defaultdb").getAsInt();
    });
  }

  private <T> T inTxn(Function<KvTxn, T> work) {
    try (KvTxn txn = kv.begin()) {
      T result = work.apply(txn);
      txn.commit();
      return result;
    }
  }

  private void run(Consumer<KvTxn> work) {
    inTxn(txn -> {
      work.accept(txn);
      return null;
    });
  }

  private SqlState failure(Consumer<KvTxn> work) {
    try (KvTxn txn = kv.begin()) {
      return assertThrows(SqlError.class, () -> work.accept(txn)).state();
    }
  }

  private static ColumnSpec col(String name, SqlType type) {
    return new ColumnSpec(name, type, false, null, false, false);
  }

  private static TableSpec spec(String name, List<ColumnSpec> columns, List<String> pk) {
    return new TableSpec(name, columns, pk, List.of(), false);
  }

  private TableDescriptor create(TableSpec spec) {
    return inTxn(txn -> catalog.createTable(txn, db, spec));
  }

  @Test
  void bootstrapIsIdempotentAndCreatesDefaultAndSystemDatabases() {
    run(catalog::bootstrap);
    assertEquals(List.of("defaultdb", "system"), inTxn(catalog::databases));
    int systemId = inTxn(txn -> catalog.databaseId(txn, "system").getAsInt());
    assertEquals(Catalog.SYSTEM_DATABASE_ID, systemId);
    assertTrue(db >= Catalog.FIRST_USER_ID);
  }

  @Test
  void createAndDropDatabases() {
    int shop = inTxn(txn -> catalog.createDatabase(txn, "shop", false));
    int again = inTxn(txn -> catalog.createDatabase(txn, "shop", true));
    assertEquals(shop, again);
    assertEquals(SqlState.DUPLICATE_DATABASE, failure(txn -> catalog.createDatabase(txn, "shop", false)));
    TableDescriptor t = inTxn(txn -> catalog.createTable(txn, shop, spec("items", List.of(col("id", INT)), List.of("id"))));
    run(txn -> rows.insert(txn, t, new Object[] {1}));
    run(txn -> catalog.dropDatabase(txn, "shop", false));
    assertEquals(List.of("defaultdb", "system"), inTxn(catalog::databases));
    assertTrue(inTxn(txn -> catalog.tableById(txn, t.id())).isEmpty());
    assertEquals(0, kv.committedKeysWithPrefix(SqlKeys.tablePrefix(t.id())));
    run(txn -> catalog.dropDatabase(txn, "shop", true));
    assertEquals(SqlState.INVALID_CATALOG_NAME, failure(txn -> catalog.dropDatabase(txn, "shop", false)));
    assertEquals(SqlState.FEATURE_NOT_SUPPORTED, failure(txn -> catalog.dropDatabase(txn, "system", false)));
  }

  @Test
  void createTableAllocatesIdsAndStoresTheDescriptor() {
    TableDescriptor t = create(new TableSpec("users", List.of(
        new ColumnSpec("id", INT, false, null, true, false),
        new ColumnSpec("email", TEXT, true, null, false, true),
        new ColumnSpec("a", INT, false, "42", false, false),
        new ColumnSpec("b", INT, false, null, false, false)),
        List.of(), List.of(List.of("a", "b"), List.of("id")), false));
    assertEquals(List.of(1, 2, 3, 4), t.columns().stream().map(ColumnDescriptor::id).toList());
    assertFalse(t.column("id").orElseThrow().nullable(), "primary key columns become NOT NULL");
    assertFalse(t.column("email").orElseThrow().nullable());
    assertTrue(t.column("a").orElseThrow().nullable());
    assertEquals("42", t.column("a").orElseThrow().defaultExpr());
    assertEquals("users_pkey", t.primaryIndex().name());
    assertEquals(List.of(1), t.primaryIndex().columnIds());
    assertEquals(List.of("users_email_key", "users_a_b_key"),
        t.secondaryIndexes().stream().map(IndexDescriptor::name).toList(), "UNIQUE(id) repeats the primary key");
    assertTrue(t.secondaryIndexes().stream().allMatch(IndexDescriptor::unique));
    assertEquals(List.of(3, 4), t.secondaryIndexes().get(1).columnIds());
    assertEquals(1, t.version());
    assertEquals(5, t.nextColumnId());
    assertEquals(4, t.nextIndexId());
    assertEquals(t, inTxn(txn -> catalog.table(txn, db, "users")).orElseThrow());
    assertEquals(t, inTxn(txn -> catalog.tableById(txn, t.id())).orElseThrow());
    assertTrue(inTxn(txn -> catalog.table(txn, db, "USERS")).isEmpty(), "lookups are exact");
  }

  @Test
  void tableWithoutPrimaryKeyGetsHiddenRowId() {
    TableDescriptor t = create(spec("log", List.of(col("rowid", TEXT), col("msg", TEXT)), List.of()));
    ColumnDescriptor hidden = t.columns().get(2);
    assertEquals("rowid_1", hidden.name());
    assertTrue(hidden.hidden());
    assertFalse(hidden.nullable());
    assertEquals(Kind.BIGINT, hidden.type().kind());
    assertEquals("unique_rowid()", hidden.defaultExpr());
    assertEquals(List.of(hidden.id()), t.primaryIndex().columnIds());
    assertEquals(2, t.visibleColumns().size());
  }

  @Test
  void createTableValidates() {
    assertEquals(SqlState.INVALID_TABLE_DEFINITION, failure(txn -> catalog.createTable(txn, db, spec("e", List.of(), List.of()))));
    assertEquals(SqlState.DUPLICATE_COLUMN, failure(txn -> catalog.createTable(txn, db,
        spec("d", List.of(col("a", INT), col("a", TEXT)), List.of()))));
    assertEquals(SqlState.UNDEFINED_COLUMN, failure(txn -> catalog.createTable(txn, db,
        spec("d", List.of(col("a", INT)), List.of("b")))));
    assertEquals(SqlState.INVALID_TABLE_DEFINITION, failure(txn -> catalog.createTable(txn, db,
        new TableSpec("d", List.of(new ColumnSpec("a", INT, false, null, true, false)), List.of("a"), List.of(), false))));
    assertEquals(SqlState.DUPLICATE_COLUMN, failure(txn -> catalog.createTable(txn, db,
        spec("d", List.of(col("a", INT)), List.of("a", "a")))));
    assertEquals(SqlState.UNDEFINED_COLUMN, failure(txn -> catalog.createTable(txn, db,
        new TableSpec("d", List.of(col("a", INT)), List.of(), List.of(List.of("zz")), false))));
    TableDescriptor t = create(spec("t", List.of(col("a", INT)), List.of("a")));
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createTable(txn, db, spec("t", List.of(col("b", INT)), List.of()))));
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createTable(txn, db, spec("t_pkey", List.of(col("b", INT)), List.of()))));
    assertEquals(t, inTxn(txn -> catalog.createTable(txn, db,
        new TableSpec("t", List.of(col("zzz", INT)), List.of(), List.of(), true))));
  }

  @Test
  void generatedIndexNamesAvoidTakenNames() {
    create(spec("t_a_key", List.of(col("x", INT)), List.of()));
    TableDescriptor t = create(new TableSpec("t", List.of(new ColumnSpec("a", INT, false, null, false, true)),
        List.of(), List.of(), false));
    assertEquals("t_a_key1", t.secondaryIndexes().get(0).name());
  }

  @Test
  void tablesAreListedByName() {
    create(spec("zeta", List.of(col("a", INT)), List.of()));
    create(spec("alpha", List.of(col("a", INT)), List.of()));
    run(txn -> catalog.createView(txn, db, "mid", "SELECT 1", List.of(new ColumnDescriptor(9, "x", INT, true, null, false)), false));
    assertEquals(List.of("alpha", "mid", "zeta"), inTxn(txn -> catalog.tables(txn, db)).stream().map(TableDescriptor::name).toList());
  }

  @Test
  void views() {
    TableDescriptor v = inTxn(txn -> catalog.createView(txn, db, "v", "SELECT 1 AS x",
        List.of(new ColumnDescriptor(0, "x", INT, true, null, false)), false));
    assertTrue(v.isView());
    assertEquals("SELECT 1 AS x", v.viewSql());
    assertEquals(1, v.columns().get(0).id());
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createView(txn, db, "v", "SELECT 2", List.of(), false)));
    TableDescriptor replaced = inTxn(txn -> catalog.createView(txn, db, "v", "SELECT 2 AS y",
        List.of(new ColumnDescriptor(0, "y", INT, true, null, false)), true));
    assertEquals(v.id(), replaced.id());
    assertEquals(2, replaced.version());
    assertEquals("y", replaced.columns().get(0).name());
    create(spec("t", List.of(col("a", INT)), List.of()));
    assertEquals(SqlState.WRONG_OBJECT_TYPE, failure(txn -> catalog.createView(txn, db, "t", "SELECT 1", List.of(), true)));
    run(txn -> catalog.dropTable(txn, replaced));
    assertTrue(inTxn(txn -> catalog.table(txn, db, "v")).isEmpty());
  }

  @Test
  void dropTableDeletesEveryRowAndIndexEntry() {
    TableDescriptor t = create(new TableSpec("t", List.of(col("a", INT), new ColumnSpec("b", TEXT, false, null, false, true)),
        List.of("a"), List.of(), false));
    run(txn -> {
      for (int i = 0; i < 10; i++) {
        rows.insert(txn, t, new Object[] {i, "b" + i});
      }
    });
    assertEquals(20, kv.committedKeysWithPrefix(SqlKeys.tablePrefix(t.id())));
    run(txn -> catalog.dropTable(txn, t));
    assertEquals(0, kv.committedKeysWithPrefix(SqlKeys.tablePrefix(t.id())));
    assertTrue(inTxn(txn -> catalog.table(txn, db, "t")).isEmpty());
    TableDescriptor again = create(spec("t", List.of(col("a", INT)), List.of("a")));
    assertTrue(again.id() > t.id(), "ids are never reused");
  }

  @Test
  void createIndexBackfillsAndBumpsVersion() {
    TableDescriptor t = create(spec("t", List.of(col("a", INT), col("b", INT)), List.of("a")));
    run(txn -> {
      for (int i = 0; i < 7; i++) {
        rows.insert(txn, t, new Object[] {i, 10 - i});
      }
    });
    TableDescriptor indexed = inTxn(txn -> catalog.createIndex(txn, t, "t_b", true, List.of("b"), List.of(true), false));
    assertEquals(2, indexed.version());
    IndexDescriptor index = indexed.secondaryIndexes().get(0);
    assertEquals(2, index.id());
    assertEquals(List.of(true), index.descending());
    List<Object> bs = inTxn(txn -> column(rows.scan(txn, indexed, index, IndexBounds.all(), false), 1));
    assertEquals(List.of(10, 9, 8, 7, 6, 5, 4), bs);
    assertEquals(indexed, inTxn(txn -> catalog.tableById(txn, t.id())).orElseThrow());
    // Inserts after the index exists maintain it.
    run(txn -> rows.insert(txn, indexed, new Object[] {100, 100}));
    assertEquals(List.of(100), inTxn(txn -> column(rows.scan(txn, indexed, index,
        new IndexBounds(List.of(100), null, false, null, false), false), 0)));
    TableDescriptor auto = inTxn(txn -> catalog.createIndex(txn, indexed, null, false, List.of("a", "b"), null, false));
    assertEquals("t_a_b_idx", auto.secondaryIndexes().get(1).name());
    assertEquals(3, auto.version());
  }

  @Test
  void createIndexErrors() {
    TableDescriptor t = create(spec("t", List.of(col("a", INT), col("b", INT)), List.of("a")));
    run(txn -> {
      rows.insert(txn, t, new Object[] {1, 5});
      rows.insert(txn, t, new Object[] {2, 5});
      rows.insert(txn, t, new Object[] {3, null});
      rows.insert(txn, t, new Object[] {4, null});
    });
    try (KvTxn txn = kv.begin()) {
      SqlError e = assertThrows(SqlError.class, () -> catalog.createIndex(txn, t, "t_b_key", true, List.of("b"), null, false));
      assertEquals(SqlState.UNIQUE_VIOLATION, e.state());
      assertEquals("Key (b)=(5) is duplicated.", e.detail());
    }
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createIndex(txn, t, "t_pkey", false, List.of("b"), null, false)));
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createIndex(txn, t, "t", false, List.of("b"), null, false)));
    assertEquals(SqlState.UNDEFINED_COLUMN, failure(txn -> catalog.createIndex(txn, t, "i", false, List.of("zz"), null, false)));
    TableDescriptor same = inTxn(txn -> catalog.createIndex(txn, t, "t_pkey", false, List.of("b"), null, true));
    assertEquals(t, same);
    // NULLs do not conflict in a unique index.
    TableDescriptor ok = inTxn(txn -> catalog.createIndex(txn, t, "t_a_b", true, List.of("b", "a"), null, false));
    assertEquals(1, ok.secondaryIndexes().size());
  }

  @Test
  void dropIndexDeletesEntries() {
    TableDescriptor t = create(spec("t", List.of(col("a", INT), col("b", INT)), List.of("a")));
    TableDescriptor indexed = inTxn(txn -> catalog.createIndex(txn, t, "t_b", false, List.of("b"), null, false));
    run(txn -> rows.insert(txn, indexed, new Object[] {1, 2}));
    assertEquals(2, kv.committedKeysWithPrefix(SqlKeys.tablePrefix(t.id())));
    TableDescriptor dropped = inTxn(txn -> catalog.dropIndex(txn, db, "t_b", false)).orElseThrow();
    assertEquals(List.of(), dropped.secondaryIndexes());
    assertEquals(3, dropped.version());
    assertEquals(1, kv.committedKeysWithPrefix(SqlKeys.tablePrefix(t.id())));
    assertTrue(inTxn(txn -> catalog.dropIndex(txn, db, "t_b", true)).isEmpty());
    assertEquals(SqlState.UNDEFINED_OBJECT, failure(txn -> catalog.dropIndex(txn, db, "t_b", false)));
    assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, failure(txn -> catalog.dropIndex(txn, db, "t_pkey", false)));
    // The index id is not reused.
    TableDescriptor again = inTxn(txn -> catalog.createIndex(txn, dropped, "t_b", false, List.of("b"), null, false));
    assertEquals(3, again.secondaryIndexes().get(0).id());
  }

  @Test
  void ddlRollsBackWithItsTransaction() {
    try (KvTxn txn = kv.begin()) {
      catalog.createTable(txn, db, spec("temp", List.of(col("a", INT)), List.of()));
      assertTrue(catalog.table(txn, db, "temp").isPresent());
      txn.rollback();
    }
    assertTrue(inTxn(txn -> catalog.table(txn, db, "temp")).isEmpty());
  }

  @Test
  void indexNamesShareTheRelationNamespace() {
    TableDescriptor t1 = create(spec("t1", List.of(col("a", INT), col("b", INT)), List.of("a")));
    create(spec("t2", List.of(col("a", INT)), List.of("a")));
    run(txn -> catalog.createIndex(txn, t1, "i", false, List.of("b"), null, false));
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createTable(txn, db, spec("i", List.of(col("x", INT)), List.of()))));
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createTable(txn, db, spec("t2_pkey", List.of(col("x", INT)), List.of()))));
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createView(txn, db, "i", "SELECT 1", List.of(), false)));
    TableDescriptor t2 = inTxn(txn -> catalog.table(txn, db, "t2")).orElseThrow();
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createIndex(txn, t2, "i", false, List.of("a"), null, false)));
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createIndex(txn, t2, "t1", false, List.of("a"), null, false)));
    // Dropping an index, or the table that has it, frees its name.
    run(txn -> catalog.dropIndex(txn, db, "i", false));
    create(spec("i", List.of(col("x", INT)), List.of()));
    run(txn -> catalog.dropTable(txn, inTxn(tx -> catalog.table(tx, db, "t2")).orElseThrow()));
    run(txn -> catalog.createView(txn, db, "t2_pkey", "SELECT 1", List.of(), false));
    // A unique constraint's index name is taken in the namespace too.
    TableDescriptor u = create(new TableSpec("u", List.of(new ColumnSpec("a", INT, false, null, false, true)),
        List.of(), List.of(), false));
    assertEquals("u_a_key", u.secondaryIndexes().get(0).name());
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createTable(txn, db, spec("u_a_key", List.of(col("x", INT)), List.of()))));
    assertEquals(List.of(), inTxn(txn -> catalog.dropIndex(txn, db, "u_a_key", false)).orElseThrow().secondaryIndexes());
    create(spec("u_a_key", List.of(col("x", INT)), List.of()));
  }

  @Test
  void nameChecksDoNotDependOnHowManyRelationsTheDatabaseHas() {
    TableDescriptor t = create(spec("t", List.of(col("a", INT), col("b", INT)), List.of("a")));
    long[] few = ddlReads(t, "few");
    for (int i = 0; i < 40; i++) {
      TableDescriptor other = create(spec("other" + i, List.of(col("a", INT), col("b", INT)), List.of("a")));
      run(txn -> catalog.createIndex(txn, other, null, false, List.of("b"), null, false));
      String view = "gone" + i;
      run(txn -> catalog.createView(txn, db, view, "SELECT 1", List.of(), false));
      run(txn -> catalog.dropTable(txn, catalog.table(txn, db, view).orElseThrow()));
    }
    assertArrayEquals(few, ddlReads(t, "many"), "keys read per DDL statement with 2 and 82 relations");
  }

  /** Keys read by CREATE TABLE, CREATE VIEW, CREATE INDEX and DROP INDEX, each on its own. */
  private long[] ddlReads(TableDescriptor t, String suffix) {
    long[] reads = new long[4];
    long before = kv.keysRead();
    create(new TableSpec("c_" + suffix, List.of(new ColumnSpec("a", INT, false, null, false, true)),
        List.of(), List.of(), false));
    reads[0] = kv.keysRead() - before;
    before = kv.keysRead();
    run(txn -> catalog.createView(txn, db, "v_" + suffix, "SELECT 1", List.of(), false));
    reads[1] = kv.keysRead() - before;
    TableDescriptor current = inTxn(txn -> catalog.tableById(txn, t.id())).orElseThrow();
    before = kv.keysRead();
    run(txn -> catalog.createIndex(txn, current, "i_" + suffix, false, List.of("b"), null, false));
    reads[2] = kv.keysRead() - before;
    before = kv.keysRead();
    run(txn -> catalog.dropIndex(txn, db, "i_" + suffix, false));
    reads[3] = kv.keysRead() - before;
    return reads;
  }

  @Test
  void bootstrapGivesAnOlderCatalogItsIndexNames() {
    TableDescriptor t = create(spec("t", List.of(col("a", INT), col("b", INT)), List.of("a")));
    run(txn -> catalog.createIndex(txn, t, "t_b", false, List.of("b"), null, false));
    // A store written before layout 2: no index-name entries, no layout key.
    run(txn -> {
      for (var kv : txn.scan(CatalogKeys.indexNamespacePrefix(db),
          io.shaledb.kv.encoding.Keys.prefixEnd(CatalogKeys.indexNamespacePrefix(db)), 0, false)) {
        txn.delete(kv.key());
      }
      txn.delete(CatalogKeys.format());
    });
    assertEquals(0, kv.committedKeysWithPrefix(CatalogKeys.indexNamespacePrefix(db)));
    run(catalog::bootstrap);
    assertEquals(2, kv.committedKeysWithPrefix(CatalogKeys.indexNamespacePrefix(db)));
    assertEquals(SqlState.DUPLICATE_TABLE, failure(txn -> catalog.createTable(txn, db, spec("t_b", List.of(col("x", INT)), List.of()))));
    assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, failure(txn -> catalog.dropIndex(txn, db, "t_pkey", false)));
    assertTrue(inTxn(txn -> catalog.dropIndex(txn, db, "t_b", false)).isPresent());
  }

  @Test
  void uniqueRowIdsIncreaseAndCarryTheNodeId() {
    long first = catalog.uniqueRowId();
    long second = catalog.uniqueRowId();
    assertTrue(second > first);
    assertEquals(7, first & 0x7FFF);
    assertTrue(first > 0);
  }

  private static List<Object> column(RowCursor cursor, int i) {
    List<Object> result = new ArrayList<>();
    try (cursor) {
      cursor.forEachRemaining(r -> result.add(r[i]));
    }
    return result;
  }
}
