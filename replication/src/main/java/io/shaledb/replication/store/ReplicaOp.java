package io.shaledb.replication.store;

import io.shaledb.replication.raft.ConfChange;
import io.shaledb.replication.raft.Membership;

import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.transport.RaftEnvelope;
import java.util.concurrent.CompletableFuture;

/** Work posted to a replica's mailbox by any thread, handled by the worker processing it. */
sealed interface ReplicaOp {
    /** A Raft message from a peer store. */
    record Inbound(RaftEnvelope envelope) implements ReplicaOp {
    }

    /** A client command to append to the log. */
    record Propose(byte[] command, CompletableFuture<byte[]> future) implements ReplicaOp {
    }

    /** A client request for a linearizable read point. */
    record Read(CompletableFuture<Long> future) implements ReplicaOp {
    }

    /** Propose a single-server membership change; completes with the membership once applied. */
    record ChangeReplicas(ConfChange change, CompletableFuture<Membership> future) implements ReplicaOp {
    }

    /** Hand leadership to {@code target}. */
    record Transfer(NodeId target, CompletableFuture<Void> future) implements ReplicaOp {
    }

    /** Start an election now. */
    record Campaign() implements ReplicaOp {
    }

    /** Resume ticking (e.g. the leader's store looks dead). */
    record Wake() implements ReplicaOp {
    }

    /** The store declared {@code peer} dead: a leader stops streaming (or waiting for a snapshot) to it. */
    record Unreachable(NodeId peer) implements ReplicaOp {
    }

    /** Remove the replica and its Raft state from the store. */
    record Remove(CompletableFuture<Void> future) implements ReplicaOp {
    }
}
