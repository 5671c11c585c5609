package io.shaledb.jdbc;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.shaledb.jdbc.client.WireValues;
import io.shaledb.jdbc.proto.ClientMessage;
import io.shaledb.jdbc.proto.ColumnMeta;
import io.shaledb.jdbc.proto.Complete;
import io.shaledb.jdbc.proto.Hello;
import io.shaledb.jdbc.proto.HelloOk;
import io.shaledb.jdbc.proto.ParamRow;
import io.shaledb.jdbc.proto.Prepared;
import io.shaledb.jdbc.proto.ResultHeader;
import io.shaledb.jdbc.proto.Row;
import io.shaledb.jdbc.proto.RowBatch;
import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.jdbc.proto.SqlServiceGrpc;
import io.shaledb.jdbc.proto.Value;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A fake ShaleDB server for driver tests: a real gRPC server on 127.0.0.1:0 whose SqlService
 * answers from a script ({@link #on}) instead of running SQL. Each session handles its requests in
 * order on its own thread, like the real server.
 */
final class FakeShaleServer implements AutoCloseable {
  /** One statement execution as the fake sees it. */
  record Call(String sql, List<Object> params, int maxRows, boolean returnGeneratedKeys) {}

  /** What the fake answers to a call. */
  record Answer(
      List<ColumnMeta> columns,
      List<List<Object>> rows,
      long updateCount,
      String errorState,
      String errorMessage,
      int errorPosition,
      String behavior,
      CountDownLatch gate,
      List<ColumnMeta> keyColumns,
      List<List<Object>> keyRows) {
    static Answer rows(List<ColumnMeta> columns, List<List<Object>> rows) {
      return new Answer(columns, rows, -1, null, null, 0, null, null, null, null);
    }

    static Answer update(long count) {
      return new Answer(null, null, count, null, null, 0, null, null, null, null);
    }

    static Answer error(String state, String message, int position) {
      return new Answer(null, null, 0, state, message, position, null, null, null, null);
    }

    /** Never answers. */
    static Answer hang() {
      return new Answer(null, null, 0, null, null, 0, "hang", null, null, null);
    }

    /** Stops the whole server without answering (the client sees the stream fail). */
    static Answer killServer() {
      return new Answer(null, null, 0, null, null, 0, "kill", null, null, null);
    }

    /** Fails this session's stream with UNAVAILABLE. */
    static Answer failStream() {
      return new Answer(null, null, 0, null, null, 0, "fail", null, null, null);
    }

    /** This answer, sent only once {@code gate} opens. */
    Answer after(CountDownLatch gate) {
      return new Answer(
          columns,
          rows,
          updateCount,
          errorState,
          errorMessage,
          errorPosition,
          behavior,
          gate,
          keyColumns,
          keyRows);
    }

    Answer withKeys(List<ColumnMeta> cols, List<List<Object>> keys) {
      return new Answer(
          columns,
          rows,
          updateCount,
          errorState,
          errorMessage,
          errorPosition,
          behavior,
          gate,
          cols,
          keys);
    }
  }

  static ColumnMeta col(String name, int jdbcType, String typeName) {
    return ColumnMeta.newBuilder()
        .setName(name)
        .setJdbcType(jdbcType)
        .setTypeName(typeName)
        .setNullable(true)
        .build();
  }

  private final Server server;
  private final Map<String, Function<Call, Answer>> script = new ConcurrentHashMap<>();
  private final Map<String, Prepared> preparedShapes = new ConcurrentHashMap<>();
  private final Map<Long, String> preparedSql = new ConcurrentHashMap<>();
  private final AtomicLong nextStatementId = new AtomicLong(100);
  final List<ClientMessage> received = new CopyOnWriteArrayList<>();
  final List<Hello> hellos = new CopyOnWriteArrayList<>();
  final AtomicInteger sessionsStarted = new AtomicInteger();
  final AtomicInteger sessionsEnded = new AtomicInteger();
  final AtomicInteger liveSessions = new AtomicInteger();
  final AtomicInteger maxLiveSessions = new AtomicInteger();
  volatile String helloErrorState;
  volatile String serverVersion = "0.1.0";
  volatile int rowsPerBatch = 2;

  private FakeShaleServer() throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new Service())
            .build()
            .start();
  }

  static FakeShaleServer start() throws IOException {
    return new FakeShaleServer();
  }

  int port() {
    return server.getPort();
  }

  String url() {
    return "jdbc:shale://127.0.0.1:" + port() + "/defaultdb";
  }

  /** Answers {@code sql} (exact text) with {@code responder}. */
  FakeShaleServer on(String sql, Function<Call, Answer> responder) {
    script.put(sql, responder);
    return this;
  }

  FakeShaleServer on(String sql, Answer answer) {
    return on(sql, call -> answer);
  }

  /** Parameter and result metadata Prepare will report for {@code sql}. */
  FakeShaleServer prepared(String sql, List<ColumnMeta> params, List<ColumnMeta> columns) {
    preparedShapes.put(
        sql, Prepared.newBuilder().addAllParams(params).addAllColumns(columns).build());
    return this;
  }

  List<ClientMessage> received(ClientMessage.KindCase kind) {
    List<ClientMessage> out = new ArrayList<>();
    for (ClientMessage m : received) {
      if (m.getKindCase() == kind) {
        out.add(m);
      }
    }
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  private Answer answer(Call call) {
    Function<Call, Answer> f = script.get(call.sql());
    if (f == null) {
      return Answer.error("42601", "fake server has no script for: " + call.sql(), 1);
    }
    return f.apply(call);
  }

  private static List<Object> decode(List<Value> values) {
    List<Object> out = new ArrayList<>();
    for (Value v : values) {
      out.add(WireValues.fromWire(v));
    }
    return out;
  }

  private static Row row(List<Object> values) {
    Row.Builder r = Row.newBuilder();
    for (Object v : values) {
      r.addValues(WireValues.toWire(v));
    }
    return r.build();
  }

  private final class Service extends SqlServiceGrpc.SqlServiceImplBase {
    @Override
    public StreamObserver<ClientMessage> session(StreamObserver<ServerMessage> out) {
      sessionsStarted.incrementAndGet();
      maxLiveSessions.accumulateAndGet(liveSessions.incrementAndGet(), Math::max);
      ExecutorService worker =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "fake-session");
                t.setDaemon(true);
                return t;
              });
      return new StreamObserver<>() {
        private boolean ended;

        @Override
        public void onNext(ClientMessage m) {
          received.add(m);
          worker.execute(() -> handle(m, out));
        }

        @Override
        public void onError(Throwable t) {
          end();
        }

        @Override
        public void onCompleted() {
          worker.execute(
              () -> {
                try {
                  out.onCompleted();
                } catch (RuntimeException ignored) {
                  // already cancelled
                }
              });
          end();
        }

        private synchronized void end() {
          if (!ended) {
            ended = true;
            liveSessions.decrementAndGet();
            sessionsEnded.incrementAndGet();
            worker.shutdown();
          }
        }
      };
    }

    private void handle(ClientMessage m, StreamObserver<ServerMessage> out) {
      long id = m.getRequestId();
      ServerMessage.Builder reply = ServerMessage.newBuilder().setRequestId(id);
      try {
        switch (m.getKindCase()) {
          case HELLO -> {
            hellos.add(m.getHello());
            if (helloErrorState != null) {
              out.onNext(
                  reply
                      .setError(
                          io.shaledb.jdbc.proto.Error.newBuilder()
                              .setSqlstate(helloErrorState)
                              .setMessage(
                                  "database \"" + m.getHello().getDatabase() + "\" does not exist"))
                      .build());
            } else {
              out.onNext(
                  reply
                      .setHelloOk(
                          HelloOk.newBuilder()
                              .setServerVersion(serverVersion)
                              .setSessionId("s" + sessionsStarted.get())
                              .setDatabase(m.getHello().getDatabase())
                              .setMaxStatementBytes(1 << 20))
                      .build());
            }
          }
          case PING, SET_OPTION, CLOSE_PREPARED ->
              out.onNext(reply.setComplete(Complete.newBuilder().addUpdateCounts(0)).build());
          case PREPARE -> {
            String sql = m.getPrepare().getSql();
            if (sql.startsWith("BAD")) {
              out.onNext(
                  reply
                      .setError(
                          io.shaledb.jdbc.proto.Error.newBuilder()
                              .setSqlstate("42601")
                              .setMessage("syntax error at or near \"BAD\"")
                              .setPosition(1))
                      .build());
              return;
            }
            long sid = nextStatementId.incrementAndGet();
            preparedSql.put(sid, sql);
            Prepared shape = preparedShapes.getOrDefault(sql, Prepared.getDefaultInstance());
            out.onNext(reply.setPrepared(shape.toBuilder().setStatementId(sid)).build());
            out.onNext(
                ServerMessage.newBuilder()
                    .setRequestId(id)
                    .setComplete(Complete.getDefaultInstance())
                    .build());
          }
          case EXECUTE -> {
            var e = m.getExecute();
            send(
                id,
                answer(
                    new Call(
                        e.getSql(),
                        decode(e.getParamsList()),
                        e.getMaxRows(),
                        e.getReturnGeneratedKeys())),
                out);
          }
          case EXECUTE_PREPARED -> {
            var e = m.getExecutePrepared();
            String sql = preparedSql.get(e.getStatementId());
            if (e.getParamRowsCount() == 1) {
              send(
                  id,
                  answer(
                      new Call(
                          sql,
                          decode(e.getParamRows(0).getValuesList()),
                          e.getMaxRows(),
                          e.getReturnGeneratedKeys())),
                  out);
              return;
            }
            Complete.Builder c = Complete.newBuilder();
            for (ParamRow row : e.getParamRowsList()) {
              Answer a = answer(new Call(sql, decode(row.getValuesList()), 0, false));
              if (a.errorState() != null) {
                send(id, a, out);
                return;
              }
              c.addUpdateCounts(a.updateCount());
            }
            out.onNext(ServerMessage.newBuilder().setRequestId(id).setComplete(c).build());
          }
          default -> {}
        }
      } catch (RuntimeException e) {
        // the client went away mid-answer
      }
    }

    private void send(long id, Answer a, StreamObserver<ServerMessage> out) {
      if (a.gate() != null) {
        try {
          a.gate().await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if ("hang".equals(a.behavior())) {
        return;
      }
      if ("kill".equals(a.behavior())) {
        server.shutdownNow();
        return;
      }
      if ("fail".equals(a.behavior())) {
        out.onError(Status.UNAVAILABLE.withDescription("fake failure").asRuntimeException());
        return;
      }
      ServerMessage.Builder base = ServerMessage.newBuilder().setRequestId(id);
      if (a.errorState() != null) {
        out.onNext(
            base.setError(
                    io.shaledb.jdbc.proto.Error.newBuilder()
                        .setSqlstate(a.errorState())
                        .setMessage(a.errorMessage())
                        .setPosition(a.errorPosition()))
                .build());
        return;
      }
      Complete.Builder complete = Complete.newBuilder();
      if (a.columns() != null) {
        out.onNext(
            ServerMessage.newBuilder()
                .setRequestId(id)
                .setResultHeader(ResultHeader.newBuilder().addAllColumns(a.columns()))
                .build());
        RowBatch.Builder batch = RowBatch.newBuilder();
        for (List<Object> r : a.rows()) {
          batch.addRows(row(r));
          if (batch.getRowsCount() == rowsPerBatch) {
            out.onNext(ServerMessage.newBuilder().setRequestId(id).setRowBatch(batch).build());
            batch = RowBatch.newBuilder();
          }
        }
        if (batch.getRowsCount() > 0) {
          out.onNext(ServerMessage.newBuilder().setRequestId(id).setRowBatch(batch).build());
        }
        complete.addUpdateCounts(-1).setCommandTag("SELECT " + a.rows().size());
      } else {
        complete.addUpdateCounts(a.updateCount()).setCommandTag("INSERT 0 " + a.updateCount());
      }
      if (a.keyColumns() != null) {
        complete.setGeneratedKeysHeader(ResultHeader.newBuilder().addAllColumns(a.keyColumns()));
        for (List<Object> k : a.keyRows()) {
          complete.addGeneratedKeys(row(k));
        }
      }
      out.onNext(ServerMessage.newBuilder().setRequestId(id).setComplete(complete).build());
    }
  }
}
