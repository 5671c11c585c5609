package io.shaledb.jdbc.client;

import io.grpc.stub.StreamObserver;
import io.shaledb.jdbc.proto.ServerMessage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Everything that arrives on a session's stream, in arrival order, for the one thread waiting for
 * an answer. gRPC callback threads only enqueue; they never block.
 */
final class InboundQueue {
  /** Something the waiting request must look at. */
  sealed interface Event permits Received, Failed, Ended, Cancelled {}

  record Received(ServerMessage message) implements Event {}

  record Failed(Throwable cause) implements Event {}

  record Ended() implements Event {}

  record Cancelled(long requestId) implements Event {}

  private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();

  StreamObserver<ServerMessage> observer() {
    return new StreamObserver<>() {
      @Override
      public void onNext(ServerMessage value) {
        events.add(new Received(value));
      }

      @Override
      public void onError(Throwable t) {
        events.add(new Failed(t));
      }

      @Override
      public void onCompleted() {
        events.add(new Ended());
      }
    };
  }

  void cancel(long requestId) {
    events.add(new Cancelled(requestId));
  }

  /**
   * Next event, waiting until {@code deadlineNanos} ({@link System#nanoTime()} based, {@link
   * Long#MAX_VALUE} = forever).
   *
   * @return the event, or null if the deadline passed
   */
  Event next(long deadlineNanos) throws InterruptedException {
    if (deadlineNanos == Long.MAX_VALUE) {
      return events.take();
    }
    long remaining = deadlineNanos - System.nanoTime();
    return remaining > 0 ? events.poll(remaining, TimeUnit.NANOSECONDS) : events.poll();
  }
}
