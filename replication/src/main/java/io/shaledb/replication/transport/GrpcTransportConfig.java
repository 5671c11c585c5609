package io.shaledb.replication.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link GrpcRaftTransport}.
 *
 * @param host             address the server binds to
 * @param port             port the server binds to; 0 picks a free one
 * @param sendQueueBatches capacity of each per-peer send queue, in batches, {@code >= 1}
 * @param overflow         which batch a full queue gives up
 * @param minBackoff       delay before the first reconnect after a failure, {@code > 0}
 * @param maxBackoff       cap of the doubling reconnect delay, {@code >= minBackoff}
 * @param maxMessageBytes  largest frame either side accepts; a single batch whose encoding
 *                         exceeds it (minus framing slack) is dropped and counted
 * @param frameBytes       a flush coalesces queued batches into one frame until it reaches this
 *                         size (the first batch always goes), {@code <= maxMessageBytes}
 * @param ioThreads        Netty event-loop threads shared by the server and all peer channels
 * @param keepAlive        HTTP/2 ping interval on idle peer connections, {@code >= 10s}
 */
public record GrpcTransportConfig(String host, int port, int sendQueueBatches,
                                  OverflowPolicy overflow, Duration minBackoff,
                                  Duration maxBackoff, int maxMessageBytes, int frameBytes,
                                  int ioThreads, Duration keepAlive) {
    /** What a full per-peer send queue does with one more batch. */
    public enum OverflowPolicy {
        /** Evict the oldest queued batch (newer Raft state supersedes older). */
        DROP_OLDEST,
        /** Refuse the new batch. */
        DROP_NEWEST
    }

    public GrpcTransportConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(overflow, "overflow");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (sendQueueBatches < 1) {
            throw new IllegalArgumentException("sendQueueBatches must be >= 1: " + sendQueueBatches);
        }
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < minBackoff <= maxBackoff: " + minBackoff
                    + ", " + maxBackoff);
        }
        if (maxMessageBytes < 64 * 1024 || frameBytes < 1 || frameBytes > maxMessageBytes) {
            throw new IllegalArgumentException("need 64 KiB <= maxMessageBytes, 0 < frameBytes"
                    + " <= maxMessageBytes: " + maxMessageBytes + ", " + frameBytes);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be >= 1: " + ioThreads);
        }
        if (keepAlive.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("keepAlive must be >= 10s: " + keepAlive);
        }
    }

    /**
     * Loopback, a free port, 4096 batches per peer dropping the oldest, backoff 50 ms to 2 s,
     * 64 MiB messages, 4 MiB frames, 2 I/O threads, 30 s keep-alive.
     */
    public static GrpcTransportConfig defaults() {
        return new GrpcTransportConfig("127.0.0.1", 0, 4096, OverflowPolicy.DROP_OLDEST,
                Duration.ofMillis(50), Duration.ofSeconds(2), 64 << 20, 4 << 20, 2,
                Duration.ofSeconds(30));
    }

    public GrpcTransportConfig withAddress(String newHost, int newPort) {
        return new GrpcTransportConfig(newHost, newPort, sendQueueBatches, overflow, minBackoff,
                maxBackoff, maxMessageBytes, frameBytes, ioThreads, keepAlive);
    }

    public GrpcTransportConfig withSendQueue(int batches, OverflowPolicy policy) {
        return new GrpcTransportConfig(host, port, batches, policy, minBackoff, maxBackoff,
                maxMessageBytes, frameBytes, ioThreads, keepAlive);
    }

    public GrpcTransportConfig withBackoff(Duration min, Duration max) {
        return new GrpcTransportConfig(host, port, sendQueueBatches, overflow, min, max,
                maxMessageBytes, frameBytes, ioThreads, keepAlive);
    }

    public GrpcTransportConfig withMessageLimits(int newMaxMessageBytes, int newFrameBytes) {
        return new GrpcTransportConfig(host, port, sendQueueBatches, overflow, minBackoff,
                maxBackoff, newMaxMessageBytes, newFrameBytes, ioThreads, keepAlive);
    }
}
