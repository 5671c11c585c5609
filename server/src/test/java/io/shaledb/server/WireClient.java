package io.shaledb.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.shaledb.jdbc.proto.ClientMessage;
import io.shaledb.jdbc.proto.Execute;
import io.shaledb.jdbc.proto.Hello;
import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.jdbc.proto.SqlServiceGrpc;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw protocol client for tests: one channel, one Session stream, received messages queued. */
public final class WireClient implements AutoCloseable {
  final ManagedChannel channel;
  final BlockingQueue<ServerMessage> received = new LinkedBlockingQueue<>();
  /** Completes with OK on server completion, or the error status. */
  public final CompletableFuture<Status> ended = new CompletableFuture<>();
  private ClientCallStreamObserver<ClientMessage> requests;
  private long nextRequestId = 1;

  public WireClient(int port) {
    this(port, false);
  }

  /**
   * @param manualFlowControl if true, server messages are delivered only as {@link #request}ed
   */
  public WireClient(int port, boolean manualFlowControl) {
    channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
        .maxInboundMessageSize(64 << 20).build();
    SqlServiceGrpc.newStub(channel).session(new ClientResponseObserver<ClientMessage, ServerMessage>() {
      @Override
      public void beforeStart(ClientCallStreamObserver<ClientMessage> r) {
        requests = r;
        if (manualFlowControl) {
          r.disableAutoRequestWithInitial(1);
        }
      }

      @Override
      public void onNext(ServerMessage value) {
        received.add(value);
      }

      @Override
      public void onError(Throwable t) {
        ended.complete(Status.fromThrowable(t));
      }

      @Override
      public void onCompleted() {
        ended.complete(Status.OK);
      }
    });
  }

  long send(ClientMessage.Builder m) {
    long id = nextRequestId++;
    requests.onNext(m.setRequestId(id).build());
    return id;
  }

  public long hello(String db) {
    return send(ClientMessage.newBuilder().setHello(
        Hello.newBuilder().setDatabase(db).setUser("tester").setClientName("wire-test")));
  }

  public long execute(String sql) {
    return send(ClientMessage.newBuilder().setExecute(Execute.newBuilder().setSql(sql)));
  }

  public ServerMessage next() throws InterruptedException {
    ServerMessage m = received.poll(10, TimeUnit.SECONDS);
    assertNotNull(m, "no server message within 10 s");
    return m;
  }

  /** Asks for {@code n} more server messages (manual flow control only). */
  void request(int n) {
    requests.request(n);
  }

  void halfClose() {
    requests.onCompleted();
  }

  void cancel() {
    requests.cancel("test cancels", null);
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow();
    channel.awaitTermination(5, TimeUnit.SECONDS);
  }
}
