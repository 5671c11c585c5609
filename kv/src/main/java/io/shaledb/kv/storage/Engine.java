package io.shaledb.kv.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RocksDB store (a node's data directory) with the column families of {@link ColumnFamily}
 * under RocksDB's native bytewise comparator.
 *
 * <p>Thread-safe. Every operation runs under the read side of a lock whose write side {@link
 * #close()} takes, so closing waits for in-flight calls and later calls fail with {@link
 * StorageException} instead of touching freed native memory. {@code close()} also closes every
 * iterator and snapshot still open. RocksDB failures surface as {@link StorageException} ({@link
 * NoSpaceException} when the disk is full).
 */
public final class Engine implements EngineReader, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final EngineOptions options;
  private final RocksDB db;
  private final EnumMap<ColumnFamily, ColumnFamilyHandle> handles;
  /** Everything this engine opened besides db and handles, closed in reverse order after them. */
  private final List<AutoCloseable> owned;
  private final ColumnFamilyHandle defaultHandle;
  private final WriteOptions syncWrite;
  private final WriteOptions noSyncWrite;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private final Set<EngineIterator> iterators = ConcurrentHashMap.newKeySet();
  private final Set<EngineSnapshot> snapshots = ConcurrentHashMap.newKeySet();
  /** Test-only power-failure model; null unless opened by {@link #openJournaled}. */
  private final UnsyncedWriteJournal journal;

  private Engine(Path dir, EngineOptions options, RocksDB db,
      EnumMap<ColumnFamily, ColumnFamilyHandle> handles, ColumnFamilyHandle defaultHandle,
      List<AutoCloseable> owned, Set<ColumnFamily> journalNeverSynced) {
    this.dir = dir;
    this.options = options;
    this.db = db;
    this.handles = handles;
    this.defaultHandle = defaultHandle;
    this.owned = owned;
    this.syncWrite = new WriteOptions().setSync(true);
    this.noSyncWrite = new WriteOptions().setSync(false);
    this.journal = journalNeverSynced == null ? null : new UnsyncedWriteJournal(this, journalNeverSynced);
  }

  /**
   * Opens the store in {@code dir}, creating the directory, the database and missing column
   * families as needed.
   *
   * @throws StorageException if RocksDB cannot open the store (e.g. locked by another open engine)
   */
  public static Engine open(Path dir, EngineOptions opts) {
    return open(dir, opts, null);
  }

  /**
   * <b>Tests only.</b> As {@link #open}, with an {@link UnsyncedWriteJournal} that lets a
   * simulation lose the writes made since the last synced one, as a power failure would.
   * Journaled writes are serialized and read the old values of every key they touch first.
   */
  public static Engine openJournaled(Path dir, EngineOptions opts) {
    return open(dir, opts, Set.of());
  }

  /**
   * <b>Tests only.</b> As {@link #openJournaled(Path, EngineOptions)}, with a fault: synced
   * writes that touch any column family in {@code neverSynced} are treated as unsynced (the
   * journal may lose them).
   */
  public static Engine openJournaled(Path dir, EngineOptions opts, Set<ColumnFamily> neverSynced) {
    return open(dir, opts, Objects.requireNonNull(neverSynced, "neverSynced"));
  }

  private static Engine open(Path dir, EngineOptions opts, Set<ColumnFamily> journalNeverSynced) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(opts, "opts");
    List<AutoCloseable> owned = new ArrayList<>();
    List<ColumnFamilyHandle> handleList = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      LRUCache cache = new LRUCache(opts.blockCacheBytes());
      owned.add(cache);
      ColumnFamilyOptions cfOptions = new ColumnFamilyOptions()
          .setTableFormatConfig(new BlockBasedTableConfig()
              .setBlockCache(cache));
      owned.add(cfOptions);
      DBOptions dbOptions = new DBOptions()
          .setCreateIfMissing(true)
          .setCreateMissingColumnFamilies(true)
          .setKeepLogFileNum(5) // RocksDB's own LOG files, not the WAL
          .setMaxLogFileSize(16L << 20);
      owned.add(dbOptions);

      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
      for (ColumnFamily cf : ColumnFamily.values()) {
        descriptors.add(new ColumnFamilyDescriptor(
            cf.name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8), cfOptions));
      }
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handleList);
      EnumMap<ColumnFamily, ColumnFamilyHandle> handles = new EnumMap<>(ColumnFamily.class);
      for (ColumnFamily cf : ColumnFamily.values()) {
        handles.put(cf, handleList.get(cf.ordinal() + 1));
      }
      LOG.debug("opened store {}", dir);
      return new Engine(dir, opts, db, handles, handleList.get(0), owned, journalNeverSynced);
    } catch (RocksDBException e) {
      closeAll(handleList, owned);
      throw StorageException.from("open " + dir, e);
    } catch (java.io.IOException e) {
      closeAll(handleList, owned);
      throw new StorageException("create " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      closeAll(handleList, owned);
      throw e;
    }
  }

  /** A new empty batch for {@link #write}; the caller closes it. */
  public EngineBatch newBatch() {
    enter();
    try {
      return new EngineBatch(this, journal != null);
    } finally {
      exit();
    }
  }

  /**
   * Applies every operation of {@code b} atomically: after return all are visible, after a crash
   * either all or none survive.
   *
   * @param sync whether to fsync the write-ahead log before returning (ignored, i.e. unsynced,
   *     when the engine was opened with {@code syncWrites=false}; a journaled engine still counts
   *     it as the durability point, see {@link UnsyncedWriteJournal})
   */
  public void write(EngineBatch b, boolean sync) {
    if (journal != null) {
      b.rocksBatch(this); // ownership and open checks before the journal reads anything
      journal.write(b, sync);
      return;
    }
    applyWrite(b, sync);
  }

  /**
   * The journal of an engine opened with {@link #openJournaled}.
   *
   * @throws IllegalStateException if this engine has none
   */
  public UnsyncedWriteJournal unsyncedJournal() {
    if (journal == null) {
      throw new IllegalStateException("store " + dir + " was not opened with a journal");
    }
    return journal;
  }

  void applyWrite(EngineBatch b, boolean sync) {
    enter();
    try {
      db.write(sync && options.syncWrites() ? syncWrite : noSyncWrite, b.rocksBatch(this));
    } catch (RocksDBException e) {
      throw StorageException.from("write", e);
    } finally {
      exit();
    }
  }

  @Override
  public byte[] get(ColumnFamily cf, byte[] key) {
    return get(cf, key, null);
  }

  byte[] get(ColumnFamily cf, byte[] key, ReadOptions readOptions) {
    Objects.requireNonNull(key, "key");
    enter();
    try {
      return readOptions == null ? db.get(handle(cf), key) : db.get(handle(cf), readOptions, key);
    } catch (RocksDBException e) {
      throw StorageException.from("get", e);
    } finally {
      exit();
    }
  }

  /** A consistent view of the store as of now; the caller closes it. */
  public EngineSnapshot snapshot() {
    enter();
    try {
      EngineSnapshot s = new EngineSnapshot(this, db.getSnapshot());
      snapshots.add(s);
      return s;
    } finally {
      exit();
    }
  }

  @Override
  public EngineIterator newIterator(ColumnFamily cf, byte[] lowerBound, byte[] upperBound) {
    EngineIterator[] self = new EngineIterator[1];
    EngineIterator it = openIterator(cf, lowerBound, upperBound, null, () -> iterators.remove(self[0]));
    self[0] = it;
    iterators.add(it);
    return it;
  }

  /** The directory the store lives in. */
  public Path directory() {
    return dir;
  }

  /**
   * Closes open iterators and snapshots, then the database and every native object this engine
   * created. Waits for in-flight operations. Idempotent; afterwards the directory can be opened
   * again.
   */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (!iterators.isEmpty() || !snapshots.isEmpty()) {
        LOG.warn("closing store {} with {} open iterators and {} open snapshots",
            dir, iterators.size(), snapshots.size());
      }
      for (EngineIterator it : List.copyOf(iterators)) {
        it.close();
      }
      for (EngineSnapshot s : List.copyOf(snapshots)) {
        s.close();
      }
      syncWrite.close();
      noSyncWrite.close();
      List<ColumnFamilyHandle> all = new ArrayList<>(handles.values());
      all.add(defaultHandle);
      for (ColumnFamilyHandle h : all) {
        h.close();
      }
      try {
        db.closeE();
      } catch (RocksDBException e) {
        LOG.warn("closing store {}: {}", dir, e.getMessage());
      }
      closeAll(List.of(), owned);
      LOG.debug("closed store {}", dir);
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---- package-private plumbing for batches, iterators and snapshots ----

  ColumnFamilyHandle handle(ColumnFamily cf) {
    return handles.get(Objects.requireNonNull(cf, "cf"));
  }

  EngineIterator openIterator(ColumnFamily cf, byte[] lowerBound, byte[] upperBound,
      Snapshot snapshot, Runnable onClose) {
    enter();
    ReadOptions ro = new ReadOptions();
    Slice lo = null;
    Slice hi = null;
    try {
      if (snapshot != null) {
        ro.setSnapshot(snapshot);
      }
      if (lowerBound != null) {
        lo = new Slice(lowerBound);
        ro.setIterateLowerBound(lo);
      }
      if (upperBound != null) {
        hi = new Slice(upperBound);
        ro.setIterateUpperBound(hi);
      }
      return new EngineIterator(this, onClose, ro, lo, hi, db.newIterator(handle(cf), ro));
    } catch (RuntimeException | Error e) {
      ro.close();
      if (lo != null) {
        lo.close();
      }
      if (hi != null) {
        hi.close();
      }
      throw e;
    } finally {
      exit();
    }
  }

  void releaseSnapshot(EngineSnapshot owner, Snapshot snapshot) {
    lock.readLock().lock(); // no closed check: close() itself releases snapshots
    try {
      if (snapshots.remove(owner)) {
        db.releaseSnapshot(snapshot);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Enters an operation; pairs with {@link #exit()}. */
  void enter() {
    lock.readLock().lock();
    if (closed) {
      lock.readLock().unlock();
      throw new StorageException("store " + dir + " is closed");
    }
  }

  void exit() {
    lock.readLock().unlock();
  }

  /** Holds off {@link #close()} while a native object of this engine is being freed. */
  void enterForRelease() {
    lock.readLock().lock();
  }

  private static void closeAll(List<ColumnFamilyHandle> handles, List<AutoCloseable> owned) {
    for (ColumnFamilyHandle h : handles) {
      h.close();
    }
    for (int i = owned.size() - 1; i >= 0; i--) {
      try {
        owned.get(i).close();
      } catch (Exception e) {
        LOG.warn("closing {}: {}", owned.get(i).getClass().getSimpleName(), e.getMessage());
      }
    }
  }
}
