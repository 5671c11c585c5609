package io.shaledb.replication.transport;

import io.shaledb.replication.raft.NodeId;
import java.util.Optional;

/**
 * Tells a {@link GrpcRaftTransport} where a peer listens. Consulted on the transport's send
 * thread before every connection attempt (not per batch), so a peer that restarts on a new
 * address is found on the next reconnect. Must be thread-safe and quick (no network I/O);
 * an empty answer counts as a failed connection attempt and is retried with backoff.
 */
@FunctionalInterface
public interface PeerResolver {
    Optional<PeerAddress> resolve(NodeId node);
}
