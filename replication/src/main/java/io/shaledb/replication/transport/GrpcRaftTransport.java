package io.shaledb.replication.transport;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.shaledb.replication.raft.NodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link RaftTransport}: a gRPC server for the batches addressed to this store
 * and, per peer, one long-lived client stream ({@code RaftTransportService.Stream} in
 * {@code raft_transport.proto}) carrying this store's batches to it.
 *
 * <pre>
 *   send(batch) ──► PeerStream(to) queue ──flush on send thread──► WireFrame ══gRPC══►
 *       ══► peer's server ──inbound thread──► decode ──► peer's InboundHandler
 * </pre>
 *
 * <p><b>Guarantees.</b> {@link #send} never blocks and never throws for a down or unknown peer:
 * it appends to that peer's bounded queue (see {@link PeerStream} for coalescing, flow control,
 * overflow and reconnect). Batches on one stream arrive whole and in send order; a broken
 * stream loses what was written to it, and a full queue drops per
 * {@link GrpcTransportConfig#overflow()}, both counted in {@link #stats()}.
 *
 * <p><b>Threads</b> (all created by {@link #listen}, all named {@code raft-grpc-<self>-…}, all
 * stopped by {@link #close()}): {@code ioThreads} Netty event-loop threads shared by the server
 * and every peer channel; one send thread that encodes, writes and reconnects for all peers and
 * runs their stream callbacks; one inbound thread that decodes and calls the handler, so the
 * handler is never called concurrently and sees each peer's batches in order. No gRPC shared
 * pools are used, so after {@code close()} returns no thread of this transport remains.
 *
 * <p>One transport serves one store: {@link #listen} once, then send batches whose
 * {@code from} is that store.
 */
public final class GrpcRaftTransport implements RaftTransport {
    private static final Logger LOG = LoggerFactory.getLogger(GrpcRaftTransport.class);
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private final GrpcTransportConfig config;
    private final PeerResolver resolver;
    private final GrpcTransportStats.Counters counters = new GrpcTransportStats.Counters();
    private final Map<NodeId, PeerStream> peers = new ConcurrentHashMap<>();

    private final Object lifecycle = new Object();
    // Written under lifecycle before self is published; read after reading self.
    private EventLoopGroup ioGroup;
    private ScheduledThreadPoolExecutor sendThread;
    private ExecutorService inboundThread;
    private Server server;
    private volatile NodeId self;
    private volatile boolean closed;

    public GrpcRaftTransport(GrpcTransportConfig config, PeerResolver resolver) {
        this.config = Objects.requireNonNull(config, "config");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Binds the server to {@code config.host():config.port()} and starts the transport's threads.
     *
     * @throws IllegalStateException if this transport already listens or is closed
     * @throws UncheckedIOException  if the address cannot be bound
     */
    @Override
    public void listen(NodeId node, InboundHandler handler) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(handler, "handler");
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("transport is closed");
            }
            if (self != null) {
                throw new IllegalStateException("this transport already listens as " + self);
            }
            String prefix = "raft-grpc-" + node;
            ioGroup = new NioEventLoopGroup(config.ioThreads(),
                    new DefaultThreadFactory(prefix + "-io", true));
            sendThread = new ScheduledThreadPoolExecutor(1, named(prefix + "-send"));
            sendThread.setRemoveOnCancelPolicy(true);
            inboundThread = Executors.newSingleThreadExecutor(named(prefix + "-inbound"));
            server = NettyServerBuilder
                    .forAddress(new InetSocketAddress(config.host(), config.port()))
                    .bossEventLoopGroup(ioGroup)
                    .workerEventLoopGroup(ioGroup)
                    .channelType(NioServerSocketChannel.class)
                    .executor(inboundThread)
                    .maxInboundMessageSize(config.maxMessageBytes())
                    .permitKeepAliveTime(5, TimeUnit.SECONDS)
                    .addService(new InboundStreamService(node, handler, counters))
                    .build();
            try {
                server.start();
            } catch (IOException e) {
                stopAll(List.of());
                throw new UncheckedIOException("cannot bind " + config.host() + ":"
                        + config.port() + " for " + node, e);
            }
            self = node;
            LOG.info("{}: raft transport listening on {}", node, address());
        }
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Where this transport listens (the real port when configured with 0). */
    public PeerAddress address() {
        synchronized (lifecycle) {
            if (server == null) {
                throw new IllegalStateException("not listening");
            }
            return new PeerAddress(config.host(), server.getPort());
        }
    }

    /**
     * Queues {@code batch} for its receiver; see the class guarantees. Ignored after close.
     *
     * @throws IllegalStateException    if {@link #listen} was not called
     * @throws IllegalArgumentException if {@code batch.from()} is not this transport's store
     */
    @Override
    public void send(RaftBatch batch) {
        NodeId me = self;
        if (closed) {
            return;
        }
        if (me == null) {
            throw new IllegalStateException("listen before sending");
        }
        if (!batch.from().equals(me)) {
            throw new IllegalArgumentException("this transport sends for " + me + ", not "
                    + batch.from());
        }
        peers.computeIfAbsent(batch.to(), peer -> new PeerStream(me, peer, config, resolver,
                sendThread, ioGroup, counters)).enqueue(batch);
    }

    /** Batches waiting in the send queue for {@code peer}. */
    public int queuedFor(NodeId peer) {
        PeerStream p = peers.get(peer);
        return p == null ? 0 : p.queued();
    }

    public GrpcTransportStats stats() {
        return counters.snapshot();
    }

    /**
     * Stops the server (failing inbound streams), cancels every peer stream, shuts the channels
     * down and stops every thread this transport started, waiting for each. Queued batches are
     * discarded. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (server == null) {
                return;
            }
            server.shutdownNow();
            List<ManagedChannel> channels = new ArrayList<>();
            try {
                sendThread.submit(() -> {
                    for (PeerStream p : peers.values()) {
                        ManagedChannel c = p.shutDown();
                        if (c != null) {
                            channels.add(c);
                        }
                    }
                }).get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("{}: stopping peer streams failed", self, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopAll(channels);
            LOG.info("{}: raft transport closed; {}", self, counters.snapshot());
        }
    }

    /** Awaits the channels and the server, then stops executors and event loops, in that order. */
    private void stopAll(List<ManagedChannel> channels) {
        boolean interrupted = false;
        try {
            for (ManagedChannel c : channels) {
                c.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            if (server != null) {
                server.shutdownNow();
                server.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        for (ExecutorService e : new ExecutorService[] {sendThread, inboundThread}) {
            e.shutdownNow();
            try {
                if (!e.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("a raft transport executor did not stop in time");
                }
            } catch (InterruptedException ie) {
                interrupted = true;
            }
        }
        if (!ioGroup.shutdownGracefully(0, STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(2 * STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn("raft transport event loops did not stop in time");
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
