package io.shaledb.replication.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one {@link GrpcRaftTransport} since it started.
 *
 * @param batchesQueued     batches accepted by {@code send} into a per-peer queue
 * @param batchesSent       batches written to a peer stream
 * @param messagesSent      envelopes in those batches
 * @param framesSent        frames (one per flush) written; batches/frames is the coalescing
 * @param batchesReceived   batches handed to the inbound handler
 * @param messagesReceived  envelopes in those batches
 * @param droppedOverflow   batches given up because a send queue was full
 * @param droppedOversized  batches whose encoding exceeded the message limit
 * @param connects          peer streams that became ready
 * @param connectFailures   failed attempts and broken streams (unknown peer, refused, reset)
 * @param rejectedInbound   inbound streams failed for a malformed or misaddressed batch
 * @param handlerFailures   inbound handler calls that threw
 */
public record GrpcTransportStats(long batchesQueued, long batchesSent, long messagesSent,
                                 long framesSent, long batchesReceived, long messagesReceived,
                                 long droppedOverflow, long droppedOversized, long connects,
                                 long connectFailures, long rejectedInbound,
                                 long handlerFailures) {

    /** The live counters behind the snapshots; incremented from any transport thread. */
    static final class Counters {
        final LongAdder batchesQueued = new LongAdder();
        final LongAdder batchesSent = new LongAdder();
        final LongAdder messagesSent = new LongAdder();
        final LongAdder framesSent = new LongAdder();
        final LongAdder batchesReceived = new LongAdder();
        final LongAdder messagesReceived = new LongAdder();
        final LongAdder droppedOverflow = new LongAdder();
        final LongAdder droppedOversized = new LongAdder();
        final LongAdder connects = new LongAdder();
        final LongAdder connectFailures = new LongAdder();
        final LongAdder rejectedInbound = new LongAdder();
        final LongAdder handlerFailures = new LongAdder();

        GrpcTransportStats snapshot() {
            return new GrpcTransportStats(batchesQueued.sum(), batchesSent.sum(),
                    messagesSent.sum(), framesSent.sum(), batchesReceived.sum(),
                    messagesReceived.sum(), droppedOverflow.sum(), droppedOversized.sum(),
                    connects.sum(), connectFailures.sum(), rejectedInbound.sum(),
                    handlerFailures.sum());
        }
    }
}
