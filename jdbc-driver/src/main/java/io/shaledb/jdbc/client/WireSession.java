package io.shaledb.jdbc.client;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.shaledb.jdbc.proto.ClientMessage;
import io.shaledb.jdbc.proto.ClosePrepared;
import io.shaledb.jdbc.proto.ColumnMeta;
import io.shaledb.jdbc.proto.Execute;
import io.shaledb.jdbc.proto.ExecutePrepared;
import io.shaledb.jdbc.proto.Hello;
import io.shaledb.jdbc.proto.HelloOk;
import io.shaledb.jdbc.proto.ParamRow;
import io.shaledb.jdbc.proto.Ping;
import io.shaledb.jdbc.proto.Prepare;
import io.shaledb.jdbc.proto.SetOption;
import io.shaledb.jdbc.proto.SqlServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client session: one gRPC channel and one {@code SqlService.Session} stream to one server.
 *
 * <p>Requests are sent one at a time; each call blocks until that request's terminal message
 * ({@code Complete}, {@code Error}, {@code HelloOk} or {@code Prepared}) arrives, a deadline
 * expires, or the stream fails. Deadlines:
 *
 * <ul>
 *   <li>the per-call timeout (JDBC query timeout) fails only that call with 57014; the session
 *       stays usable and the late answer is discarded by request id;
 *   <li>the network timeout ({@link #setNetworkTimeoutMillis}) is the longest silence tolerated
 *       while waiting; when it expires the session is closed (JDBC semantics) and 57014 is thrown.
 * </ul>
 *
 * <p>A failed or ended stream closes the session; every later call throws 08006 (or 08003 after
 * {@link #close}).
 */
public final class WireSession implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WireSession.class.getName());
  private static final int MAX_INBOUND_MESSAGE_BYTES = 64 << 20;
  private static final long CLOSE_GRACE_MILLIS = 500;

  private final HostAddress address;
  private final ManagedChannel channel;
  private final InboundQueue inbound = new InboundQueue();
  private final Object sendLock = new Object();
  private final StreamObserver<ClientMessage> requests; // guarded by sendLock

  /** Serialises requests; guards lastRequestId. */
  private final ReentrantLock requestLock = new ReentrantLock();

  private long lastRequestId;
  private volatile long inFlightRequestId;
  private volatile long networkTimeoutMillis;

  /** Non-null once the session is unusable; thrown (as a copy) by every later call. */
  private volatile WireException failure;

  private volatile ServerInfo serverInfo;

  private WireSession(HostAddress address, String userAgent) {
    this.address = address;
    this.channel =
        NettyChannelBuilder.forAddress(address.host(), address.port())
            .usePlaintext()
            .directExecutor()
            .userAgent(userAgent)
            .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
            .build();
    this.requests = SqlServiceGrpc.newStub(channel).session(inbound.observer());
  }

  /**
   * Connects to the first host that answers Hello, trying them in order.
   *
   * @throws WireException 08001 when no host answered; the server's error (e.g. 3D000, 28000) when
   *     a host answered Hello with an Error (no further hosts are tried then)
   */
  public static WireSession connect(List<HostAddress> hosts, SessionSettings settings)
      throws WireException {
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    for (HostAddress host : hosts) {
      long budget = settings.connectTimeoutMillis();
      if (settings.loginTimeoutMillis() > 0) {
        long left = settings.loginTimeoutMillis() - (System.nanoTime() - start) / 1_000_000;
        if (left <= 0) {
          failures.add(host + ": login timeout expired");
          break;
        }
        budget = budget > 0 ? Math.min(budget, left) : left;
      }
      try {
        return open(host, settings, budget);
      } catch (WireException e) {
        if (!isUnreachable(e)) {
          throw e;
        }
        LOG.log(Level.FINE, "host {0} unavailable: {1}", new Object[] {host, e.getMessage()});
        failures.add(host + ": " + e.getMessage());
      }
    }
    throw new WireException(
        WireException.UNABLE_TO_CONNECT,
        "could not connect to any server: " + String.join("; ", failures),
        0,
        null,
        null,
        true,
        null);
  }

  private static boolean isUnreachable(WireException e) {
    return e.sqlState().startsWith("08") || e.sqlState().equals(WireException.QUERY_CANCELED);
  }

  /** Opens a session to one host and performs Hello within {@code timeoutMillis} (0 = none). */
  static WireSession open(HostAddress host, SessionSettings settings, long timeoutMillis)
      throws WireException {
    WireSession session = new WireSession(host, settings.clientName());
    try {
      Hello hello =
          Hello.newBuilder()
              .setDatabase(settings.database())
              .setUser(settings.user())
              .setClientName(settings.clientName())
              .putAllProperties(settings.properties())
              .build();
      Reply reply = session.call(ClientMessage.newBuilder().setHello(hello), timeoutMillis);
      HelloOk ok = reply.helloOk;
      if (ok == null) {
        throw WireException.sessionLost(
            WireException.PROTOCOL_VIOLATION, "server did not answer Hello with HelloOk", null);
      }
      String db = ok.getDatabase().isEmpty() ? settings.database() : ok.getDatabase();
      session.serverInfo =
          new ServerInfo(
              ok.getServerVersion(),
              ok.getSessionId(),
              db,
              ok.getMaxStatementBytes(),
              host.toString());
      LOG.log(Level.FINE, "session {0} open to {1}", new Object[] {ok.getSessionId(), host});
      return session;
    } catch (WireException | RuntimeException e) {
      session.abort();
      throw e;
    }
  }

  /** What the server said in HelloOk. */
  public ServerInfo serverInfo() {
    return serverInfo;
  }

  /** The host this session is connected to. */
  public HostAddress address() {
    return address;
  }

  /** Longest tolerated silence while waiting for an answer; 0 = wait forever. */
  public void setNetworkTimeoutMillis(long millis) {
    this.networkTimeoutMillis = Math.max(0, millis);
  }

  public long networkTimeoutMillis() {
    return networkTimeoutMillis;
  }

  /** Whether the session can still be used. */
  public boolean isOpen() {
    return failure == null;
  }

  /**
   * Runs one statement.
   *
   * @param params canonical Java values, one per {@code ?}
   * @param maxRows row limit, 0 = unlimited
   * @param timeoutMillis per-call deadline, 0 = none
   */
  public ExecutionResult execute(
      String sql, List<Object> params, int maxRows, boolean returnGeneratedKeys, long timeoutMillis)
      throws WireException {
    Execute.Builder execute =
        Execute.newBuilder()
            .setSql(sql)
            .setMaxRows(Math.max(0, maxRows))
            .setReturnGeneratedKeys(returnGeneratedKeys);
    for (Object p : params) {
      execute.addParams(toWire(p));
    }
    return call(ClientMessage.newBuilder().setExecute(execute), timeoutMillis).toExecutionResult();
  }

  /** Parses and plans a statement once on the server. */
  public PreparedDescription prepare(String sql, long timeoutMillis) throws WireException {
    Reply reply =
        call(
            ClientMessage.newBuilder().setPrepare(Prepare.newBuilder().setSql(sql)), timeoutMillis);
    if (reply.prepared == null) {
      throw WireException.of(WireException.PROTOCOL_VIOLATION, "server did not answer Prepare");
    }
    var p = reply.prepared;
    return new PreparedDescription(
        p.getStatementId(), describe(p.getParamsList()), describe(p.getColumnsList()));
  }

  /**
   * Executes a prepared statement once per parameter row (more than one row = a batch, answered
   * with one update count per row).
   */
  public ExecutionResult executePrepared(
      long statementId,
      List<List<Object>> paramRows,
      int maxRows,
      boolean returnGeneratedKeys,
      long timeoutMillis)
      throws WireException {
    ExecutePrepared.Builder ep =
        ExecutePrepared.newBuilder()
            .setStatementId(statementId)
            .setMaxRows(Math.max(0, maxRows))
            .setReturnGeneratedKeys(returnGeneratedKeys);
    for (List<Object> row : paramRows) {
      ParamRow.Builder pr = ParamRow.newBuilder();
      for (Object v : row) {
        pr.addValues(toWire(v));
      }
      ep.addParamRows(pr);
    }
    return call(ClientMessage.newBuilder().setExecutePrepared(ep), timeoutMillis)
        .toExecutionResult();
  }

  /** Releases a prepared statement on the server. */
  public void closePrepared(long statementId, long timeoutMillis) throws WireException {
    call(
        ClientMessage.newBuilder()
            .setClosePrepared(ClosePrepared.newBuilder().setStatementId(statementId)),
        timeoutMillis);
  }

  /** Sets a session option on the server (e.g. "database"). */
  public void setOption(String name, String value, long timeoutMillis) throws WireException {
    call(
        ClientMessage.newBuilder()
            .setSetOption(SetOption.newBuilder().setName(name).setValue(value)),
        timeoutMillis);
  }

  /**
   * Round trip to the server.
   *
   * @return false if the session is closed, the stream failed or no answer came in time
   */
  public boolean ping(long timeoutMillis) {
    if (!isOpen()) {
      return false;
    }
    try {
      call(ClientMessage.newBuilder().setPing(Ping.getDefaultInstance()), timeoutMillis);
      return true;
    } catch (WireException e) {
      LOG.log(Level.FINE, "ping failed: {0}", e.getMessage());
      return isOpen() && !e.sqlState().startsWith("08") && !e.sqlState().equals("57014");
    }
  }

  /**
   * Stops waiting for the request in flight, if any: that call fails with 57014 and its late answer
   * is discarded. The server still finishes the statement. Callable from any thread.
   */
  public void cancelCurrentRequest() {
    long id = inFlightRequestId;
    if (id != 0) {
      inbound.cancel(id);
    }
  }

  /** Ends the stream politely and shuts the channel down. Idempotent. */
  @Override
  public void close() {
    if (!markFailed(
        WireException.sessionLost(
            WireException.CONNECTION_DOES_NOT_EXIST, "the connection is closed", null))) {
      return;
    }
    synchronized (sendLock) {
      try {
        requests.onCompleted();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "ending stream failed", e);
      }
    }
    channel.shutdown();
    try {
      if (!channel.awaitTermination(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.shutdownNow();
    }
  }

  /** Closes immediately: cancels the stream and any waiting request. Idempotent. */
  public void abort() {
    markFailed(
        WireException.sessionLost(
            WireException.CONNECTION_DOES_NOT_EXIST, "the connection is closed", null));
    channel.shutdownNow();
  }

  private boolean markFailed(WireException e) {
    synchronized (this) {
      if (failure != null) {
        return false;
      }
      failure = e;
      return true;
    }
  }

  /** Records a fatal failure, tears the channel down and returns the exception to throw. */
  private WireException lose(WireException e) {
    if (markFailed(e)) {
      LOG.log(Level.FINE, "session to " + address + " lost: " + e.getMessage(), e.getCause());
      channel.shutdownNow();
      return e;
    }
    return copyOfFailure();
  }

  private WireException copyOfFailure() {
    WireException f = failure;
    return new WireException(f.sqlState(), f.getMessage(), 0, null, null, true, f.getCause());
  }

  private Reply call(ClientMessage.Builder request, long timeoutMillis) throws WireException {
    requestLock.lock();
    try {
      if (failure != null) {
        throw copyOfFailure();
      }
      long id = ++lastRequestId;
      inFlightRequestId = id;
      try {
        synchronized (sendLock) {
          requests.onNext(request.setRequestId(id).build());
        }
      } catch (RuntimeException e) {
        throw lose(
            WireException.sessionLost(
                WireException.CONNECTION_FAILURE,
                "connection to server lost: " + e.getMessage(),
                e));
      }
      return await(id, timeoutMillis);
    } finally {
      inFlightRequestId = 0;
      requestLock.unlock();
    }
  }

  private Reply await(long id, long timeoutMillis) throws WireException {
    long now = System.nanoTime();
    long netMillis = networkTimeoutMillis;
    long queryDeadline = timeoutMillis > 0 ? now + timeoutMillis * 1_000_000 : Long.MAX_VALUE;
    long netDeadline = netMillis > 0 ? now + netMillis * 1_000_000 : Long.MAX_VALUE;
    Reply reply = new Reply();
    while (true) {
      InboundQueue.Event event;
      try {
        event = inbound.next(Math.min(queryDeadline, netDeadline));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw WireException.of(
            WireException.QUERY_CANCELED, "interrupted while waiting for the server");
      }
      if (event == null) {
        if (netDeadline <= queryDeadline) {
          throw lose(
              WireException.sessionLost(
                  WireException.QUERY_CANCELED,
                  "network timeout of "
                      + netMillis
                      + " ms expired waiting for the server; the connection is closed",
                  null));
        }
        throw WireException.of(
            WireException.QUERY_CANCELED, "canceling statement due to statement timeout");
      }
      if (event instanceof InboundQueue.Cancelled c) {
        if (c.requestId() == id) {
          throw WireException.of(
              WireException.QUERY_CANCELED, "canceling statement due to user request");
        }
        continue;
      }
      if (event instanceof InboundQueue.Failed f) {
        Status status = Status.fromThrowable(f.cause());
        throw lose(
            WireException.sessionLost(
                WireException.CONNECTION_FAILURE,
                "connection to server "
                    + address
                    + " lost: "
                    + status.getCode()
                    + (status.getDescription() == null ? "" : ": " + status.getDescription()),
                f.cause()));
      }
      if (event instanceof InboundQueue.Ended) {
        throw lose(
            WireException.sessionLost(
                WireException.CONNECTION_FAILURE,
                "server " + address + " closed the session",
                null));
      }
      var message = ((InboundQueue.Received) event).message();
      long rid = message.getRequestId();
      if (rid != 0 && rid < id) {
        continue; // the answer to an abandoned (timed-out or cancelled) request
      }
      if (rid > id) {
        throw lose(
            WireException.sessionLost(
                WireException.PROTOCOL_VIOLATION,
                "server answered request " + rid + " while request " + id + " was in flight",
                null));
      }
      if (netMillis > 0) {
        netDeadline = System.nanoTime() + netMillis * 1_000_000;
      }
      if (reply.accept(message)) {
        return reply;
      }
    }
  }

  private static io.shaledb.jdbc.proto.Value toWire(Object v) throws WireException {
    try {
      return WireValues.toWire(v);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw WireException.of("22023", e.getMessage());
    }
  }

  static List<ColumnDescription> describe(List<ColumnMeta> metas) {
    List<ColumnDescription> out = new ArrayList<>(metas.size());
    for (ColumnMeta m : metas) {
      out.add(
          new ColumnDescription(
              m.getName(),
              m.getTableName(),
              m.getJdbcType(),
              m.getTypeName(),
              m.getPrecision(),
              m.getScale(),
              m.getNullable()));
    }
    return out;
  }
}
