package io.shaledb.replication.transport;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.transport.proto.RaftTransportServiceGrpc;
import io.shaledb.replication.transport.proto.WireBatch;
import io.shaledb.replication.transport.proto.WireFrame;
import io.shaledb.replication.transport.proto.WireStreamSummary;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending side of one ordered node pair: a bounded queue of batches and the one long-lived
 * client stream that drains it.
 *
 * <p><b>Flow.</b> {@link #enqueue} (any thread) appends to the queue, evicting per the overflow
 * policy when full, and schedules a flush on the transport's send thread unless one is pending.
 * A flush connects if there is no stream (after the backoff has passed), else, while the stream
 * is ready (gRPC flow control), coalesces queued batches into one {@link WireFrame} of up to
 * {@code frameBytes} and writes it. The stream's readiness callback schedules the next flush,
 * so a slow peer leaves batches in the bounded queue rather than in unbounded gRPC buffers.
 * When the stream fails, the batches written to it are lost (best effort); the queue is kept and
 * a reconnect is attempted after a backoff that doubles from {@code minBackoff} up to
 * {@code maxBackoff}; it starts afresh only after a stream stayed up for {@code maxBackoff}, so
 * a peer that accepts and then rejects streams is not hammered. The peer's address is resolved
 * again on every attempt.
 *
 * <p><b>Threading.</b> The queue and {@code flushScheduled} are guarded by {@code queueLock};
 * every other field is confined to the single send thread, which is also the executor of the
 * peer's gRPC channel, so stream callbacks run there too.
 */
final class PeerStream {
    private static final Logger LOG = LoggerFactory.getLogger(PeerStream.class);
    /** Room for the frame's own tags and lengths around the batches. */
    private static final int FRAMING_SLACK = 1024;

    private final NodeId self;
    private final NodeId peer;
    private final GrpcTransportConfig config;
    private final PeerResolver resolver;
    private final ScheduledExecutorService sendThread;
    private final EventLoopGroup ioGroup;
    private final GrpcTransportStats.Counters counters;

    private final Object queueLock = new Object();
    // Guarded by queueLock.
    private final ArrayDeque<RaftBatch> queue = new ArrayDeque<>();
    private boolean flushScheduled;

    // Confined to sendThread.
    private ManagedChannel channel;
    private PeerAddress channelAddress;
    private Attempt current;
    /** A batch drained but not fitting the last frame; goes first in the next one. */
    private WireBatch carried;
    private long backoffNanos;
    private long retryAtNanos;
    private boolean retryScheduled;
    private int failuresSinceReady;
    private long readySinceNanos;
    private boolean closed;

    PeerStream(NodeId self, NodeId peer, GrpcTransportConfig config, PeerResolver resolver,
               ScheduledExecutorService sendThread, EventLoopGroup ioGroup,
               GrpcTransportStats.Counters counters) {
        this.self = self;
        this.peer = peer;
        this.config = config;
        this.resolver = resolver;
        this.sendThread = sendThread;
        this.ioGroup = ioGroup;
        this.counters = counters;
        this.retryAtNanos = System.nanoTime();
    }

    /** Queues {@code batch}; never blocks. */
    void enqueue(RaftBatch batch) {
        boolean schedule;
        synchronized (queueLock) {
            if (queue.size() >= config.sendQueueBatches()) {
                counters.droppedOverflow.increment();
                if (config.overflow() == GrpcTransportConfig.OverflowPolicy.DROP_NEWEST) {
                    return;
                }
                queue.pollFirst();
            }
            queue.addLast(batch);
            counters.batchesQueued.increment();
            schedule = !flushScheduled;
            flushScheduled = true;
        }
        if (schedule) {
            runOnSendThread(this::flush);
        }
    }

    /** Batches waiting in the queue. */
    int queued() {
        synchronized (queueLock) {
            return queue.size();
        }
    }

    private void runOnSendThread(Runnable task) {
        try {
            sendThread.execute(task);
        } catch (RejectedExecutionException e) {
            // The transport is closing; the batch is dropped like any undeliverable one.
        }
    }

    private boolean hasWork() {
        if (carried != null) {
            return true;
        }
        synchronized (queueLock) {
            return !queue.isEmpty();
        }
    }

    private void flush() {
        synchronized (queueLock) {
            flushScheduled = false;
        }
        if (closed) {
            return;
        }
        Attempt a = current;
        if (a == null) {
            if (!hasWork() || retryScheduled) {
                return;
            }
            long wait = retryAtNanos - System.nanoTime();
            if (wait > 0) {
                scheduleRetry(wait);
            } else {
                connect();
            }
            return;
        }
        if (!a.ready) {
            return; // the stream's first onReady flushes
        }
        while (a == current && a.requests.isReady()) {
            WireFrame frame = nextFrame();
            if (frame == null) {
                return;
            }
            try {
                a.requests.onNext(frame);
            } catch (RuntimeException e) {
                onBroken(a, e);
                return;
            }
            counters.framesSent.increment();
        }
    }

    /** Coalesces queued batches into one frame, or returns null if there are none. */
    private WireFrame nextFrame() {
        WireFrame.Builder frame = WireFrame.newBuilder();
        long bytes = 0;
        long messages = 0;
        while (bytes < config.frameBytes()) {
            WireBatch wire = carried;
            carried = null;
            if (wire == null) {
                RaftBatch batch;
                synchronized (queueLock) {
                    batch = queue.pollFirst();
                }
                if (batch == null) {
                    break;
                }
                wire = RaftWireCodec.encode(batch);
                if (wire.getSerializedSize() > config.maxMessageBytes() - FRAMING_SLACK) {
                    counters.droppedOversized.increment();
                    LOG.warn("{} -> {}: dropping a batch of {} bytes, over the {}-byte limit",
                            self, peer, wire.getSerializedSize(), config.maxMessageBytes());
                    continue;
                }
            }
            int size = wire.getSerializedSize() + 6; // field tag and length prefix
            if (frame.getBatchesCount() > 0 && bytes + size > config.frameBytes()) {
                carried = wire;
                break;
            }
            frame.addBatches(wire);
            bytes += size;
            messages += wire.getEnvelopesCount();
        }
        if (frame.getBatchesCount() == 0) {
            return null;
        }
        counters.batchesSent.add(frame.getBatchesCount());
        counters.messagesSent.add(messages);
        return frame.build();
    }

    private void connect() {
        Optional<PeerAddress> address;
        try {
            address = resolver.resolve(peer);
        } catch (RuntimeException e) {
            LOG.warn("{}: resolving {} failed", self, peer, e);
            address = Optional.empty();
        }
        if (address.isEmpty()) {
            failed(null, "no address known");
            return;
        }
        if (channel == null || !address.get().equals(channelAddress)) {
            if (channel != null) {
                channel.shutdownNow();
            }
            channelAddress = address.get();
            channel = NettyChannelBuilder
                    .forAddress(new InetSocketAddress(channelAddress.host(), channelAddress.port()))
                    .eventLoopGroup(ioGroup)
                    .channelType(NioSocketChannel.class)
                    .executor(sendThread)
                    .offloadExecutor(sendThread)
                    .usePlaintext()
                    .disableRetry() // a retry buffer would hold stream messages beyond our queue
                    .keepAliveTime(config.keepAlive().toNanos(), TimeUnit.NANOSECONDS)
                    .keepAliveTimeout(10, TimeUnit.SECONDS)
                    .build();
        } else {
            channel.resetConnectBackoff(); // our backoff already waited; do not add gRPC's
        }
        Attempt a = new Attempt();
        current = a;
        try {
            RaftTransportServiceGrpc.newStub(channel).stream(a);
        } catch (RuntimeException e) {
            onBroken(a, e);
        }
    }

    private void onReady(Attempt a) {
        if (a != current || closed) {
            return;
        }
        if (!a.ready) {
            a.ready = true;
            counters.connects.increment();
            if (failuresSinceReady > 0) {
                LOG.info("{} -> {}: connected to {} after {} failed attempts", self, peer,
                        channelAddress, failuresSinceReady);
            }
            failuresSinceReady = 0;
            readySinceNanos = System.nanoTime();
        }
        flush();
    }

    private void onBroken(Attempt a, Throwable cause) {
        if (a != current) {
            return;
        }
        current = null;
        if (closed) {
            return;
        }
        failed(a, cause == null ? "closed by peer" : cause.toString());
    }

    /** Records a failed attempt or broken stream and schedules the next attempt. */
    private void failed(Attempt a, String reason) {
        counters.connectFailures.increment();
        if (a != null && a.ready) {
            LOG.info("{} -> {}: stream to {} broke: {}", self, peer, channelAddress, reason);
        } else if (failuresSinceReady == 0) {
            LOG.info("{} -> {}: cannot reach {}: {}", self, peer, channelAddress, reason);
        } else {
            LOG.debug("{} -> {}: attempt {} failed: {}", self, peer, failuresSinceReady, reason);
        }
        failuresSinceReady++;
        long now = System.nanoTime();
        if (a != null && a.ready && now - readySinceNanos >= config.maxBackoff().toNanos()) {
            backoffNanos = 0; // the stream was healthy for a while: start the backoff afresh
        }
        long min = config.minBackoff().toNanos();
        backoffNanos = backoffNanos == 0 ? min
                : Math.min(backoffNanos * 2, config.maxBackoff().toNanos());
        retryAtNanos = now + backoffNanos;
        if (hasWork()) {
            scheduleRetry(backoffNanos);
        }
    }

    private void scheduleRetry(long delayNanos) {
        if (retryScheduled) {
            return;
        }
        retryScheduled = true;
        try {
            sendThread.schedule(() -> {
                retryScheduled = false;
                flush();
            }, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            retryScheduled = false;
        }
    }

    /**
     * Send thread only: cancels the stream and shuts the channel down (not awaited).
     *
     * @return the channel to await, or null if none was ever built
     */
    ManagedChannel shutDown() {
        closed = true;
        if (current != null) {
            current.requests.cancel("transport closing", null);
            current = null;
        }
        if (channel != null) {
            channel.shutdownNow();
        }
        return channel;
    }

    /** One stream attempt; callbacks run on the send thread (the channel's executor). */
    private final class Attempt implements ClientResponseObserver<WireFrame, WireStreamSummary> {
        private ClientCallStreamObserver<WireFrame> requests;
        private boolean ready;

        @Override
        public void beforeStart(ClientCallStreamObserver<WireFrame> requestStream) {
            requests = requestStream;
            requestStream.setOnReadyHandler(() -> onReady(this));
        }

        @Override
        public void onNext(WireStreamSummary summary) {
            // Only sent when we half-close, which we never do; nothing to act on.
        }

        @Override
        public void onError(Throwable t) {
            onBroken(this, t);
        }

        @Override
        public void onCompleted() {
            onBroken(this, null);
        }
    }
}
