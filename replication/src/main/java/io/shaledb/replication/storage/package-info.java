/**
 * Raft log storage in a store's RocksDB engine: the durable half of every Raft group on a node.
 *
 * <pre>
 *   RaftNode(r1).ready() ─┐                               column family RAFT
 *   RaftNode(r2).ready() ─┼─► RaftLogWriter.persist ──►  &lt;r1&gt;h &lt;r1&gt;l&lt;1&gt; &lt;r1&gt;l&lt;2&gt; … &lt;r1&gt;s &lt;r1&gt;t
 *   RaftNode(r7).ready() ─┘   one batch, ≤ 1 fsync        &lt;r2&gt;h &lt;r2&gt;l&lt;1&gt; …
 *            ▲                       │ publish
 *            └── reads ◄── RocksRaftStorage (one per group, tail cache)
 * </pre>
 *
 * <p>{@link io.shaledb.replication.storage.RocksRaftStorage} implements the core's
 * {@link io.shaledb.replication.raft.RaftLog} for one range: entries, hard state, latest snapshot
 * and truncated state under keys prefixed by the fixed-width range id (so groups sharing an engine never see
 * each other's keys). Writes are staged into a caller's batch and published after the batch is
 * written. {@link io.shaledb.replication.storage.RaftLogWriter} is that caller for a whole store:
 * it group-commits the Readys of many groups with one batch and one synced write.
 *
 * <p><b>Guarantees:</b> after {@code persist} returns, the snapshots, entries and hard states of
 * its Readys survive a crash (commit-index-only changes excepted, see the writer) and are what a
 * {@code RocksRaftStorage} opened on the same engine afterwards reads; a batch is all-or-nothing;
 * reads never see staged but unwritten state; compaction never passes the latest snapshot, and an
 * installed snapshot replaces the log (old entries deleted) in the same atomic write as the
 * entries that follow it. Values are a versioned compact binary format
 * ({@code RaftStateCodec}); undecodable state raises
 * {@link io.shaledb.replication.storage.CorruptRaftStateException}.
 *
 * <p><b>Threading:</b> not thread-safe. One thread drives a store's groups and its writer; the
 * engine itself is thread-safe and may be shared with other users (other column families).
 *
 * <p><b>Not built yet:</b> size-bounded entry reads, an async write pipeline, sideloaded large
 * entries and snapshots (a snapshot is one value in the RAFT column family, read whole).
 */
package io.shaledb.replication.storage;
