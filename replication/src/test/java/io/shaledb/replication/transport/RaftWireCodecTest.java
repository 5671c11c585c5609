package io.shaledb.replication.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.RaftMessage;
import io.shaledb.replication.transport.proto.WireBatch;
import io.shaledb.replication.transport.proto.WireEntryType;
import io.shaledb.replication.transport.proto.WireEnvelope;
import io.shaledb.replication.transport.proto.WireLogEntry;
import io.shaledb.replication.transport.proto.WireMembership;
import io.shaledb.replication.transport.proto.WireMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RaftWireCodecTest {

    @Property(tries = 300)
    void batchesSurviveTheWireUnchanged(@ForAll("batches") RaftBatch batch) throws Exception {
        byte[] bytes = RaftWireCodec.encode(batch).toByteArray();
        RaftBatch back = RaftWireCodec.decode(WireBatch.parseFrom(bytes));
        assertTrue(ValueEquality.same(batch, back), () -> batch + " came back as " + back);
    }

    @Property(tries = 300)
    void everyVariantSurvivesTheWireUnchanged(@ForAll("messages") RaftMessage message)
            throws Exception {
        byte[] bytes = RaftWireCodec.encode(message).toByteArray();
        RaftMessage back = RaftWireCodec.decode(WireMessage.parseFrom(bytes));
        assertTrue(ValueEquality.same(message, back), () -> message + " came back as " + back);
    }

    @Provide
    Arbitrary<RaftBatch> batches() {
        return RaftMessageArbitraries.batches();
    }

    @Provide
    Arbitrary<RaftMessage> messages() {
        return RaftMessageArbitraries.messages();
    }

    /** Fails when RaftMessage gains a variant: give it a generator here and a wire form. */
    @Test
    void generatorsCoverEveryPermittedVariant() {
        Set<Class<?>> permitted = Set.of(RaftMessage.class.getPermittedSubclasses());
        assertEquals(permitted, RaftMessageArbitraries.byVariant().keySet(),
                "RaftMessage variants without a generator (and likely without a wire form)");
    }

    @Test
    void emptyBatchIsAValidHeartbeatOfTheStores() {
        RaftBatch empty = new RaftBatch(NodeId.of(1), NodeId.of(2), List.of());
        assertEquals(empty, RaftWireCodec.decode(RaftWireCodec.encode(empty)));
    }

    @Test
    void quiesceFlagTravelsOnHeartbeats() {
        RaftEnvelope e = new RaftEnvelope(RangeId.of(7),
                new RaftMessage.Heartbeat(NodeId.of(1), NodeId.of(2), 3, 4, 5), true);
        RaftBatch b = new RaftBatch(NodeId.of(1), NodeId.of(2), List.of(e));
        assertTrue(RaftWireCodec.decode(RaftWireCodec.encode(b)).messages().get(0).quiesce());
    }

    @Property(tries = 100)
    void membershipsSurviveTheWireUnchanged(@ForAll("memberships") Membership membership) {
        assertEquals(membership, RaftWireCodec.decode(RaftWireCodec.encode(membership)));
    }

    @Provide
    Arbitrary<Membership> memberships() {
        Arbitrary<NodeId> ids = Arbitraries.longs().between(1, 20).map(NodeId::of);
        return Combinators.combine(ids.set().ofMinSize(1).ofMaxSize(5), ids.set().ofMaxSize(3))
                .as((voters, learners) -> {
                    Set<NodeId> onlyLearners = new HashSet<>(learners);
                    onlyLearners.removeAll(voters);
                    return new Membership(new TreeSet<>(voters), new TreeSet<>(onlyLearners));
                });
    }

    @Test
    void membershipWithAVotingLearnerIsMalformed() {
        WireMembership both = WireMembership.newBuilder().addVoters(1).addLearners(1).build();
        assertThrows(MalformedRaftBatchException.class, () -> RaftWireCodec.decode(both));
        WireMembership none = WireMembership.newBuilder().addLearners(2).build();
        assertThrows(MalformedRaftBatchException.class, () -> RaftWireCodec.decode(none));
    }

    @Test
    void messageWithoutBodyIsMalformed() {
        WireMessage noBody = WireMessage.newBuilder().setFrom(1).setTo(2).setTerm(1).build();
        assertThrows(MalformedRaftBatchException.class, () -> RaftWireCodec.decode(noBody));
    }

    @Test
    void nonPositiveIdsAreMalformed() {
        assertThrows(MalformedRaftBatchException.class,
                () -> RaftWireCodec.decode(WireBatch.newBuilder().setFrom(0).setTo(2).build()));
        WireMessage hb = RaftWireCodec.encode(new RaftMessage.TimeoutNow(NodeId.of(1), NodeId.of(2), 1));
        WireBatch badRange = WireBatch.newBuilder().setFrom(1).setTo(2)
                .addEnvelopes(WireEnvelope.newBuilder().setRangeId(-3).setMessage(hb)).build();
        assertThrows(MalformedRaftBatchException.class, () -> RaftWireCodec.decode(badRange));
        WireBatch noMessage = WireBatch.newBuilder().setFrom(1).setTo(2)
                .addEnvelopes(WireEnvelope.newBuilder().setRangeId(3)).build();
        assertThrows(MalformedRaftBatchException.class, () -> RaftWireCodec.decode(noMessage));
    }

    @Test
    void entryOfUnknownTypeOrInvalidIndexIsMalformed() {
        WireLogEntry untyped = WireLogEntry.newBuilder().setTerm(1).setIndex(1).build();
        assertThrows(MalformedRaftBatchException.class, () -> RaftWireCodec.decode(untyped));
        WireLogEntry future = untyped.toBuilder().setTypeValue(99).build();
        assertThrows(MalformedRaftBatchException.class, () -> RaftWireCodec.decode(future));
        WireLogEntry zeroIndex = RaftWireCodec.encode(
                new LogEntry(1, 1, EntryType.COMMAND, new byte[] {1})).toBuilder().setIndex(0).build();
        assertThrows(MalformedRaftBatchException.class, () -> RaftWireCodec.decode(zeroIndex));
        assertEquals(WireEntryType.WIRE_ENTRY_TYPE_NOOP,
                RaftWireCodec.encode(new LogEntry(2, 2, EntryType.NOOP, new byte[0])).getType());
    }
}
