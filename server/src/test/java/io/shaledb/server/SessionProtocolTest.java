package io.shaledb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.shaledb.jdbc.proto.ClientMessage;
import io.shaledb.jdbc.proto.ClosePrepared;
import io.shaledb.jdbc.proto.Execute;
import io.shaledb.jdbc.proto.ExecutePrepared;
import io.shaledb.jdbc.proto.ParamRow;
import io.shaledb.jdbc.proto.Ping;
import io.shaledb.jdbc.proto.Prepare;
import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.jdbc.proto.SetOption;
import io.shaledb.jdbc.proto.SqlServiceGrpc;
import io.shaledb.jdbc.proto.Value;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client protocol, spoken raw over a real gRPC connection to a node with a fake engine. */
class SessionProtocolTest {
  @TempDir Path store;
  FakeSqlEngine engine;
  Node node;

  @BeforeEach
  void start() throws IOException {
    engine = new FakeSqlEngine();
    node = Node.start(NodeConfig.forTest(store), engine.opener());
  }

  @AfterEach
  void stop() {
    engine.unblock();
    node.close();
  }

  private WireClient connected() throws InterruptedException {
    WireClient c = new WireClient(node.port());
    c.hello("defaultdb");
    ServerMessage ok = c.next();
    assertEquals(ServerMessage.KindCase.HELLO_OK, ok.getKindCase(), ok.toString());
    return c;
  }

  private static void assertSelectOne(WireClient c) throws InterruptedException {
    long id = c.execute("SELECT 1");
    // a result that fits one batch is one message: header, rows and completion
    ServerMessage m = c.next();
    assertEquals(id, m.getRequestId());
    assertEquals(ServerMessage.KindCase.RESULT_SET, m.getKindCase(), m.toString());
    assertEquals("?column?", m.getResultSet().getHeader().getColumns(0).getName());
    assertEquals("INT4", m.getResultSet().getHeader().getColumns(0).getTypeName());
    assertEquals(1, m.getResultSet().getRows().getRows(0).getValues(0).getIntValue());
    assertEquals(List.of(-1L), m.getResultSet().getComplete().getUpdateCountsList());
    assertEquals("SELECT 1", m.getResultSet().getComplete().getCommandTag());
  }

