package io.shaledb.replication.transport;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.transport.proto.RaftTransportServiceGrpc;
import io.shaledb.replication.transport.proto.WireBatch;
import io.shaledb.replication.transport.proto.WireFrame;
import io.shaledb.replication.transport.proto.WireStreamSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving end of peer streams: decodes each frame and hands its batches, in order, to the
 * store's handler. gRPC runs these callbacks on the transport's single inbound thread, so the
 * handler is never called concurrently. A malformed or misaddressed batch fails its stream (the
 * batches before it in the frame were delivered); the sender reconnects.
 */
final class InboundStreamService extends RaftTransportServiceGrpc.RaftTransportServiceImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(InboundStreamService.class);

    private final NodeId self;
    private final RaftTransport.InboundHandler handler;
    private final GrpcTransportStats.Counters counters;

    InboundStreamService(NodeId self, RaftTransport.InboundHandler handler,
                         GrpcTransportStats.Counters counters) {
        this.self = self;
        this.handler = handler;
        this.counters = counters;
    }

    @Override
    public StreamObserver<WireFrame> stream(StreamObserver<WireStreamSummary> responses) {
        return new StreamObserver<>() {
            private long frames;
            private long batches;
            private boolean failed;

            @Override
            public void onNext(WireFrame frame) {
                if (failed) {
                    return;
                }
                frames++;
                for (WireBatch wire : frame.getBatchesList()) {
                    RaftBatch batch;
                    try {
                        batch = RaftWireCodec.decode(wire);
                    } catch (MalformedRaftBatchException e) {
                        reject(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
                        return;
                    }
                    if (!batch.to().equals(self)) {
                        reject(Status.FAILED_PRECONDITION.withDescription(
                                "this is " + self + ", not " + batch.to()));
                        return;
                    }
                    batches++;
                    counters.batchesReceived.increment();
                    counters.messagesReceived.add(batch.messages().size());
                    try {
                        handler.onBatch(batch);
                    } catch (RuntimeException e) {
                        counters.handlerFailures.increment();
                        LOG.warn("{}: inbound handler failed on a batch from {}", self,
                                batch.from(), e);
                    }
                }
            }

            private void reject(Status status) {
                failed = true;
                counters.rejectedInbound.increment();
                LOG.warn("{}: rejecting a peer stream: {}", self, status.getDescription());
                responses.onError(status.asRuntimeException());
            }

            @Override
            public void onError(Throwable t) {
                // The sender went away or the server is stopping; nothing to clean up.
            }

            @Override
            public void onCompleted() {
                if (!failed) {
                    responses.onNext(WireStreamSummary.newBuilder()
                            .setFramesReceived(frames).setBatchesReceived(batches).build());
                    responses.onCompleted();
                }
            }
        };
    }
}
