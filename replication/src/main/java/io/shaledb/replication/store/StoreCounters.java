package io.shaledb.replication.store;

import java.util.concurrent.atomic.LongAdder;

/** Event counters of one store, updated by any thread; read through {@link StoreStats}. */
final class StoreCounters {
    final LongAdder raftTicks = new LongAdder();
    final LongAdder quiesces = new LongAdder();
    final LongAdder wakes = new LongAdder();
    final LongAdder messagesSent = new LongAdder();
    final LongAdder batchesSent = new LongAdder();
    final LongAdder emptyBatchesSent = new LongAdder();
    final LongAdder messagesReceived = new LongAdder();
    final LongAdder messagesDropped = new LongAdder();
    final LongAdder passes = new LongAdder();
    final LongAdder readiesPersisted = new LongAdder();
    final LongAdder snapshotsTaken = new LongAdder();
    final LongAdder snapshotsInstalled = new LongAdder();
}
