/**
 * Single-node transactions directly over one storage engine, the first {@link
 * io.shaledb.txn.TxnFactory} (walking skeleton; replaced by intent-based distributed transactions
 * later).
 *
 * <p><b>Isolation:</b> snapshot isolation with first-committer-wins. A transaction reads the MVCC
 * state at its read timestamp plus its own buffered writes (kept in a sorted map, overlaid on
 * every get and scan; deletes hide). At commit, every written key whose newest version (tombstones
 * included) is above the read timestamp makes the commit fail with {@code
 * TransactionRetryException(WRITE_WRITE_CONFLICT)}; otherwise all writes become versions at one
 * fresh commit timestamp in one atomic {@code EngineBatch} (fsynced if {@code syncCommits}).
 * Read-only and empty transactions write nothing.
 *
 * <p><b>Visibility rule and how it holds:</b> a transaction that begins after a commit returned
 * sees it, and no reader ever reads at a timestamp at or above the commit timestamp of a batch not
 * yet written. We chose a lock over a watermark: one read-write lock per factory, whose read side
 * guards read-timestamp allocation in {@code begin()} and whose write side guards, for one commit,
 * the conflict check, the commit-timestamp allocation and the batch write. Both timestamps come
 * from the same strictly increasing hybrid clock, so every read timestamp is either allocated
 * before a commit's critical section (hence below its commit timestamp, and the versions stay
 * invisible to that reader) or after it (hence the batch is already in the engine). Reads
 * therefore need no engine snapshot: the versions at or below a read timestamp never change.
 * Cost: {@code begin()} waits while a commit writes (and fsyncs); commits are serialized.
 *
 * <p><b>Clock across restarts:</b> every commit batch also records its commit timestamp under one
 * key of the node-local column family; a factory created over an existing store forwards the
 * clock past it, so new transactions never read below earlier commits even if the physical clock
 * went backwards across the restart.
 *
 * <p><b>Limits:</b> keys must be non-empty and at most {@value
 * io.shaledb.txn.local.LocalTxnFactory#MAX_KEY_BYTES} bytes, values at most {@value
 * io.shaledb.txn.local.LocalTxnFactory#MAX_VALUE_BYTES} bytes; larger ones throw {@link
 * io.shaledb.txn.KvLimitException}.
 *
 * <p><b>Threading:</b> the factory is thread-safe; a transaction is used by one thread at a time.
 */
package io.shaledb.txn.local;
