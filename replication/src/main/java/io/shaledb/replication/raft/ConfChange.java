package io.shaledb.replication.raft;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One single-server membership change, carried by a {@link EntryType#CONF_CHANGE} log entry and
 * proposed through {@link RaftNode#proposeConfChange(ConfChange)}.
 *
 * <p>Changing one server at a time keeps every majority of the old voters intersecting every
 * majority of the new ones (Raft thesis §4.1), so no joint configuration is needed.
 *
 * @param type what happens to {@code node}
 * @param node the member added, promoted or removed
 */
public record ConfChange(Type type, NodeId node) {
    /** The kinds of change. */
    public enum Type {
        /** Add {@code node} as a learner: it receives the log but neither votes nor counts. */
        ADD_LEARNER,
        /** Make {@code node} a voter: promotes a learner, or adds a new member directly as voter. */
        ADD_VOTER,
        /** Remove {@code node} (voter or learner) from the group. */
        REMOVE
    }

    private static final byte FORMAT = 1;
    private static final int LENGTH = 1 + 1 + Long.BYTES;

    public ConfChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(node, "node");
    }

    public static ConfChange addLearner(NodeId node) {
        return new ConfChange(Type.ADD_LEARNER, node);
    }

    public static ConfChange addVoter(NodeId node) {
        return new ConfChange(Type.ADD_VOTER, node);
    }

    public static ConfChange remove(NodeId node) {
        return new ConfChange(Type.REMOVE, node);
    }

    /**
     * The membership after this change.
     *
     * @throws IllegalArgumentException if the change does not apply to {@code m}: adding as
     *                                  learner a member that is a voter (demotion is not
     *                                  supported), removing a node that is not a member, or
     *                                  removing the last voter
     */
    public Membership applyTo(Membership m) {
        TreeSet<NodeId> voters = new TreeSet<>(m.voters());
        TreeSet<NodeId> learners = new TreeSet<>(m.learners());
        switch (type) {
            case ADD_LEARNER -> {
                if (voters.contains(node)) {
                    throw new IllegalArgumentException(node + " is a voter; cannot add it as learner");
                }
                learners.add(node);
            }
            case ADD_VOTER -> {
                learners.remove(node);
                voters.add(node);
            }
            case REMOVE -> {
                if (!voters.remove(node) && !learners.remove(node)) {
                    throw new IllegalArgumentException(node + " is not a member of " + m);
                }
                if (voters.isEmpty()) {
                    throw new IllegalArgumentException("cannot remove the last voter " + node);
                }
            }
            default -> throw new IllegalStateException("unknown change " + type);
        }
        return new Membership(voters, learners);
    }

    /** The entry payload: {@code 01 <type:1> <node:8>}. */
    public byte[] encode() {
        return ByteBuffer.allocate(LENGTH).put(FORMAT).put((byte) type.ordinal()).putLong(node.value()).array();
    }

    /**
     * Decodes the payload of a {@link EntryType#CONF_CHANGE} entry.
     *
     * @throws IllegalArgumentException if {@code data} is not an encoded change
     */
    public static ConfChange decode(byte[] data) {
        if (data.length != LENGTH || data[0] != FORMAT) {
            throw new IllegalArgumentException("not a conf change payload (" + data.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(data, 1, LENGTH - 1);
        int code = b.get();
        if (code < 0 || code >= Type.values().length) {
            throw new IllegalArgumentException("unknown conf change type " + code);
        }
        return new ConfChange(Type.values()[code], NodeId.of(b.getLong()));
    }
}
