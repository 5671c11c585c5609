/**
 * The multi-raft store: one node's replicas of many ranges, driven by a small worker pool.
 *
 * <pre>
 *  ticker ──tick()──┐   transport ──onBatch──┐   clients ──propose/readIndex──┐
 *                   ▼                         ▼                                ▼
 *           replica mailboxes (lock-free queues) + pending tick counts; enqueue(range)
 *                                     │
 *                         RaftScheduler (a range is in at most one pass)
 *                   ┌─────────────────┴─────────────────┐
 *               worker 1                             worker 2        (WorkerPoolScheduler)
 *   one pass over a batch of ranges:
 *     1 step messages, proposals, reads; tick (or quiesce) each range; collect Readys
 *     2 RaftLogWriter.persist(all Readys)          one batch, at most one fsync
 *     3 send all messages: one RaftBatch per peer store
 *     4 apply committed entries to each ReplicaStateMachine, complete futures, advance
 * </pre>
 *
 * <p><b>Threading.</b> {@link io.shaledb.replication.store.Store}'s public methods are
 * thread-safe. Each replica's Raft node, log storage, state machine and pending requests are
 * touched only by the worker processing it, and the {@link io.shaledb.replication.store.RaftScheduler}
 * guarantees a range is processed by at most one thread at a time (a range enqueued while being
 * processed is processed again afterwards). Other threads only append to a replica's mailbox,
 * bump its tick count and enqueue it. Futures complete on worker threads. The
 * {@link io.shaledb.replication.store.DeterministicScheduler} runs the same passes on the
 * caller's thread for simulations; time there is whatever calls {@code tick()}.
 *
 * <p><b>Time.</b> {@code Store.tick()} is called by a ticker ({@code startTicker}: a daemon thread
 * with a fixed delay) or by a simulation. Ticks a replica accumulates while it waits for a worker
 * are coalesced into one Raft tick, so an overloaded store slows its Raft clock down rather than
 * firing elections at groups it merely fell behind on.
 *
 * <p><b>Durability and order.</b> Per pass: persist, then send, then apply, then advance, as
 * {@link io.shaledb.replication.raft.Ready} requires. Replicas are recorded in column family
 * LOCAL so a reopened store recreates them from their persisted Raft state; state machines are
 * rebuilt by replaying committed entries above their own applied index.
 *
 * <p><b>Quiescence.</b> Idle groups cost nothing per tick. On a tick, a leader whose group is
 * idle (no pending proposals or reads) and fully replicated (last index = commit = applied =
 * each live follower's match index) sends each follower a final heartbeat marked quiesce and
 * stops ticking; a follower that the heartbeat leaves at the leader's commit index in the same
 * term stops ticking too. Any other message, proposal or read wakes a replica (heartbeat
 * responses do not, so the final heartbeat's answer keeps the leader asleep). Stores send each
 * peer an empty batch every heartbeat interval; a store that hears nothing from a peer for an
 * election timeout wakes its groups quiesced under a leader on that peer, which then elect.
 * Heartbeats of groups that are not quiesced travel to each peer together in that pass's batch.
 *
 * <p><b>Errors.</b> {@link io.shaledb.replication.store.NotLeaderException} (retry at the hint),
 * {@link io.shaledb.replication.store.ProposalSupersededException} (never applied),
 * {@link io.shaledb.replication.store.ProposalOutcomeUnknownException} (covered by a snapshot),
 * {@link io.shaledb.replication.store.ReplicaUnavailableException} (removed, closed, failed:
 * outcome unknown). A failed log write stops the store (it processes nothing more).
 *
 * <p><b>Snapshots and log truncation.</b> After applying, a replica whose applied index is more
 * than {@code StoreConfig.snapshotEntries} past its latest snapshot records a snapshot of its
 * state machine at the applied index (with the core's membership for it) and compacts its log in
 * the same unsynced write (a crash keeps both or neither),
 * keeping {@code snapshotKeepTail} entries below the snapshot so briefly lagging followers still
 * catch up from the log. A leader sends the snapshot to a follower that needs a compacted entry;
 * the follower's pass persists it (group commit), sends, restores the state machine from it,
 * and only then applies the entries after it. Proposals pending at indexes a received snapshot
 * covers fail with {@link io.shaledb.replication.store.ProposalOutcomeUnknownException}. A
 * reopened store restores each state machine from the replica's snapshot (unless it already
 * holds more) and replays the log after it. When a store declares a peer dead, the groups it
 * leads are told the peer is unreachable, so they stop streaming (or waiting for a snapshot
 * acknowledgement) and probe it again.
 *
 * <p><b>Membership changes.</b> {@code Store.changeReplicas} proposes one single-server change
 * (add a learner, promote it, remove a member) at the leader and completes once it is applied.
 * A store joins a group through an explicit {@code createReplica} with the group's initial
 * membership (the base the logged changes apply to); it is then caught up from the log or by
 * snapshot, whose membership is the core's applied membership. A replica that applies its own
 * removal (typically a leader removing itself) destroys itself an election timeout later,
 * deleting its Raft state and record; a removed follower, which the leader stops replicating
 * to, is removed from its store with {@code removeReplica}. A leader quiesces by its voters'
 * match indexes only: a lagging learner of an idle group waits for the next write.
 *
 * <p><b>Not built yet:</b> replicas created automatically on the first message for a range,
 * automatic garbage collection of removed followers, proposal forwarding, leases, snapshots
 * streamed in chunks (a snapshot travels as one message).
 */
package io.shaledb.replication.store;
