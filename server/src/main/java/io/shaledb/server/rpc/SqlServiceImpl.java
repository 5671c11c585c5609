package io.shaledb.server.rpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.shaledb.jdbc.proto.ClientMessage;
import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.jdbc.proto.SqlServiceGrpc;
import io.shaledb.sql.SqlEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-facing gRPC service: one {@link SessionStream} per {@code Session} call.
 *
 * <p>SQL runs on a fixed pool of {@code workers} threads shared by all streams (never on the gRPC
 * transport threads); each stream serializes its own work through a {@link SerialExecutor}, so a
 * stream has at most one task in the pool's queue. {@link #close()} ends every open stream,
 * closes its session and stops the pool. Thread-safe.
 */
public final class SqlServiceImpl extends SqlServiceGrpc.SqlServiceImplBase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqlServiceImpl.class);

  private final SqlEngine engine;
  private final SessionLimits limits;
  private final ThreadPoolExecutor pool;
  private final Set<SessionStream> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong nextSessionId = new AtomicLong(1);

  /**
   * @param workers threads that run SQL for all streams together
   */
  public SqlServiceImpl(SqlEngine engine, SessionLimits limits, int workers) {
    if (workers <= 0) {
      throw new IllegalArgumentException("workers must be positive: " + workers);
    }
    this.engine = engine;
    this.limits = limits;
    this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), namedThreads("shale-sql-worker-"));
  }

  @Override
  public StreamObserver<ClientMessage> session(StreamObserver<ServerMessage> responseObserver) {
    var out = (ServerCallStreamObserver<ServerMessage>) responseObserver;
    String id = Long.toString(nextSessionId.getAndIncrement());
    SessionStream[] self = new SessionStream[1];
    SessionStream stream = new SessionStream(id, engine, out, new SerialExecutor(pool), limits,
        () -> open.remove(self[0]));
    self[0] = stream;
    open.add(stream);
    stream.start();
    return stream;
  }

  /** Streams currently open (for tests and status). */
  public int openStreams() {
    return open.size();
  }

  /**
   * Ends all streams, closing their sessions, and stops the worker pool, waiting at most
   * {@code grace} for running statements to finish.
   */
  public void close(Duration grace) {
    List<SessionStream> streams = new ArrayList<>(open);
    for (SessionStream s : streams) {
      s.shutdown();
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("SQL workers still busy after {}; interrupting them", grace);
        pool.shutdownNow();
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
          LOG.error("SQL workers did not stop; leaving {} session(s) open", open.size());
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
      return;
    }
    // No worker runs any more: sessions whose shutdown task was dropped are closed here.
    for (SessionStream s : new ArrayList<>(open)) {
      s.closeNow();
      open.remove(s);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  private static ThreadFactory namedThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(false);
      return t;
    };
  }
}
