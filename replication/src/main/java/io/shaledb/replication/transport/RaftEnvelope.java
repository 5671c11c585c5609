package io.shaledb.replication.transport;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.RaftMessage;
import java.util.Objects;

/**
 * One Raft message addressed to the replica of {@code range} on the receiving node.
 *
 * @param range    the Raft group the message belongs to
 * @param message  the message; its {@code from}/{@code to} are the member ids inside that group
 * @param quiesce  only meaningful on a {@link RaftMessage.Heartbeat}: the leader's store asks the
 *                 follower's store to stop ticking this group after handling the heartbeat
 *                 (the group is idle and fully replicated). {@code false} on every other message.
 */
public record RaftEnvelope(RangeId range, RaftMessage message, boolean quiesce) {
    public RaftEnvelope {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(message, "message");
        if (quiesce && !(message instanceof RaftMessage.Heartbeat)) {
            throw new IllegalArgumentException("only a heartbeat can carry quiesce: " + message);
        }
    }

    public static RaftEnvelope of(RangeId range, RaftMessage message) {
        return new RaftEnvelope(range, message, false);
    }
}
