package io.shaledb.server;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.shaledb.server.rpc.SessionLimits;
import io.shaledb.server.rpc.SessionLoops;
import io.shaledb.server.rpc.SqlServiceImpl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ShaleDB node: the composition root that wires storage, transactions and SQL (a
 * {@link SqlLayer}) to the client-facing gRPC service.
 *
 * <p>Lifecycle: {@link #start} returns a serving node; {@link #close()} stops accepting clients,
 * ends open sessions (waiting up to the configured grace for running statements), then closes the
 * SQL layer. After {@code close()} the node has no threads left that keep the JVM alive.
 * Thread-safe.
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  /** Room above the statement limit for parameters and framing in one client message. */
  static final int MESSAGE_OVERHEAD_BYTES = 1 << 20;

  private final NodeConfig config;
  private final SqlLayer layer;
  private final SqlServiceImpl service;
  private final SessionLoops loops;
  private final Server server;
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean closing; // guarded by this

  private Node(NodeConfig config, SqlLayer layer, SqlServiceImpl service, SessionLoops loops,
      Server server) {
    this.config = config;
    this.layer = layer;
    this.service = service;
    this.loops = loops;
    this.server = server;
  }

  /** Starts a node over the real storage stack in {@code config.storeDir()}. */
  public static Node start(NodeConfig config) throws IOException {
    return start(config, LocalSqlLayer::open);
  }

  /**
   * Starts a node whose SQL layer {@code opener} provides.
   *
   * @throws IOException if the store cannot be opened or the address cannot be bound; nothing is
   *     left open in that case
   */
  public static Node start(NodeConfig config, SqlLayer.Opener opener) throws IOException {
    Files.createDirectories(config.storeDir());
    SqlLayer layer = opener.open(config);
    SqlServiceImpl service = null;
    SessionLoops loops = null;
    try {
      loops = new SessionLoops(config.sqlIoThreads());
      service = new SqlServiceImpl(layer.engine(),
          new SessionLimits(ShaleVersion.version(), config.maxStatementBytes()),
          config.sqlWorkers(), loops);
      Server server = loops.configure(NettyServerBuilder
          .forAddress(new InetSocketAddress(config.host(), config.port())))
          // handlers run on the transport thread: they run SQL there or hand it to the workers
          .directExecutor()
          .addService(service)
          .maxInboundMessageSize(
              (int) Math.min(Integer.MAX_VALUE,
                  (long) config.maxStatementBytes() + MESSAGE_OVERHEAD_BYTES))
          .permitKeepAliveWithoutCalls(true)
          .permitKeepAliveTime(10, TimeUnit.SECONDS)
          .build()
          .start();
      Node node = new Node(config, layer, service, loops, server);
      LOG.info("node listening on {}:{} (store {})", config.host(), node.port(),
          config.storeDir());
      return node;
    } catch (IOException | RuntimeException e) {
      if (service != null) {
        service.close(Duration.ZERO);
      }
      if (loops != null) {
        loops.close();
      }
      layer.close();
      throw e;
    }
  }

  /** The bound port (the real one when configured with port 0). */
  public int port() {
    return server.getPort();
  }

  public String host() {
    return config.host();
  }

  public NodeConfig config() {
    return config;
  }

  /** The JDBC URL of {@code database} on this node. */
  public String jdbcUrl(String database) {
    String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "jdbc:shale://" + h + ":" + port() + "/" + database;
  }

  /** Client streams currently open. */
  public int openSessions() {
    return service.openStreams();
  }

  /** Blocks until {@link #close()} has finished. */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /** Stops the node; see the class comment. Idempotent; later callers wait for the first. */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        awaitQuietly();
        return;
      }
      closing = true;
    }
    Duration grace = config.shutdownGrace();
    try {
      long t0 = System.nanoTime();
      server.shutdown(); // no new calls
      service.close(grace); // ends open streams after their running statement
      long t1 = System.nanoTime();
      boolean terminated = server.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
      LOG.debug("shutdown: sessions ended in {} ms, transport in {} ms",
          (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
      if (!terminated) {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    } finally {
      try {
        loops.close(grace);
        layer.close();
      } finally {
        LOG.info("node stopped");
        closed.countDown();
      }
    }
  }

  private void awaitQuietly() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
