package io.shaledb.sql.catalog;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.encoding.Keys;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.rowenc.RowStore;
import io.shaledb.txn.KvTxn;
import io.shaledb.txn.TransactionRetryException;
import io.shaledb.txn.TxnFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Reads and writes catalog descriptors through the caller's {@link KvTxn}, so DDL is
 * transactional: a schema change is visible to other transactions only once the caller commits.
 * Nothing is cached here. Name lookups are exact (the planner case-folds). Every change to a
 * table writes a new descriptor with {@code version + 1}. Thread-safe (stateless apart from the
 * row id generator); each transaction is used by one thread at a time.
 */
public final class Catalog {

  /** Id of the reserved "system" database. */
  public static final int SYSTEM_DATABASE_ID = 1;
  /** The first id handed out by the id counter. */
  public static final int FIRST_USER_ID = 100;
  public static final String SYSTEM_DATABASE = "system";
  public static final String DEFAULT_DATABASE = "defaultdb";

  private static final int DATABASE_PARENT = 0;

  private final RowStore rows;
  private final UniqueRowIds rowIds;
  /** Where descriptor ids come from: their own short transactions, or null for the caller's. */
  private final TxnFactory idTxns;

  /** Attempts at allocating an id in its own transaction before giving up (40001). */
  static final int ID_ATTEMPTS = 100;

  /** One process-wide generator for node 0, so that every default catalog hands out distinct ids. */
  private static final UniqueRowIds DEFAULT_ROW_IDS = new UniqueRowIds(Catalog::systemMicros, 0);

  /**
   * A catalog using the process-wide system-clock row id generator for node 0 (single-node
   * deployments and tests; a cluster passes a {@link UniqueRowIds} with the node's id).
   */
  public Catalog() {
    this(new RowStore(), DEFAULT_ROW_IDS);
  }

  public Catalog(RowStore rows, UniqueRowIds rowIds) {
    this(rows, rowIds, null);
  }

  /**
   * @param idTxns when not null, descriptor ids are allocated in their own short transactions
   *     (as CockroachDB's descriptor id generator does): DDL in different databases then shares no
   *     key and never conflicts, at the price of an id skipped when a DDL statement aborts. When
   *     null, in the DDL statement's transaction (every CREATE conflicts with every concurrent one).
   */
  public Catalog(RowStore rows, UniqueRowIds rowIds, TxnFactory idTxns) {
    this.rows = rows;
    this.rowIds = rowIds;
    this.idTxns = idTxns;
  }

  /** A catalog like {@link #Catalog()} whose descriptor ids come from transactions of {@code idTxns}. */
  public static Catalog withIdTransactions(TxnFactory idTxns) {
    return new Catalog(new RowStore(), DEFAULT_ROW_IDS, idTxns);
  }

