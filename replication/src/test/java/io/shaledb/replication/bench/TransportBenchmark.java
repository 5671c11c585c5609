package io.shaledb.replication.bench;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.RaftMessage;
import io.shaledb.replication.transport.GrpcRaftTransport;
import io.shaledb.replication.transport.GrpcTransportConfig;
import io.shaledb.replication.transport.GrpcTransportStats;
import io.shaledb.replication.transport.PeerAddress;
import io.shaledb.replication.transport.RaftBatch;
import io.shaledb.replication.transport.RaftEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Throughput of {@link GrpcRaftTransport} between two transports on loopback in one JVM: one
 * sender thread pushing batches to one peer with at most {@code window} batches unacknowledged
 * (so the bounded send queue never overflows), measured after a warm-up. Two shapes: batches of
 * AppendEntries (one entry of {@code payloadBytes} each) and batches of heartbeats. Prints
 * batches/s, messages/s, payload MB/s and batches per frame (coalescing). Arguments:
 * {@code [batches=100000] [messagesPerBatch=16] [payloadBytes=64] [window=1024]}; run with
 * {@code bench/raft.sh transport}.
 */
public final class TransportBenchmark {
    private static final NodeId SENDER = NodeId.of(1);
    private static final NodeId RECEIVER = NodeId.of(2);

    private TransportBenchmark() {
    }

    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perBatch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int payload = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int window = args.length > 3 ? Integer.parseInt(args[3]) : 1024;
        System.out.printf(Locale.ROOT, "%d batches of %d messages, %d-byte entries, window %d,"
                + " %d CPUs%n", batches, perBatch, payload, window,
                Runtime.getRuntime().availableProcessors());
        Map<NodeId, PeerAddress> directory = new ConcurrentHashMap<>();
        LongAdder receivedBatches = new LongAdder();
        GrpcTransportConfig config = GrpcTransportConfig.defaults();
        try (GrpcRaftTransport sender = new GrpcRaftTransport(config,
                     n -> Optional.ofNullable(directory.get(n)));
             GrpcRaftTransport receiver = new GrpcRaftTransport(config,
                     n -> Optional.ofNullable(directory.get(n)))) {
            sender.listen(SENDER, b -> { });
            receiver.listen(RECEIVER, b -> receivedBatches.increment());
            directory.put(SENDER, sender.address());
            directory.put(RECEIVER, receiver.address());

            RaftBatch appends = appendBatch(perBatch, payload);
            RaftBatch heartbeats = heartbeatBatch(perBatch);
            run(sender, receivedBatches, appends, Math.max(1, batches / 5), window); // warm-up
            report("append   ", sender, receivedBatches, appends, batches, window, payload);
            report("heartbeat", sender, receivedBatches, heartbeats, batches, window, 0);
        }
    }

    private static RaftBatch appendBatch(int messages, int payload) {
        List<RaftEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            LogEntry entry = new LogEntry(5, 1000 + i, EntryType.COMMAND, new byte[payload]);
            envelopes.add(RaftEnvelope.of(RangeId.of(i + 1), new RaftMessage.AppendEntries(
                    SENDER, RECEIVER, 5, 999 + i, 5, List.of(entry), 990 + i)));
        }
        return new RaftBatch(SENDER, RECEIVER, envelopes);
    }

    private static RaftBatch heartbeatBatch(int messages) {
        List<RaftEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            envelopes.add(RaftEnvelope.of(RangeId.of(i + 1),
                    new RaftMessage.Heartbeat(SENDER, RECEIVER, 5, 990 + i, 0)));
        }
        return new RaftBatch(SENDER, RECEIVER, envelopes);
    }

    /** Sends {@code count} copies of {@code batch}, windowed; returns seconds until all arrived. */
    private static double run(GrpcRaftTransport sender, LongAdder received, RaftBatch batch,
                              int count, int window) {
        long base = received.sum();
        long start = System.nanoTime();
        for (int sent = 0; sent < count; sent++) {
            while (sent - (received.sum() - base) >= window) {
                LockSupport.parkNanos(20_000);
            }
            sender.send(batch);
        }
        while (received.sum() - base < count) {
            LockSupport.parkNanos(20_000);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(String label, GrpcRaftTransport sender, LongAdder received,
                               RaftBatch batch, int count, int window, int payload) {
        GrpcTransportStats before = sender.stats();
        double seconds = run(sender, received, batch, count, window);
        GrpcTransportStats after = sender.stats();
        long messages = (long) count * batch.messages().size();
        long frames = after.framesSent() - before.framesSent();
        System.out.printf(Locale.ROOT, "%s: %.2f s, %.0f batches/s, %.0f messages/s, %.1f MB/s"
                        + " payload, %.1f batches/frame, %d dropped%n",
                label, seconds, count / seconds, messages / seconds,
                messages * (double) payload / seconds / 1e6, (double) count / Math.max(1, frames),
                after.droppedOverflow() - before.droppedOverflow());
    }
}
