package io.shaledb.replication.store;

/**
 * Counters of one store since it opened (a snapshot; each value is exact, the set is not atomic).
 *
 * @param raftTicks        ticks delivered to Raft nodes (one per non-quiesced replica per tick)
 * @param quiesces         times a replica stopped ticking
 * @param wakes            times a quiesced replica resumed ticking
 * @param messagesSent     Raft messages sent to peers
 * @param batchesSent      non-empty batches sent (one per peer per processing pass)
 * @param emptyBatchesSent store liveness heartbeats sent
 * @param messagesReceived Raft messages received for a replica of this store
 * @param messagesDropped  messages received for no replica here (or addressed to another node)
 * @param passes           processing passes (batches of ranges run by the scheduler)
 * @param readiesPersisted Raft Readys handed to group commits
 * @param syncedWrites     synced engine writes of those group commits
 * @param replicas         replicas on the store now
 * @param activeReplicas   replicas ticking now (not quiesced)
 * @param snapshotsTaken   snapshots this store's replicas took of their state machines (each followed by a compaction)
 * @param snapshotsInstalled snapshots received from leaders and restored into state machines
 */
public record StoreStats(long raftTicks, long quiesces, long wakes, long messagesSent, long batchesSent,
                         long emptyBatchesSent, long messagesReceived, long messagesDropped, long passes,
                         long readiesPersisted, long syncedWrites, int replicas, int activeReplicas,
                         long snapshotsTaken, long snapshotsInstalled) {
}
