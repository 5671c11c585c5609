/**
 * The Raft consensus core: one member of one Raft group as a pure, deterministic state machine.
 *
 * <pre>
 *   tick() / step(msg) / propose / readIndex / transferLeadership
 *                 │
 *            ┌────▼─────┐   ready()    ┌──────────────────────────────────────────┐
 *            │ RaftNode │ ───────────► │ driver: 1. persist entries + hard state   │
 *            │ (pure)   │ ◄─────────── │ 2. send messages  3. apply committed      │
 *            └──────────┘  advance()   │ 4. serve read states                      │
 *                 │ reads              └──────────────────────────────────────────┘
 *            RaftLog (durable prefix: MemoryRaftStorage in tests, RocksRaftStorage on disk)
 * </pre>
 *
 * <p><b>Guarantees</b> (checked after every event by the seeded simulation in the tests): at most
 * one leader per term; a committed entry is never changed and is the same on every member
 * (Log Matching); commit and applied indexes never decrease; every leader holds all committed
 * entries; an entry is committed only once durable on a majority of the voters of the leader's
 * membership; a leader is a voter of its membership unless its own removal is still uncommitted,
 * and its voters' majorities always meet those of the committed membership. All of this holds provided
 * the driver honours the {@link io.shaledb.replication.raft.Ready} contract: persist entries and
 * hard state before sending messages, apply only committed entries.
 *
 * <p><b>Threading:</b> nothing here starts threads, reads a clock or does I/O; time is ticks and
 * randomness is an injected {@link java.util.random.RandomGenerator}. Each
 * {@link io.shaledb.replication.raft.RaftNode} must be driven by one thread at a time.
 *
 * <p><b>Built:</b> elections with randomized timeouts in [T, 2T), PreVote, CheckQuorum with the
 * follower-side leader lease, log replication with conflict repair and fast back-off, per-follower
 * probe/replicate progress with an in-flight window, commit by counting only current-term
 * entries (leader no-op on election), ReadIndex confirmed by a heartbeat quorum (also from
 * followers), leadership transfer via TimeoutNow, an in-memory durable log
 * ({@link io.shaledb.replication.raft.MemoryRaftStorage}), single-server membership changes with
 * learners ({@link io.shaledb.replication.raft.ConfChange} entries in force once in the log, one
 * uncommitted change at a time, only after the leader committed in its term; removal of the
 * leader itself; quorums counted over voters only, by {@code Majority}).
 *
 * <p><b>Not built yet:</b> joint consensus (several servers changed at once), demoting a voter to
 * learner, snapshots and log compaction (the RocksDB-backed log in {@code io.shaledb.replication.storage} can drop a prefix,
 * but the core still assumes the whole log is readable), lease-based reads, proposal forwarding,
 * size-based flow control, async storage writes, the multi-raft store, scheduler and transports.
 */
package io.shaledb.replication.raft;
