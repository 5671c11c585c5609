package io.shaledb.server.rpc;

import io.grpc.netty.shaded.io.netty.util.concurrent.EventExecutor;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.shaledb.jdbc.proto.ClientMessage;
import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.jdbc.proto.SqlServiceGrpc;
import io.shaledb.sql.SqlEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-facing gRPC service: one {@link SessionStream} per {@code Session} call.
 *
 * <p>Each stream serializes its own work through a {@link SerialExecutor}. A stream that is the
 * only one on its transport thread (one of {@link SessionLoops}' loops, with no other connection)
 * runs its statements on that thread; any other stream's work goes to a fixed pool of
 * {@code workers} threads shared by all, where it has at most one task in the queue.
 * {@link #close()} ends every open stream, closes its session and stops the pool. Thread-safe.
 */
public final class SqlServiceImpl extends SqlServiceGrpc.SqlServiceImplBase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqlServiceImpl.class);

  private final SqlEngine engine;
  private final SessionLimits limits;
  private final ThreadPoolExecutor pool;
  private final SessionLoops loops;
  private final Map<EventExecutor, AtomicInteger> streamsPerLoop = new ConcurrentHashMap<>();
  private final Set<SessionStream> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong nextSessionId = new AtomicLong(1);

  /**
   * A service whose statements all run on the worker pool.
   *
   * @param workers threads that run SQL for all streams together
   */
  public SqlServiceImpl(SqlEngine engine, SessionLimits limits, int workers) {
    this(engine, limits, workers, null);
  }

  /**
   * @param workers threads that run SQL for the streams that share a transport thread
   * @param loops the transport threads of the server this service is added to, or null (then
   *     every statement runs on the pool)
   */
  public SqlServiceImpl(SqlEngine engine, SessionLimits limits, int workers, SessionLoops loops) {
    if (workers <= 0) {
      throw new IllegalArgumentException("workers must be positive: " + workers);
    }
    this.engine = engine;
    this.limits = limits;
    this.loops = loops;
    this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), namedThreads("shale-sql-worker-"));
  }

  @Override
  public StreamObserver<ClientMessage> session(StreamObserver<ServerMessage> responseObserver) {
    var out = (ServerCallStreamObserver<ServerMessage>) responseObserver;
    String id = Long.toString(nextSessionId.getAndIncrement());
    SessionStream[] self = new SessionStream[1];
    // gRPC runs this on the transport thread that serves the call (the server uses a direct
    // executor), so this finds the call's loop.
    EventExecutor loop = loops == null ? null : loops.current();
    SerialExecutor serial;
    Runnable onEnd;
    if (loop == null) {
      serial = new SerialExecutor(pool);
      onEnd = () -> open.remove(self[0]);
    } else {
      AtomicInteger onLoop = streamsPerLoop.computeIfAbsent(loop, l -> new AtomicInteger());
      onLoop.incrementAndGet();
      serial = new SerialExecutor(pool, () -> loop.inEventLoop() && onLoop.get() == 1
          && SessionLoops.connectionsOn(loop) == 1);
      onEnd = () -> {
        if (open.remove(self[0])) {
          onLoop.decrementAndGet();
        }
      };
    }
    SessionStream stream = new SessionStream(id, engine, out, serial, limits, onEnd);
    self[0] = stream;
    open.add(stream);
    stream.start();
    return stream;
  }

  private boolean anyBusy() {
    for (SessionStream s : open) {
      if (!s.idle()) {
        return true;
      }
    }
    return false;
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
    // No worker runs any more. A stream whose statement runs on its transport thread ends there
    // once the statement returns; the others left had their shutdown task dropped and are closed
    // here, unless still busy.
    long deadline = System.nanoTime() + grace.toNanos();
    while (anyBusy() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    for (SessionStream s : new ArrayList<>(open)) {
      if (s.idle()) {
        s.closeNow();
        open.remove(s);
      } else {
        LOG.error("session stream {} still running a statement; leaving its session open", s);
      }
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
