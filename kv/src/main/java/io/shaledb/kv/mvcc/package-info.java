/**
 * Multi-version concurrency control over the storage engine.
 *
 * <p>Each write adds a version of a user key at a {@link io.shaledb.kv.Timestamp}; deletes add a
 * tombstone version. {@link io.shaledb.kv.mvcc.MvccKeys} lays versions out so that the versions of
 * one key are contiguous and newest first:
 *
 * <pre>
 *   "a"  @9  -> 0x01 "x2"      escaped("a") 00 01 ~9 ~0
 *   "a"  @5  -> 0x01 "x1"      escaped("a") 00 01 ~5 ~0
 *   "a\0"@7  -> 0x00 (deleted) escaped("a\0") 00 01 ~7 ~0    (sorts after every "a" version)
 *   "ab" @3  -> 0x01 ""        escaped("ab") 00 01 ~3 ~0
 * </pre>
 *
 * <p>{@link io.shaledb.kv.mvcc.Mvcc} reads at a timestamp (newest version at or below it, tombstones
 * hide) and appends versions to batches; {@link io.shaledb.kv.mvcc.MvccValues} distinguishes a
 * tombstone from an empty value by a header byte. Intents, locks, conditional puts and GC are not
 * here yet. Everything is stateless and thread-safe; readers are engines or snapshots wrapped by
 * {@link io.shaledb.kv.mvcc.MvccReader#of}.
 */
package io.shaledb.kv.mvcc;