  private static long systemMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }

  /**
   * On a fresh cluster (no id counter yet) creates the id counter, the reserved "system"
   * database and "defaultdb". On an existing one, brings the catalog's layout up to date (see
   * the package documentation); otherwise does nothing (a dropped defaultdb stays dropped).
   */
  public void bootstrap(KvTxn txn) {
    if (txn.get(CatalogKeys.idCounter()).isPresent()) {
      upgrade(txn);
      return;
    }
    txn.put(CatalogKeys.idCounter(), CatalogKeys.longValue(FIRST_USER_ID));
    txn.put(CatalogKeys.format(), CatalogKeys.intValue(CatalogKeys.CURRENT_FORMAT));
    putDatabase(txn, new DatabaseDescriptor(SYSTEM_DATABASE_ID, SYSTEM_DATABASE));
    // the counter is not committed yet: defaultdb's id comes from this transaction
    putDatabase(txn, new DatabaseDescriptor(nextId(txn), DEFAULT_DATABASE));
  }

  /** Layout 1 to 2: an index-name entry for every index of every table. */
  private void upgrade(KvTxn txn) {
    int format = txn.get(CatalogKeys.format()).map(CatalogKeys::readInt).orElse(1);
    if (format >= CatalogKeys.CURRENT_FORMAT) {
      return;
    }
    for (KeyValue db : scanPrefix(txn, CatalogKeys.namespacePrefix(DATABASE_PARENT))) {
      for (TableDescriptor t : tables(txn, CatalogKeys.readInt(db.value()))) {
        putIndexNames(txn, t);
      }
    }
    txn.put(CatalogKeys.format(), CatalogKeys.intValue(CatalogKeys.CURRENT_FORMAT));
  }

  public OptionalInt databaseId(KvTxn txn, String database) {
    return txn.get(CatalogKeys.namespace(DATABASE_PARENT, database))
        .map(v -> OptionalInt.of(CatalogKeys.readInt(v))).orElse(OptionalInt.empty());
  }

  /** Every database name, sorted. */
  public List<String> databases(KvTxn txn) {
    List<String> names = new ArrayList<>();
    for (KeyValue kv : scanPrefix(txn, CatalogKeys.namespacePrefix(DATABASE_PARENT))) {
      names.add(CatalogKeys.nameOf(kv.key(), DATABASE_PARENT));
    }
    Collections.sort(names);
    return names;
  }

  /**
   * @return the new database's id, or the existing one's if {@code ifNotExists}
   * @throws SqlError 42P04 if it exists and not {@code ifNotExists}
   */
  public int createDatabase(KvTxn txn, String name, boolean ifNotExists) {
    OptionalInt existing = databaseId(txn, name);
    if (existing.isPresent()) {
      if (ifNotExists) {
        return existing.getAsInt();
      }
      throw new SqlError(SqlState.DUPLICATE_DATABASE, "database \"" + name + "\" already exists");
    }
    int id = allocateId(txn);
    putDatabase(txn, new DatabaseDescriptor(id, name));
    return id;
  }

  /**
   * Drops the database with all its tables and views.
   *
   * @throws SqlError 3D000 if absent and not {@code ifExists}; 0A000 for the system database
   */
  public void dropDatabase(KvTxn txn, String name, boolean ifExists) {
    OptionalInt id = databaseId(txn, name);
    if (id.isEmpty()) {
      if (ifExists) {
        return;
      }
      throw new SqlError(SqlState.INVALID_CATALOG_NAME, "database \"" + name + "\" does not exist");
    }
    if (id.getAsInt() == SYSTEM_DATABASE_ID) {
      throw new SqlError(SqlState.FEATURE_NOT_SUPPORTED, "cannot drop the system database");
    }
    for (TableDescriptor t : tables(txn, id.getAsInt())) {
      dropTable(txn, t);
    }
    txn.delete(CatalogKeys.namespace(DATABASE_PARENT, name));
    txn.delete(CatalogKeys.descriptor(id.getAsInt()));
  }

  public Optional<TableDescriptor> table(KvTxn txn, int databaseId, String name) {
    return txn.get(CatalogKeys.namespace(databaseId, name))
        .flatMap(v -> tableById(txn, CatalogKeys.readInt(v)));
  }

  public Optional<TableDescriptor> tableById(KvTxn txn, int tableId) {
    return txn.get(CatalogKeys.descriptor(tableId))
        .filter(bytes -> !DescriptorCodec.isDatabase(bytes))
        .map(bytes -> decodeTableCached(tableId, bytes));
  }

  private static final int MAX_DECODED = 4096;

  /** A table's stored descriptor bytes and what they decode to. */
  private record Decoded(byte[] bytes, TableDescriptor table) {}

  /**
   * The last decoded descriptor of each table id, with its bytes. Equal bytes decode to equal
   * descriptors (records of immutable lists), so a hit is exact; every statement resolves its
   * tables here, and decoding was a few percent of a short query's server time. Keyed by id so a
   * lookup compares the bytes once instead of hashing them. Bounded by clearing.
   */
  private static final Map<Integer, Decoded> DECODED = new ConcurrentHashMap<>();

  private static TableDescriptor decodeTableCached(int tableId, byte[] bytes) {
    Decoded d = DECODED.get(tableId);
    if (d != null && Arrays.equals(d.bytes, bytes)) {
      return d.table;
    }
    TableDescriptor t = DescriptorCodec.decodeTable(bytes);
    if (DECODED.size() >= MAX_DECODED) {
      DECODED.clear();
    }
    DECODED.put(tableId, new Decoded(bytes.clone(), t));
    return t;
  }

  /** Tables and views of the database, sorted by name. */
  public List<TableDescriptor> tables(KvTxn txn, int databaseId) {
    List<TableDescriptor> result = new ArrayList<>();
    for (KeyValue kv : scanPrefix(txn, CatalogKeys.namespacePrefix(databaseId))) {
      tableById(txn, CatalogKeys.readInt(kv.value())).ifPresent(result::add);
    }
    result.sort(Comparator.comparing(TableDescriptor::name));
    return result;
  }

  /**
   * Allocates table, column and index ids and stores the descriptor. No primary key => a hidden
   * BIGINT column "rowid" (default {@code unique_rowid()}) is the primary key.
   *
   * @return the new table, or the existing one if {@code spec.ifNotExists()} and a table or view
   *     of that name exists
   * @throws SqlError 42P07 if the name is taken; 42701 duplicate column; 42P16 bad definition;
   *     42703 unknown key column
   */
  public TableDescriptor createTable(KvTxn txn, int databaseId, TableSpec spec) {
    requireDatabase(txn, databaseId);
    Optional<TableDescriptor> existing = table(txn, databaseId, spec.name());
    if (existing.isPresent()) {
      if (spec.ifNotExists()) {
        return existing.get();
      }
      throw relationExists(spec.name());
    }
    if (indexNameTaken(txn, databaseId, spec.name())) {
      throw relationExists(spec.name());
    }
    int id = allocateId(txn);
    TableDescriptor t = TableDefinition.toDescriptor(id, databaseId, spec,
        name -> nameTaken(txn, databaseId, name));
    txn.put(CatalogKeys.namespace(databaseId, t.name()), CatalogKeys.intValue(id));
    putIndexNames(txn, t);
    putTable(txn, t);
    return t;
  }

  /**
   * Creates (or with {@code orReplace} replaces) a view. Column ids are reassigned 1..n.
   *
   * @throws SqlError 42P07 if the name is taken (by anything, or by a view without orReplace);
   *     42809 if {@code orReplace} names a table
   */
  public TableDescriptor createView(KvTxn txn, int databaseId, String name, String sql,
                                    List<ColumnDescriptor> columns, boolean orReplace) {
    requireDatabase(txn, databaseId);
    List<ColumnDescriptor> renumbered = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnDescriptor c = columns.get(i);
      renumbered.add(new ColumnDescriptor(i + 1, c.name(), c.type(), c.nullable(), null, false));
    }
    IndexDescriptor none = new IndexDescriptor(IndexDescriptor.PRIMARY_INDEX_ID, name + "_pkey", true,
        List.of(), List.of());
    Optional<TableDescriptor> existing = table(txn, databaseId, name);
    if (existing.isPresent()) {
      TableDescriptor old = existing.get();
      if (!orReplace) {
        throw relationExists(name);
      }
      if (!old.isView()) {
        throw new SqlError(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a view");
      }
      TableDescriptor replaced = new TableDescriptor(old.id(), databaseId, name, renumbered, none,
          List.of(), sql, old.version() + 1, renumbered.size() + 1, IndexDescriptor.PRIMARY_INDEX_ID + 1);
      putTable(txn, replaced);
      return replaced;
    }
    if (indexNameTaken(txn, databaseId, name)) {
      throw relationExists(name);
    }
    int id = allocateId(txn);
    TableDescriptor view = new TableDescriptor(id, databaseId, name, renumbered, none, List.of(), sql, 1,
        renumbered.size() + 1, IndexDescriptor.PRIMARY_INDEX_ID + 1);
    txn.put(CatalogKeys.namespace(databaseId, name), CatalogKeys.intValue(id));
    putTable(txn, view);
    return view;
  }

  /** Deletes the descriptor, the name entries and every row and index entry of the table. */
  public void dropTable(KvTxn txn, TableDescriptor table) {
    if (!table.isView()) {
      rows.deleteTableData(txn, table.id());
      for (IndexDescriptor index : table.indexes()) {
        txn.delete(CatalogKeys.indexName(table.databaseId(), index.name()));
      }
    }
    txn.delete(CatalogKeys.namespace(table.databaseId(), table.name()));
    txn.delete(CatalogKeys.descriptor(table.id()));
  }

  /**
   * Adds a secondary index and backfills it from existing rows. A null {@code indexName} becomes
   * {@code <table>_<cols>_idx} (with a numeric suffix if taken); null or empty {@code descending}
   * means all ascending.
   *
   * @return the table with the index (or unchanged if {@code ifNotExists} and the name exists)
   * @throws SqlError 23505 if a unique index finds duplicates; 42P07 if an index or table of that
   *     name exists in the database; 42703 unknown column; 42P01 table gone; 42809 a view
   */
  public TableDescriptor createIndex(KvTxn txn, TableDescriptor table, String indexName, boolean unique,
                                     List<String> columnNames, List<Boolean> descending, boolean ifNotExists) {
    TableDescriptor current = tableById(txn, table.id()).orElseThrow(() -> new SqlError(
        SqlState.UNDEFINED_TABLE, "relation \"" + table.name() + "\" does not exist"));
    if (current.isView()) {
      throw new SqlError(SqlState.WRONG_OBJECT_TYPE, "\"" + current.name() + "\" is not a table");
    }
    if (columnNames.isEmpty()) {
      throw new SqlError(SqlState.INVALID_TABLE_DEFINITION, "an index needs at least one column");
    }
    List<Integer> columnIds = new ArrayList<>();
    for (String name : columnNames) {
      columnIds.add(current.column(name).orElseThrow(() -> new SqlError(SqlState.UNDEFINED_COLUMN,
          "column \"" + name + "\" does not exist")).id());
    }
    List<Boolean> desc = descending == null || descending.isEmpty()
        ? Collections.nCopies(columnNames.size(), false) : descending;
    if (desc.size() != columnNames.size()) {
      throw new IllegalArgumentException("descending has " + desc.size() + " entries for "
          + columnNames.size() + " columns");
    }
    Predicate<String> taken = n -> nameTaken(txn, current.databaseId(), n);
    String name = indexName;
    if (name == null) {
      name = TableDefinition.uniqueName(current.name() + "_" + String.join("_", columnNames) + "_idx", taken);
    } else if (taken.test(name)) {
      if (ifNotExists) {
        return current;
      }
      throw relationExists(name);
    }
    IndexDescriptor index = new IndexDescriptor(current.nextIndexId(), name, unique, columnIds, desc);
    List<IndexDescriptor> secondary = new ArrayList<>(current.secondaryIndexes());
    secondary.add(index);
    TableDescriptor updated = new TableDescriptor(current.id(), current.databaseId(), current.name(),
        current.columns(), current.primaryIndex(), secondary, null, current.version() + 1,
        current.nextColumnId(), current.nextIndexId() + 1);
    rows.backfillIndex(txn, updated, index);
    txn.put(CatalogKeys.indexName(current.databaseId(), name), CatalogKeys.intValue(current.id()));
    putTable(txn, updated);
    return updated;
  }

  /**
   * Drops a secondary index found by name among the database's tables and deletes its entries.
   *
   * @return the table without the index, or empty if absent and {@code ifExists}
   * @throws SqlError 42704 if absent (unless ifExists); 2BP01 for a primary index
   */
  public Optional<TableDescriptor> dropIndex(KvTxn txn, int databaseId, String indexName, boolean ifExists) {
    Optional<TableDescriptor> owner = txn.get(CatalogKeys.indexName(databaseId, indexName))
        .flatMap(v -> tableById(txn, CatalogKeys.readInt(v)))
        .filter(t -> !t.isView());
    if (owner.isPresent()) {
      TableDescriptor t = owner.get();
      if (t.primaryIndex().name().equals(indexName)) {
        throw new SqlError(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index " + indexName
            + " because constraint " + indexName + " on table " + t.name() + " requires it");
      }
      for (IndexDescriptor index : t.secondaryIndexes()) {
        if (index.name().equals(indexName)) {
          rows.deleteIndexEntries(txn, t, index);
          List<IndexDescriptor> remaining = t.secondaryIndexes().stream()
              .filter(i -> i.id() != index.id()).toList();
          TableDescriptor updated = new TableDescriptor(t.id(), t.databaseId(), t.name(), t.columns(),
              t.primaryIndex(), remaining, null, t.version() + 1, t.nextColumnId(), t.nextIndexId());
          txn.delete(CatalogKeys.indexName(databaseId, indexName));
          putTable(txn, updated);
          return Optional.of(updated);
        }
      }
      throw new SqlError(SqlState.INTERNAL_ERROR, "index name entry \"" + indexName
          + "\" names table " + t.name() + ", which has no such index");
    }
    if (ifExists) {
      return Optional.empty();
    }
    throw new SqlError(SqlState.UNDEFINED_OBJECT, "index \"" + indexName + "\" does not exist");
  }

  /** A cluster-unique, roughly increasing 64-bit id for hidden row ids ({@code unique_rowid()}). */
  public long uniqueRowId() {
    return rowIds.next();
  }

  private int allocateId(KvTxn txn) {
    if (idTxns == null) {
      return nextId(txn);
    }
    TransactionRetryException last = null;
    for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      try (KvTxn own = idTxns.begin()) {
        try {
          int id = nextId(own);
          own.commit();
          return id;
        } catch (TransactionRetryException e) {
          last = e;
          try {
            own.rollback();
          } catch (RuntimeException ignored) {
            // the retry is what matters
          }
          // another DDL statement took an id at the same moment: back off a little (<= 2 ms)
          LockSupport.parkNanos(Math.min(attempt + 1, 20) * 100_000L);
        }
      }
    }
    throw last;
  }

  /** Takes the next id from the counter in {@code counterTxn}. */
  private static int nextId(KvTxn counterTxn) {
    byte[] key = CatalogKeys.idCounter();
    long next = counterTxn.get(key).map(CatalogKeys::readLong).orElseThrow(() -> new SqlError(
        SqlState.INTERNAL_ERROR, "catalog is not bootstrapped"));
    if (next >= Integer.MAX_VALUE) {
      throw new SqlError(SqlState.PROGRAM_LIMIT_EXCEEDED, "descriptor ids exhausted");
    }
    counterTxn.put(key, CatalogKeys.longValue(next + 1));
    return (int) next;
  }

  private void requireDatabase(KvTxn txn, int databaseId) {
    Optional<byte[]> bytes = txn.get(CatalogKeys.descriptor(databaseId));
    if (bytes.isEmpty() || !DescriptorCodec.isDatabase(bytes.get())) {
      throw new SqlError(SqlState.INVALID_CATALOG_NAME, "database with id " + databaseId + " does not exist");
    }
  }

  /**
   * Whether a table, view or index of the database has {@code name} (they share one namespace):
   * two point reads, see the package documentation.
   */
  private static boolean nameTaken(KvTxn txn, int databaseId, String name) {
    return txn.get(CatalogKeys.namespace(databaseId, name)).isPresent()
        || indexNameTaken(txn, databaseId, name);
  }

  private static boolean indexNameTaken(KvTxn txn, int databaseId, String name) {
    return txn.get(CatalogKeys.indexName(databaseId, name)).isPresent();
  }

  private static void putIndexNames(KvTxn txn, TableDescriptor t) {
    for (IndexDescriptor index : t.indexes()) {
      txn.put(CatalogKeys.indexName(t.databaseId(), index.name()), CatalogKeys.intValue(t.id()));
    }
  }

  private static SqlError relationExists(String name) {
    return new SqlError(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
  }

  private void putDatabase(KvTxn txn, DatabaseDescriptor db) {
    txn.put(CatalogKeys.namespace(DATABASE_PARENT, db.name()), CatalogKeys.intValue(db.id()));
    txn.put(CatalogKeys.descriptor(db.id()), DescriptorCodec.encodeDatabase(db));
  }

  private void putTable(KvTxn txn, TableDescriptor t) {
    txn.put(CatalogKeys.descriptor(t.id()), DescriptorCodec.encodeTable(t));
  }

  private static List<KeyValue> scanPrefix(KvTxn txn, byte[] prefix) {
    return txn.scan(prefix, Keys.prefixEnd(prefix), 0, false);
  }
}