  private static void poll(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void helloReportsSessionAndLimits() throws Exception {
    try (WireClient c = new WireClient(node.port())) {
      long id = c.hello("defaultdb");
      ServerMessage m = c.next();
      assertEquals(id, m.getRequestId());
      assertEquals("defaultdb", m.getHelloOk().getDatabase());
      assertEquals(8 << 20, m.getHelloOk().getMaxStatementBytes());
      assertEquals(ShaleVersion.version(), m.getHelloOk().getServerVersion());
      assertTrue(!m.getHelloOk().getSessionId().isEmpty());
      assertSelectOne(c);
    }
  }

  @Test
  void largeResultsArriveInBatchesOfAtMostAThousandRows() throws Exception {
    try (WireClient c = connected()) {
      c.execute("ROWS 2500");
      assertEquals(2, c.next().getResultHeader().getColumnsCount());
      assertEquals(1000, c.next().getRowBatch().getRowsCount());
      assertEquals(1000, c.next().getRowBatch().getRowsCount());
      ServerMessage last = c.next();
      assertEquals(500, last.getRowBatch().getRowsCount());
      assertEquals("row-2499", last.getRowBatch().getRows(499).getValues(1).getStringValue());
      assertEquals("SELECT 2500", c.next().getComplete().getCommandTag());
    }
  }

  @Test
  void maxRowsIsPassedToTheEngine() throws Exception {
    try (WireClient c = connected()) {
      c.send(ClientMessage.newBuilder().setExecute(
          Execute.newBuilder().setSql("ROWS 50").setMaxRows(7)));
      ServerMessage m = c.next();
      assertEquals(7, m.getResultSet().getRows().getRowsCount());
      assertEquals("SELECT 7", m.getResultSet().getComplete().getCommandTag());
    }
  }

  @Test
  void sqlErrorIsReportedWithAllFieldsAndTheStreamSurvives() throws Exception {
    try (WireClient c = connected()) {
      long id = c.execute("FAIL 42P01 relation \"t\" does not exist");
      ServerMessage m = c.next();
      assertEquals(id, m.getRequestId());
      assertEquals("42P01", m.getError().getSqlstate());
      assertEquals("relation \"t\" does not exist", m.getError().getMessage());
      assertEquals(3, m.getError().getPosition());
      assertEquals("some detail", m.getError().getDetail());
      assertEquals("some hint", m.getError().getHint());
      assertSelectOne(c);
    }
  }

  @Test
  void unexpectedExceptionIsAnInternalErrorAndTheStreamSurvives() throws Exception {
    try (WireClient c = connected()) {
      c.execute("CRASH");
      ServerMessage m = c.next();
      assertEquals("XX000", m.getError().getSqlstate());
      assertTrue(m.getError().getMessage().contains("boom"), m.getError().getMessage());
      assertSelectOne(c);
    }
  }

  @Test
  void unknownDatabaseIsRefusedAndTheStreamEnds() throws Exception {
    try (WireClient c = new WireClient(node.port())) {
      c.hello("nope");
      ServerMessage m = c.next();
      assertEquals("3D000", m.getError().getSqlstate());
      assertEquals(Status.Code.OK, c.ended.get(10, TimeUnit.SECONDS).getCode());
    }
    assertEquals(0, engine.opened.get());
  }

  @Test
  void firstMessageOtherThanHelloIsAProtocolViolation() throws Exception {
    try (WireClient c = new WireClient(node.port())) {
      c.execute("SELECT 1");
      ServerMessage m = c.next();
      assertEquals("08P01", m.getError().getSqlstate());
      assertEquals(Status.Code.OK, c.ended.get(10, TimeUnit.SECONDS).getCode());
    }
    try (WireClient c = connected()) {
      assertSelectOne(c);
    }
  }

  @Test
  void messagesWithoutKindOrASecondHelloAreProtocolViolationsButTheStreamSurvives()
      throws Exception {
    try (WireClient c = connected()) {
      c.send(ClientMessage.newBuilder());
      assertEquals("08P01", c.next().getError().getSqlstate());
      c.hello("defaultdb");
      assertEquals("08P01", c.next().getError().getSqlstate());
      c.send(ClientMessage.newBuilder().setExecute(
          Execute.newBuilder().setSql("ECHO").addParams(Value.getDefaultInstance())));
      assertEquals("08P01", c.next().getError().getSqlstate());
      assertSelectOne(c);
    }
  }

  @Test
  void statementOverTheLimitIsRefusedWith54000() throws Exception {
    try (WireClient c = connected()) {
      String huge = "SELECT '" + "x".repeat(8 << 20) + "'";
      c.execute(huge);
      ServerMessage m = c.next();
      assertEquals("54000", m.getError().getSqlstate());
      assertTrue(m.getError().getMessage().startsWith("statement too long"),
          m.getError().getMessage());
      c.send(ClientMessage.newBuilder().setPrepare(Prepare.newBuilder().setSql(huge)));
      assertEquals("54000", c.next().getError().getSqlstate());
      assertSelectOne(c);
    }
  }

  @Test
  void parametersRoundTripThroughEveryValueKind() throws Exception {
    List<Value> values = List.of(
        Value.newBuilder().setNull(true).build(),
        Value.newBuilder().setIntValue(-7).build(),
        Value.newBuilder().setDoubleValue(2.5).build(),
        Value.newBuilder().setDecimalValue("12345678901234567890.123").build(),
        Value.newBuilder().setStringValue("héllo").build(),
        Value.newBuilder().setBoolValue(true).build(),
        Value.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {0, 1, -1})).build(),
        Value.newBuilder().setDateValue(-1).build(),
        Value.newBuilder().setTimestampValue(-1_500_001L).build());
    try (WireClient c = connected()) {
      c.send(ClientMessage.newBuilder().setExecute(
          Execute.newBuilder().setSql("ECHO").addAllParams(values)));
      ServerMessage m = c.next();
      assertEquals(values.size(), m.getResultSet().getHeader().getColumnsCount());
      assertEquals(values, m.getResultSet().getRows().getRows(0).getValuesList());
      assertEquals("SELECT 1", m.getResultSet().getComplete().getCommandTag());
    }
  }

  @Test
  void preparedStatementsBatchesPingAndClose() throws Exception {
    try (WireClient c = connected()) {
      c.send(ClientMessage.newBuilder().setPrepare(Prepare.newBuilder().setSql("INSERT x")));
      ServerMessage p = c.next();
      long stmt = p.getPrepared().getStatementId();
      assertEquals(1, p.getPrepared().getParamsCount());
      assertEquals(0, p.getPrepared().getColumnsCount());
      ParamRow row = ParamRow.newBuilder().addValues(Value.newBuilder().setIntValue(1)).build();
      c.send(ClientMessage.newBuilder().setExecutePrepared(ExecutePrepared.newBuilder()
          .setStatementId(stmt).addParamRows(row).addParamRows(row).addParamRows(row)));
      assertEquals(List.of(1L, 1L, 1L), c.next().getComplete().getUpdateCountsList());
      c.send(ClientMessage.newBuilder().setExecutePrepared(ExecutePrepared.newBuilder()
          .setStatementId(stmt).addParamRows(row)));
      ServerMessage single = c.next();
      assertEquals(List.of(1L), single.getComplete().getUpdateCountsList());
      assertEquals("INSERT 0 1", single.getComplete().getCommandTag());
      c.send(ClientMessage.newBuilder().setClosePrepared(
          ClosePrepared.newBuilder().setStatementId(stmt)));
      assertEquals(ServerMessage.KindCase.COMPLETE, c.next().getKindCase());
      c.send(ClientMessage.newBuilder().setExecutePrepared(ExecutePrepared.newBuilder()
          .setStatementId(stmt)));
      assertEquals("22023", c.next().getError().getSqlstate());
      c.send(ClientMessage.newBuilder().setPing(Ping.getDefaultInstance()));
      assertEquals(ServerMessage.KindCase.COMPLETE, c.next().getKindCase());
    }
  }

  @Test
  void generatedKeysTravelInComplete() throws Exception {
    try (WireClient c = connected()) {
      c.send(ClientMessage.newBuilder().setExecute(
          Execute.newBuilder().setSql("INSERT y").setReturnGeneratedKeys(true)));
      var done = c.next().getComplete();
      assertEquals("id", done.getGeneratedKeysHeader().getColumns(0).getName());
      assertEquals(42, done.getGeneratedKeys(0).getValues(0).getIntValue());
    }
  }

  @Test
  void setOptionSwitchesDatabaseOrRejectsUnknownNames() throws Exception {
    try (WireClient c = connected()) {
      c.send(ClientMessage.newBuilder().setSetOption(
          SetOption.newBuilder().setName("database").setValue("other")));
      assertEquals("SET", c.next().getComplete().getCommandTag());
      assertEquals(1, engine.closed.get(), "the old session is closed");
      c.send(ClientMessage.newBuilder().setSetOption(
          SetOption.newBuilder().setName("database").setValue("missing")));
      assertEquals("3D000", c.next().getError().getSqlstate());
      c.send(ClientMessage.newBuilder().setSetOption(
          SetOption.newBuilder().setName("colour").setValue("red")));
      assertEquals("42704", c.next().getError().getSqlstate());
      assertSelectOne(c);
    }
  }

  @Test
  void halfCloseEndsTheStreamAndClosesTheSession() throws Exception {
    try (WireClient c = connected()) {
      c.halfClose();
      assertEquals(Status.Code.OK, c.ended.get(10, TimeUnit.SECONDS).getCode());
      poll("session closed", () -> engine.closed.get() == 1);
      poll("stream forgotten", () -> node.openSessions() == 0);
    }
  }

  @Test
  void clientCancelMidQueryClosesTheSessionAndTheServerKeepsServing() throws Exception {
    WireClient c = connected();
    c.execute("BLOCK");
    assertTrue(engine.blocked.await(10, TimeUnit.SECONDS));
    c.cancel();
    c.close();
    engine.unblock();
    poll("session closed after cancel", () -> engine.closed.get() == 1);
    poll("stream forgotten", () -> node.openSessions() == 0);
    try (WireClient again = connected()) {
      assertSelectOne(again);
    }
  }

  @Test
  void aClientThatStopsReadingDoesNotHoldAWorkerOrStarveOthers() throws Exception {
    node.close();
    engine = new FakeSqlEngine();
    NodeConfig oneWorker = NodeConfig.from(s -> switch (s) {
      case STORE -> store.toString();
      case LISTEN -> "127.0.0.1:0";
      case SQL_WORKERS -> "1";
      default -> null;
    });
    node = Node.start(oneWorker, engine.opener());
    try (WireClient slow = new WireClient(node.port(), true)) {
      slow.hello("defaultdb");
      assertEquals(ServerMessage.KindCase.HELLO_OK, slow.next().getKindCase());
      slow.execute("ROWS 300000"); // several MiB: far beyond the transport's flow-control window
      // The slow client reads nothing more; with one worker, another session must still be served.
      try (WireClient other = connected()) {
        assertSelectOne(other);
      }
      // And the slow client, once it reads, gets every row.
      slow.request(Integer.MAX_VALUE);
      long rows = 0;
      ServerMessage m;
      do {
        m = slow.next();
        rows += m.getRowBatch().getRowsCount();
      } while (m.getKindCase() != ServerMessage.KindCase.COMPLETE);
      assertEquals(300000, rows);
      assertEquals("SELECT 300000", m.getComplete().getCommandTag());
    }
  }

  private static String thread(WireClient c) throws InterruptedException {
    long id = c.execute("THREAD");
    ServerMessage m = c.next();
    assertEquals(id, m.getRequestId());
    return m.getResultSet().getRows().getRows(0).getValues(0).getStringValue();
  }

  private void restartWithIoThreads(int threads) throws IOException {
    node.close();
    engine = new FakeSqlEngine();
    node = Node.start(NodeConfig.from(s -> switch (s) {
      case STORE -> store.toString();
      case LISTEN -> "127.0.0.1:0";
      case SQL_IO_THREADS -> Integer.toString(threads);
      default -> null;
    }), engine.opener());
  }

  @Test
  void aConnectionAloneOnItsTransportThreadRunsItsStatementsThere() throws Exception {
    try (WireClient a = connected(); WireClient b = connected()) {
      String ta = thread(a);
      String tb = thread(b);
      assertTrue(ta.startsWith("shale-sql-io"), ta);
      assertTrue(tb.startsWith("shale-sql-io"), tb);
      assertTrue(!ta.equals(tb), "two connections got one transport thread: " + ta);
      assertEquals(ta, thread(a));
    }
  }

  @Test
  void connectionsSharingATransportThreadRunTheirStatementsOnTheWorkers() throws Exception {
    restartWithIoThreads(1);
    try (WireClient a = connected()) {
      assertTrue(thread(a).startsWith("shale-sql-io"));
      try (WireClient b = connected()) {
        String ta = thread(a);
        String tb = thread(b);
        assertTrue(ta.startsWith("shale-sql-worker"), ta);
        assertTrue(tb.startsWith("shale-sql-worker"), tb);
        assertSelectOne(a);
        assertSelectOne(b);
      }
      // Alone again once the other connection is gone.
      poll("back on the transport thread", () -> {
        try {
          return thread(a).startsWith("shale-sql-io");
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      });
    }
  }

  @Test
  void aStatementBlockedOnItsTransportThreadHoldsUpNoOtherConnection() throws Exception {
    try (WireClient blocked = connected()) {
      blocked.execute("BLOCK");
      assertTrue(engine.blocked.await(10, TimeUnit.SECONDS));
      try (WireClient other = connected()) {
        assertSelectOne(other);
      }
      engine.unblock();
      ServerMessage m = blocked.next();
      assertEquals("SELECT 1", m.getResultSet().getComplete().getCommandTag());
    }
  }

  @Test
  void undecodableBytesFailOnlyThatStream() throws Exception {
    MethodDescriptor<byte[], byte[]> raw = SqlServiceGrpc.getSessionMethod().toBuilder(
        new RawBytes(), new RawBytes()).build();
    try (WireClient c = new WireClient(node.port())) {
      ClientCall<byte[], byte[]> call = c.channel.newCall(raw, CallOptions.DEFAULT);
      CompletableFuture<Status> closed = new CompletableFuture<>();
      call.start(new ClientCall.Listener<>() {
        @Override
        public void onClose(Status status, Metadata trailers) {
          closed.complete(status);
        }
      }, new Metadata());
      call.request(10);
      // Field 1 with the invalid wire type 7: no protobuf parser accepts it.
      call.sendMessage(new byte[] {0x0f, 0x01, 0x02, (byte) 0xff});
      call.halfClose();
      Status status = closed.get(10, TimeUnit.SECONDS);
      assertNotEquals(Status.Code.OK, status.getCode(), status.toString());
    }
    try (WireClient c = connected()) {
      assertSelectOne(c);
    }
  }

  private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
