/**
 * The Raft consensus core: one member of one Raft group as a pure, deterministic state machine.
 *
 * <pre>
 *   tick() / step(msg) / propose / readIndex / transferLeadership
 *                 │
 *            ┌────▼─────┐   ready()    ┌──────────────────────────────────────────────┐
 *            │ RaftNode │ ───────────► │ driver: 1. persist snapshot, entries, hard    │
 *            │ (pure)   │ ◄─────────── │ state  2. send messages  3. install snapshot  │
 *            └──────────┘  advance()   │ 4. apply committed  5. serve read states      │
 *                 │ reads              └──────────────────────────────────────────────┘
 *            RaftLog (snapshot + durable log after it: MemoryRaftStorage in tests,
 *                     RocksRaftStorage on disk; the application snapshots and compacts it)
 * </pre>
 *
 * <p><b>Guarantees</b> (checked after every event by the seeded simulation in the tests): at most
 * one leader per term; a committed entry is never changed and is the same on every member
 * (Log Matching); commit and applied indexes never decrease; every leader holds all committed
 * entries; an entry is committed only once durable on a majority of the voters of the leader's
 * membership; a leader is a voter of its membership unless its own removal is still uncommitted,
 * and its voters' majorities always meet those of the committed membership; a snapshot covers
 * only committed entries and the state it installs equals applying them one by one. All of this
 * holds provided the driver honours the {@link io.shaledb.replication.raft.Ready} contract:
 * persist the snapshot, entries and hard state before sending messages, install the snapshot
 * before applying committed entries, apply only committed entries; and the application
 * snapshots only applied indexes and compacts only up to its latest snapshot.
 *
 * <p><b>Threading:</b> nothing here starts threads, reads a clock or does I/O; time is ticks and
 * randomness is an injected {@link java.util.random.RandomGenerator}. Each
 * {@link io.shaledb.replication.raft.RaftNode} must be driven by one thread at a time.
 *
 * <p><b>Built:</b> elections with randomized timeouts in [T, 2T), PreVote, CheckQuorum with the
 * follower-side leader lease, log replication with conflict repair and fast back-off, per-follower
 * probe/replicate progress with an in-flight window, commit by counting only current-term
 * entries (leader no-op on election), ReadIndex confirmed by a heartbeat quorum (also from
 * followers), leadership transfer via TimeoutNow, snapshots and log compaction (the application
 * snapshots and compacts; a leader sends its latest {@link io.shaledb.replication.raft.Snapshot}
 * to a follower that needs a compacted entry, waiting in the progress SNAPSHOT state; the
 * follower installs it through its Ready), an in-memory durable log
 * ({@link io.shaledb.replication.raft.MemoryRaftStorage}), single-server membership changes with
 * learners ({@link io.shaledb.replication.raft.ConfChange} entries in force once in the log, one
 * uncommitted change at a time, only after the leader committed in its term; removal of the
 * leader itself; quorums counted over voters only, by {@code Majority}; snapshots carry the
 * membership as of their index).
 *
 * <p><b>Not built yet:</b> joint consensus (several servers changed at once), demoting a voter to
 * learner, lease-based reads, proposal forwarding, size-based flow control, chunked streaming of
 * large snapshots, async storage writes, the multi-raft store, scheduler and transports.
 */
package io.shaledb.replication.raft;
