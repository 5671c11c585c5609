package io.shaledb.server.rpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.shaledb.jdbc.proto.ClientMessage;
import io.shaledb.jdbc.proto.Complete;
import io.shaledb.jdbc.proto.ExecutePrepared;
import io.shaledb.jdbc.proto.HelloOk;
import io.shaledb.jdbc.proto.Prepared;
import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.jdbc.proto.SetOption;
import io.shaledb.sql.ColumnMeta;
import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.PreparedInfo;
import io.shaledb.sql.Session;
import io.shaledb.sql.SqlEngine;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.StatementResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client stream of {@code SqlService.Session}: owns that connection's {@link Session}.
 *
 * <p>Protocol: the first message must be {@code Hello}; it is answered with {@code HelloOk}, or
 * with an {@code Error} (3D000 for an unknown database, 08P01 for a first message that is not a
 * Hello) after which the stream is completed. Later requests are answered in order, each with
 * one or more messages ending in {@code Complete} or {@code Error}; errors never end the stream.
 *
 * <p>Threading: gRPC callbacks only submit work to this stream's {@link SerialExecutor}, which runs
 * it on the transport thread when this stream has that thread to itself and on the shared workers
 * otherwise; every field below except {@link #cancelled} is confined to it. Inbound flow control
 * is manual: the next client message is requested only once the previous answer has been handed
 * to gRPC, and an answer is handed over only while the transport
 * {@linkplain ServerCallStreamObserver#isReady() is ready}, so neither direction buffers without
 * bound.
 */
final class SessionStream implements StreamObserver<ClientMessage> {
  private static final Logger LOG = LoggerFactory.getLogger(SessionStream.class);
  static final String DEFAULT_DATABASE = "defaultdb";
  static final String DEFAULT_USER = "root";

  private final String id;
  private final SqlEngine engine;
  private final ServerCallStreamObserver<ServerMessage> out;
  private final SerialExecutor serial;
  private final SessionLimits limits;
  private final Runnable onEnd;

  private volatile boolean cancelled;

  // Confined to `serial`.
  private Session session;
  private String user = DEFAULT_USER;
  private Iterator<ServerMessage> pending;
  private long pendingRequestId;
  private boolean completeAfterPending;
  private boolean halfClosed;
  private boolean ended;

  SessionStream(String id, SqlEngine engine, ServerCallStreamObserver<ServerMessage> out,
      SerialExecutor serial, SessionLimits limits, Runnable onEnd) {
    this.id = id;
    this.engine = engine;
    this.out = out;
    this.serial = serial;
    this.limits = limits;
    this.onEnd = onEnd;
  }

  /** Installs flow-control and cancel handlers; must run inside the gRPC service method. */
  void start() {
    out.disableAutoRequest();
    out.setOnReadyHandler(() -> serial.execute(this::drain));
    out.setOnCancelHandler(() -> {
      cancelled = true;
      serial.execute(() -> end("client cancelled"));
    });
    out.request(1);
  }

  @Override
  public void onNext(ClientMessage message) {
    serial.execute(() -> handle(message));
  }

  @Override
  public void onError(Throwable t) {
    cancelled = true;
    serial.execute(() -> end("stream failed: " + t));
  }

  @Override
  public void onCompleted() {
    serial.execute(() -> {
      halfClosed = true;
      if (pending == null) {
        finish();
      }
    });
  }

  /** Ends the stream from the server side (node shutdown); runs on the stream's executor. */
  void shutdown() {
    serial.execute(() -> {
      if (!ended) {
        closeSession();
        ended = true;
        pending = null;
        if (!cancelled) {
          try {
            out.onError(io.grpc.Status.UNAVAILABLE.withDescription("node shutting down")
                .asRuntimeException());
          } catch (RuntimeException ignored) {
            // the call may already be closed by the transport
          }
        }
        onEnd.run();
      }
    });
  }

  /** Closes the session without going through the executor; only once no worker can run it. */
  void closeNow() {
    closeSession();
  }

  /** Whether no task of this stream is running or waiting to run. */
  boolean idle() {
    return serial.idle();
  }

  @Override
  public String toString() {
    return id;
  }

  private void handle(ClientMessage message) {
    if (ended) {
      return;
    }
    long requestId = message.getRequestId();
    Iterator<ServerMessage> answer;
    try {
      answer = dispatch(message);
    } catch (SqlError e) {
      answer = ResultStream.single(WireErrors.of(requestId, e));
    } catch (MalformedMessageException e) {
      LOG.debug("stream {}: protocol violation: {}", id, e.getMessage());
      answer = ResultStream.single(WireErrors.protocolViolation(requestId, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("stream {}: request {} failed", id, requestId, e);
      answer = ResultStream.single(WireErrors.internal(requestId, e));
    }
    pending = answer;
    pendingRequestId = requestId;
    drain();
  }

  private Iterator<ServerMessage> dispatch(ClientMessage m) {
    long rid = m.getRequestId();
    if (session == null) {
      if (m.getKindCase() != ClientMessage.KindCase.HELLO) {
        completeAfterPending = true;
        throw new MalformedMessageException(
            "the first message on a session stream must be Hello, got " + m.getKindCase());
      }
      return hello(rid, m);
    }
    switch (m.getKindCase()) {
      case HELLO:
        throw new MalformedMessageException("Hello was already received on this stream");
      case EXECUTE: {
        var e = m.getExecute();
        checkLength(e.getSql());
        StatementResult r = session.execute(e.getSql(), ValueCodec.fromWire(e.getParamsList()),
            new ExecOptions(maxRows(e.getMaxRows()), e.getReturnGeneratedKeys()));
        return new ResultStream(rid, r);
      }
      case PREPARE: {
        String sql = m.getPrepare().getSql();
        checkLength(sql);
        return ResultStream.single(prepared(rid, session.prepare(sql)));
      }
      case EXECUTE_PREPARED:
        return executePrepared(rid, m.getExecutePrepared());
      case CLOSE_PREPARED:
        session.closePrepared(m.getClosePrepared().getStatementId());
        return ResultStream.single(complete(rid, Complete.getDefaultInstance()));
      case PING:
        return ResultStream.single(complete(rid, Complete.getDefaultInstance()));
      case SET_OPTION:
        return setOption(rid, m.getSetOption());
      case KIND_NOT_SET:
      default:
        throw new MalformedMessageException("client message without a known kind");
    }
  }

  private Iterator<ServerMessage> hello(long rid, ClientMessage m) {
    var hello = m.getHello();
    String db = hello.getDatabase().isEmpty() ? DEFAULT_DATABASE : hello.getDatabase();
    user = hello.getUser().isEmpty() ? DEFAULT_USER : hello.getUser();
    try {
      session = engine.openSession(db, user);
    } catch (RuntimeException e) {
      completeAfterPending = true;
      throw e;
    }
    LOG.debug("stream {}: session opened on {} for {} ({})", id, db, user,
        hello.getClientName());
    HelloOk ok = HelloOk.newBuilder()
        .setServerVersion(limits.serverVersion())
        .setSessionId(id)
        .setDatabase(session.database())
        .setMaxStatementBytes(limits.maxStatementBytes())
        .build();
    return ResultStream.single(ServerMessage.newBuilder().setRequestId(rid).setHelloOk(ok).build());
  }

  private Iterator<ServerMessage> executePrepared(long rid, ExecutePrepared e) {
    ExecOptions options = new ExecOptions(maxRows(e.getMaxRows()), e.getReturnGeneratedKeys());
    if (e.getParamRowsCount() <= 1) {
      List<Object> params = e.getParamRowsCount() == 0 ? List.of()
          : ValueCodec.fromWire(e.getParamRows(0).getValuesList());
      return new ResultStream(rid,
          session.executePrepared(e.getStatementId(), params, options));
    }
    List<List<Object>> rows = new ArrayList<>(e.getParamRowsCount());
    for (var row : e.getParamRowsList()) {
      rows.add(ValueCodec.fromWire(row.getValuesList()));
    }
    long[] counts = session.executeBatch(e.getStatementId(), rows);
    Complete.Builder c = Complete.newBuilder();
    for (long n : counts) {
      c.addUpdateCounts(n);
    }
    return ResultStream.single(complete(rid, c.build()));
  }

  private Iterator<ServerMessage> setOption(long rid, SetOption option) {
    if (!option.getName().toLowerCase(Locale.ROOT).equals("database")) {
      throw new SqlError(SqlState.UNDEFINED_OBJECT,
          "unrecognized configuration parameter \"" + option.getName() + "\"");
    }
    Session next = engine.openSession(option.getValue(), user);
    closeSession();
    session = next;
    return ResultStream.single(complete(rid, Complete.newBuilder().setCommandTag("SET").build()));
  }

  private void checkLength(String sql) {
    int max = limits.maxStatementBytes();
    if ((long) sql.length() * 3 <= max) {
      return; // a UTF-16 char is at most 3 UTF-8 bytes (a surrogate pair, 2 chars, is 4)
    }
    int bytes = sql.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > max) {
      throw new SqlError(SqlState.PROGRAM_LIMIT_EXCEEDED,
          "statement too long: " + bytes + " bytes (the limit is " + max + ")");
    }
  }

  /** Sends as much of the pending answer as the transport accepts; then asks for the next request. */
  private void drain() {
    if (ended || pending == null) {
      return;
    }
    try {
      while (pending.hasNext()) {
        if (cancelled) {
          return;
        }
        if (!out.isReady()) {
          return; // the on-ready handler calls drain() again
        }
        out.onNext(pending.next());
      }
    } catch (RuntimeException e) {
      LOG.error("stream {}: could not encode the answer to request {}", id, pendingRequestId, e);
      out.onNext(WireErrors.internal(pendingRequestId, e));
    }
    pending = null;
    if (completeAfterPending || halfClosed) {
      finish();
    } else {
      out.request(1);
    }
  }

  /** Orderly end: the client half-closed or the handshake failed. */
  private void finish() {
    if (ended) {
      return;
    }
    ended = true;
    closeSession();
    if (!cancelled) {
      out.onCompleted();
    }
    onEnd.run();
  }

  /** Abrupt end: the client cancelled or the stream failed. */
  private void end(String why) {
    if (ended) {
      return;
    }
    LOG.debug("stream {}: ended ({})", id, why);
    ended = true;
    pending = null;
    closeSession();
    onEnd.run();
  }

  private void closeSession() {
    Session s = session;
    session = null;
    if (s != null) {
      try {
        s.close();
      } catch (RuntimeException e) {
        LOG.warn("stream {}: closing the session failed", id, e);
      }
    }
  }

  private static int maxRows(int wireMaxRows) {
    long unsigned = Integer.toUnsignedLong(wireMaxRows);
    return (int) Math.min(unsigned, Integer.MAX_VALUE);
  }

  private static ServerMessage complete(long rid, Complete c) {
    return ServerMessage.newBuilder().setRequestId(rid).setComplete(c).build();
  }

  private static ServerMessage prepared(long rid, PreparedInfo info) {
    Prepared.Builder p = Prepared.newBuilder().setStatementId(info.statementId());
    for (ColumnMeta c : info.params()) {
      p.addParams(ResultStream.columnToWire(c));
    }
    for (ColumnMeta c : info.columns()) {
      p.addColumns(ResultStream.columnToWire(c));
    }
    return ServerMessage.newBuilder().setRequestId(rid).setPrepared(p).build();
  }
}
