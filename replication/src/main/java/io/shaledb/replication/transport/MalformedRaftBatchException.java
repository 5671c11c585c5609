package io.shaledb.replication.transport;

/**
 * A frame received from a peer does not decode into valid {@link RaftBatch}es: a missing message
 * body, an unknown entry type, or a value the domain records reject (a non-positive id, a
 * negative term). The receiver fails the stream that carried it; the sender reconnects.
 */
public final class MalformedRaftBatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedRaftBatchException(String message) {
        super(message);
    }

    public MalformedRaftBatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
