/**
 * The storage engine: one RocksDB instance per store with the column families of {@link
 * io.shaledb.kv.storage.ColumnFamily} (MVCC data, locks and intents, Raft log and state,
 * node-local metadata), ordered by RocksDB's native bytewise comparator.
 *
 * <pre>
 *   Engine ──newBatch()──▶ EngineBatch ──write(batch, sync)──▶ atomic, optionally fsynced
 *     │ get / newIterator(cf, lo, hi)          (latest state)
 *     └ snapshot() ──▶ EngineSnapshot ── get / newIterator   (fixed point in time)
 * </pre>
 *
 * <p>Guarantees: a batch is applied atomically (all or nothing, also across a crash); a synced
 * write is durable when {@code write} returns; a snapshot sees exactly the writes that completed
 * before it was taken; iterators honour their bounds in both directions. Every RocksDB object is
 * owned by exactly one Java object and freed by its {@code close()}; closing the {@link
 * io.shaledb.kv.storage.Engine} also frees leftover iterators and snapshots. RocksDB errors become
 * {@link io.shaledb.kv.storage.StorageException} ({@link io.shaledb.kv.storage.NoSpaceException}
 * for a full disk, SQLSTATE 53100 at the SQL edge).
 *
 * <p>Tests only: an engine opened with {@link io.shaledb.kv.storage.Engine#openJournaled} carries
 * an {@link io.shaledb.kv.storage.UnsyncedWriteJournal}, a power-failure model that can undo a
 * suffix of the writes made since the last synced one (the unsynced tail of the WAL).
 *
 * <p>Threading: {@code Engine} and {@code EngineSnapshot} are thread-safe; {@code EngineBatch} and
 * {@code EngineIterator} are used by one thread at a time.
 */
package io.shaledb.kv.storage;
