package io.shaledb.server.rpc;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.DefaultSelectStrategyFactory;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.SingleThreadEventLoop;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.netty.shaded.io.netty.util.concurrent.EventExecutor;
import io.grpc.netty.shaded.io.netty.util.concurrent.EventExecutorChooserFactory;
import io.grpc.netty.shaded.io.netty.util.concurrent.ThreadPerTaskExecutor;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport threads of the client-facing server: a Netty event loop group of its own, whose
 * loops are handed to new connections so that each connection gets a loop no other connection
 * uses, as long as there are at most {@code threads} connections.
 *
 * <p>Why: a connection alone on its loop can run its statements on that loop thread (see
 * {@link SerialExecutor}) instead of handing each request to a worker and each answer back. On the
 * 2-core machines this runs on, those two hand-offs (a futex wake of the worker, an eventfd wake of
 * the loop, and the scheduling behind them) cost more CPU than a short query's planning and
 * execution; running inline took about a quarter off the server's CPU per query in the
 * sqllogictest suite. A loop shared by several connections must not run statements, or one
 * connection's statement would hold up the others' I/O ({@link #connectionsOn}; the service also
 * counts the streams on each loop, since one connection may carry several).
 *
 * <p>Loop threads start lazily, when a connection is first given to them; a thread whose
 * connection closed stays parked in epoll until reused or {@link #close}. Thread-safe.
 */
public final class SessionLoops implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionLoops.class);

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final boolean epoll;
  private final List<EventExecutor> loops = new ArrayList<>();

  /**
   * @param threads event loops for client connections (threads are made only as connections
   *     arrive)
   */
  public SessionLoops(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    epoll = Epoll.isAvailable();
    Executor bossThreads =
        new ThreadPerTaskExecutor(new DefaultThreadFactory("shale-sql-accept", false));
    Executor ioThreads = new ThreadPerTaskExecutor(new DefaultThreadFactory("shale-sql-io", false));
    if (epoll) {
      boss = new EpollEventLoopGroup(1, bossThreads, DefaultSelectStrategyFactory.INSTANCE);
      workers = new EpollEventLoopGroup(threads, ioThreads, PreferIdleLoop.FACTORY,
          DefaultSelectStrategyFactory.INSTANCE);
    } else {
      boss = new NioEventLoopGroup(1, bossThreads, SelectorProvider.provider());
      workers = new NioEventLoopGroup(threads, ioThreads, PreferIdleLoop.FACTORY,
          SelectorProvider.provider(), DefaultSelectStrategyFactory.INSTANCE);
    }
    for (EventExecutor e : workers) {
      loops.add(e);
    }
  }

  /** Makes {@code builder} accept and serve connections on these loops. */
  public NettyServerBuilder configure(NettyServerBuilder builder) {
    return builder.bossEventLoopGroup(boss).workerEventLoopGroup(workers)
        .channelType(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class);
  }

  /** The loop the calling thread runs, or null if it is not one of these loops' threads. */
  EventExecutor current() {
    for (EventExecutor e : loops) {
      if (e.inEventLoop()) {
        return e;
      }
    }
    return null;
  }

  /** Connections registered on {@code loop} now. */
  static int connectionsOn(EventExecutor loop) {
    return loop instanceof SingleThreadEventLoop l ? l.registeredChannels() : Integer.MAX_VALUE;
  }

  /** Shuts the loops down, waiting up to {@code grace} for their threads to end. */
  public void close(Duration grace) {
    boss.shutdownGracefully(0, grace.toMillis(), TimeUnit.MILLISECONDS);
    workers.shutdownGracefully(0, grace.toMillis(), TimeUnit.MILLISECONDS);
    try {
      long deadline = System.nanoTime() + grace.toNanos();
      boolean done = boss.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)
          && workers.awaitTermination(Math.max(0, deadline - System.nanoTime()),
              TimeUnit.NANOSECONDS);
      if (!done) {
        LOG.warn("client transport threads still running after {}", grace);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  /**
   * Picks, in turn, the next loop that has no connection; when every loop has one, the loop with
   * the fewest. The turn advances on every pick, so connections accepted back to back get
   * different loops even before the first has finished registering on its own.
   */
  private static final class PreferIdleLoop
      implements EventExecutorChooserFactory.EventExecutorChooser {
    static final EventExecutorChooserFactory FACTORY = PreferIdleLoop::new;

    private final EventExecutor[] loops;
    private final AtomicInteger turn = new AtomicInteger();

    private PreferIdleLoop(EventExecutor[] loops) {
      this.loops = loops.clone();
    }

    @Override
    public EventExecutor next() {
      int n = loops.length;
      EventExecutor fewest = null;
      int fewestCount = Integer.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        EventExecutor e = loops[Math.floorMod(turn.getAndIncrement(), n)];
        int count = connectionsOn(e);
        if (count == 0) {
          return e;
        }
        if (count < fewestCount) {
          fewest = e;
          fewestCount = count;
        }
      }
      return fewest;
    }
  }
}
