package io.shaledb.replication.transport;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.RaftMessage.InstallSnapshot;
import io.shaledb.replication.raft.Snapshot;
import io.shaledb.replication.raft.SnapshotMeta;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.RaftMessage;
import io.shaledb.replication.raft.RaftMessage.AppendEntries;
import io.shaledb.replication.raft.RaftMessage.AppendResponse;
import io.shaledb.replication.raft.RaftMessage.Heartbeat;
import io.shaledb.replication.raft.RaftMessage.HeartbeatResponse;
import io.shaledb.replication.raft.RaftMessage.ReadIndexRequest;
import io.shaledb.replication.raft.RaftMessage.ReadIndexResponse;
import io.shaledb.replication.raft.RaftMessage.TimeoutNow;
import io.shaledb.replication.raft.RaftMessage.VoteRequest;
import io.shaledb.replication.raft.RaftMessage.VoteResponse;
import io.shaledb.replication.transport.proto.WireAppendEntries;
import io.shaledb.replication.transport.proto.WireAppendResponse;
import io.shaledb.replication.transport.proto.WireBatch;
import io.shaledb.replication.transport.proto.WireEntryType;
import io.shaledb.replication.transport.proto.WireEnvelope;
import io.shaledb.replication.transport.proto.WireHeartbeat;
import io.shaledb.replication.transport.proto.WireHeartbeatResponse;
import io.shaledb.replication.transport.proto.WireLogEntry;
import io.shaledb.replication.transport.proto.WireInstallSnapshot;
import io.shaledb.replication.transport.proto.WireMembership;
import io.shaledb.replication.transport.proto.WireSnapshot;
import io.shaledb.replication.transport.proto.WireMessage;
import io.shaledb.replication.transport.proto.WireReadIndexRequest;
import io.shaledb.replication.transport.proto.WireReadIndexResponse;
import io.shaledb.replication.transport.proto.WireTimeoutNow;
import io.shaledb.replication.transport.proto.WireVoteRequest;
import io.shaledb.replication.transport.proto.WireVoteResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Converts {@link RaftBatch}es to their protobuf wire form ({@code raft_transport.proto}) and
 * back. {@code decode(encode(b))} equals {@code b} for every batch.
 *
 * <p>Encoding walks {@link RaftMessage}'s permitted variants in one place
 * ({@link #encodeBody}); Java 17 has no exhaustive pattern switch, so a variant added to the
 * sealed interface without a wire form makes {@link #encodeBody} throw
 * {@link IllegalStateException}, and {@code RaftWireCodecTest} fails because its generator no
 * longer covers {@link Class#getPermittedSubclasses()}. Decoding is one switch over the proto
 * {@code oneof}. Entry types map through exhaustive enum switches, which the compiler checks.
 *
 * <p><b>Pending variant.</b> The proto reserves {@code WIRE_ENTRY_TYPE_CONF_CHANGE} for
 * {@code EntryType.CONF_CHANGE}; until the core has it the decoder rejects it as malformed.
 *
 * <p>Log entry data is wrapped, not copied, when encoding ({@link LogEntry} data is immutable by
 * contract); everything decoded owns fresh arrays. Stateless and thread-safe.
 */
public final class RaftWireCodec {
    private RaftWireCodec() {
    }

    /** The wire form of {@code batch}. */
    public static WireBatch encode(RaftBatch batch) {
        WireBatch.Builder b = WireBatch.newBuilder()
                .setFrom(batch.from().value())
                .setTo(batch.to().value());
        for (RaftEnvelope envelope : batch.messages()) {
            b.addEnvelopes(encode(envelope));
        }
        return b.build();
    }

    /**
     * The batch {@code wire} describes.
     *
     * @throws MalformedRaftBatchException if any part of it is missing or invalid
     */
    public static RaftBatch decode(WireBatch wire) {
        try {
            List<RaftEnvelope> envelopes = new ArrayList<>(wire.getEnvelopesCount());
            for (WireEnvelope e : wire.getEnvelopesList()) {
                envelopes.add(decode(e));
            }
            return new RaftBatch(NodeId.of(wire.getFrom()), NodeId.of(wire.getTo()), envelopes);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedRaftBatchException("invalid batch from " + wire.getFrom() + ": "
                    + e.getMessage(), e);
        }
    }

    static WireEnvelope encode(RaftEnvelope envelope) {
        return WireEnvelope.newBuilder()
                .setRangeId(envelope.range().value())
                .setMessage(encode(envelope.message()))
                .setQuiesce(envelope.quiesce())
                .build();
    }

    static RaftEnvelope decode(WireEnvelope wire) {
        if (!wire.hasMessage()) {
            throw new MalformedRaftBatchException("envelope for range " + wire.getRangeId()
                    + " has no message");
        }
        return new RaftEnvelope(RangeId.of(wire.getRangeId()), decode(wire.getMessage()),
                wire.getQuiesce());
    }

    /** The wire form of one message: header plus the variant's body. */
    public static WireMessage encode(RaftMessage message) {
        WireMessage.Builder b = WireMessage.newBuilder()
                .setFrom(message.from().value())
                .setTo(message.to().value())
                .setTerm(message.term());
        encodeBody(message, b);
        return b.build();
    }

    /**
     * Sets the {@code body} case of {@code b} from {@code message}: the one place that lists the
     * variants of {@link RaftMessage} (keep it in the order the interface declares them).
     */
    private static void encodeBody(RaftMessage message, WireMessage.Builder b) {
        if (message instanceof AppendEntries m) {
            WireAppendEntries.Builder w = WireAppendEntries.newBuilder()
                    .setPrevIndex(m.prevIndex())
                    .setPrevTerm(m.prevTerm())
                    .setCommit(m.commit());
            for (LogEntry entry : m.entries()) {
                w.addEntries(encode(entry));
            }
            b.setAppendEntries(w);
        } else if (message instanceof AppendResponse m) {
            b.setAppendResponse(WireAppendResponse.newBuilder()
                    .setIndex(m.index())
                    .setReject(m.reject())
                    .setHintIndex(m.hintIndex())
                    .setHintTerm(m.hintTerm()));
        } else if (message instanceof Heartbeat m) {
            b.setHeartbeat(WireHeartbeat.newBuilder()
                    .setCommit(m.commit())
                    .setReadSequence(m.readSequence()));
        } else if (message instanceof HeartbeatResponse m) {
            b.setHeartbeatResponse(WireHeartbeatResponse.newBuilder()
                    .setReadSequence(m.readSequence()));
        } else if (message instanceof VoteRequest m) {
            b.setVoteRequest(WireVoteRequest.newBuilder()
                    .setLastIndex(m.lastIndex())
                    .setLastTerm(m.lastTerm())
                    .setPreVote(m.preVote())
                    .setTransfer(m.transfer()));
        } else if (message instanceof VoteResponse m) {
            b.setVoteResponse(WireVoteResponse.newBuilder()
                    .setGranted(m.granted())
                    .setPreVote(m.preVote()));
        } else if (message instanceof TimeoutNow) {
            b.setTimeoutNow(WireTimeoutNow.getDefaultInstance());
        } else if (message instanceof ReadIndexRequest m) {
            b.setReadIndexRequest(WireReadIndexRequest.newBuilder()
                    .setContext(ByteString.copyFrom(m.context())));
        } else if (message instanceof ReadIndexResponse m) {
            b.setReadIndexResponse(WireReadIndexResponse.newBuilder()
                    .setIndex(m.index())
                    .setContext(ByteString.copyFrom(m.context())));
        } else if (message instanceof InstallSnapshot m) {
            b.setInstallSnapshot(WireInstallSnapshot.newBuilder().setSnapshot(encode(m.snapshot())));
        } else {
            throw new IllegalStateException("RaftWireCodec has no wire form for "
                    + message.getClass().getName() + ": add it to raft_transport.proto and here");
        }
    }

    /**
     * The message {@code wire} describes.
     *
     * @throws MalformedRaftBatchException if the body is missing or a field is invalid
     */
    public static RaftMessage decode(WireMessage wire) {
        try {
            NodeId from = NodeId.of(wire.getFrom());
            NodeId to = NodeId.of(wire.getTo());
            long term = wire.getTerm();
            return switch (wire.getBodyCase()) {
                case APPEND_ENTRIES -> {
                    WireAppendEntries m = wire.getAppendEntries();
                    List<LogEntry> entries = new ArrayList<>(m.getEntriesCount());
                    for (WireLogEntry e : m.getEntriesList()) {
                        entries.add(decode(e));
                    }
                    yield new AppendEntries(from, to, term, m.getPrevIndex(), m.getPrevTerm(),
                            entries, m.getCommit());
                }
                case APPEND_RESPONSE -> {
                    WireAppendResponse m = wire.getAppendResponse();
                    yield new AppendResponse(from, to, term, m.getIndex(), m.getReject(),
                            m.getHintIndex(), m.getHintTerm());
                }
                case HEARTBEAT -> new Heartbeat(from, to, term, wire.getHeartbeat().getCommit(),
                        wire.getHeartbeat().getReadSequence());
                case HEARTBEAT_RESPONSE -> new HeartbeatResponse(from, to, term,
                        wire.getHeartbeatResponse().getReadSequence());
                case VOTE_REQUEST -> {
                    WireVoteRequest m = wire.getVoteRequest();
                    yield new VoteRequest(from, to, term, m.getLastIndex(), m.getLastTerm(),
                            m.getPreVote(), m.getTransfer());
                }
                case VOTE_RESPONSE -> new VoteResponse(from, to, term,
                        wire.getVoteResponse().getGranted(), wire.getVoteResponse().getPreVote());
                case TIMEOUT_NOW -> new TimeoutNow(from, to, term);
                case READ_INDEX_REQUEST -> new ReadIndexRequest(from, to, term,
                        wire.getReadIndexRequest().getContext().toByteArray());
                case READ_INDEX_RESPONSE -> new ReadIndexResponse(from, to, term,
                        wire.getReadIndexResponse().getIndex(),
                        wire.getReadIndexResponse().getContext().toByteArray());
                case INSTALL_SNAPSHOT -> new InstallSnapshot(from, to, term,
                        decode(wire.getInstallSnapshot().getSnapshot()));
                case BODY_NOT_SET -> throw new MalformedRaftBatchException(
                        "message from " + from + " to " + to + " has no body");
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedRaftBatchException("invalid message: " + e.getMessage(), e);
        }
    }

    static WireLogEntry encode(LogEntry entry) {
        WireEntryType type = switch (entry.type()) {
            case COMMAND -> WireEntryType.WIRE_ENTRY_TYPE_COMMAND;
            case NOOP -> WireEntryType.WIRE_ENTRY_TYPE_NOOP;
            case CONF_CHANGE -> WireEntryType.WIRE_ENTRY_TYPE_CONF_CHANGE;
        };
        return WireLogEntry.newBuilder()
                .setTerm(entry.term())
                .setIndex(entry.index())
                .setType(type)
                .setData(UnsafeByteOperations.unsafeWrap(entry.data()))
                .build();
    }

    static LogEntry decode(WireLogEntry wire) {
        EntryType type = switch (wire.getType()) {
            case WIRE_ENTRY_TYPE_COMMAND -> EntryType.COMMAND;
            case WIRE_ENTRY_TYPE_NOOP -> EntryType.NOOP;
            case WIRE_ENTRY_TYPE_CONF_CHANGE -> EntryType.CONF_CHANGE;
            case WIRE_ENTRY_TYPE_UNSPECIFIED, UNRECOGNIZED ->
                    throw new MalformedRaftBatchException(
                    "log entry " + wire.getIndex() + " has no known type: " + wire.getTypeValue());
        };
        try {
            return new LogEntry(wire.getTerm(), wire.getIndex(), type, wire.getData().toByteArray());
        } catch (IllegalArgumentException e) {
            throw new MalformedRaftBatchException("invalid log entry: " + e.getMessage(), e);
        }
    }

    static WireSnapshot encode(Snapshot snapshot) {
        return WireSnapshot.newBuilder()
                .setIndex(snapshot.index())
                .setTerm(snapshot.term())
                .setMembership(encode(snapshot.meta().membership()))
                .setData(UnsafeByteOperations.unsafeWrap(snapshot.data()))
                .build();
    }

    static Snapshot decode(WireSnapshot wire) {
        try {
            return new Snapshot(new SnapshotMeta(wire.getIndex(), wire.getTerm(), decode(wire.getMembership())),
                    wire.getData().toByteArray());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedRaftBatchException("invalid snapshot: " + e.getMessage(), e);
        }
    }

    /** The wire form of {@code membership} (for snapshots; voters and learners sorted). */
    static WireMembership encode(Membership membership) {
        WireMembership.Builder b = WireMembership.newBuilder();
        membership.voters().forEach(n -> b.addVoters(n.value()));
        membership.learners().forEach(n -> b.addLearners(n.value()));
        return b.build();
    }

    static Membership decode(WireMembership wire) {
        try {
            TreeSet<NodeId> voters = new TreeSet<>();
            wire.getVotersList().forEach(v -> voters.add(NodeId.of(v)));
            TreeSet<NodeId> learners = new TreeSet<>();
            wire.getLearnersList().forEach(v -> learners.add(NodeId.of(v)));
            return new Membership(voters, learners);
        } catch (IllegalArgumentException e) {
            throw new MalformedRaftBatchException("invalid membership: " + e.getMessage(), e);
        }
    }
}
