package io.shaledb.replication.transport;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.ConfChange;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.Membership;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.RaftMessage.InstallSnapshot;
import io.shaledb.replication.raft.Snapshot;
import io.shaledb.replication.raft.SnapshotMeta;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators for every {@link RaftMessage} variant, envelopes and batches. {@link #byVariant()}
 * must hold one entry per permitted subclass; {@code RaftWireCodecTest} checks that, so a new
 * variant fails the build until it has a generator (and, through the round trip, a wire form).
 */
final class RaftMessageArbitraries {
    private RaftMessageArbitraries() {
    }

    static Arbitrary<NodeId> nodes() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE).edgeCases(c -> c.add(1L))
                .map(NodeId::of);
    }

    static Arbitrary<Long> counters() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE);
    }

    static Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    static Arbitrary<LogEntry> entries() {
        Arbitrary<Long> positive = Arbitraries.longs().between(1, Long.MAX_VALUE);
        Arbitrary<LogEntry> commands = Combinators.combine(positive, positive, bytes(64))
                .as((t, i, d) -> new LogEntry(t, i, EntryType.COMMAND, d));
        Arbitrary<LogEntry> noops = Combinators.combine(positive, positive)
                .as((t, i) -> new LogEntry(t, i, EntryType.NOOP, new byte[0]));
        Arbitrary<LogEntry> confChanges = Combinators.combine(positive, positive,
                        Arbitraries.of(ConfChange.Type.class), positive)
                .as((t, i, type, node) -> new LogEntry(t, i, EntryType.CONF_CHANGE,
                        new ConfChange(type, NodeId.of(node)).encode()));
        return Arbitraries.oneOf(commands, noops, confChanges);
    }

    /** One generator per permitted variant, keyed by the variant's class. */
    static Map<Class<?>, Arbitrary<? extends RaftMessage>> byVariant() {
        Arbitrary<NodeId> n = nodes();
        Arbitrary<Long> c = counters();
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Map<Class<?>, Arbitrary<? extends RaftMessage>> m = new LinkedHashMap<>();
        m.put(AppendEntries.class, Combinators.combine(n, n, c, c, c,
                entries().list().ofMaxSize(5), c).as(AppendEntries::new));
        m.put(AppendResponse.class, Combinators.combine(n, n, c, c, flag, c, c)
                .as(AppendResponse::new));
        m.put(Heartbeat.class, Combinators.combine(n, n, c, c, c).as(Heartbeat::new));
        m.put(HeartbeatResponse.class, Combinators.combine(n, n, c, c).as(HeartbeatResponse::new));
        m.put(VoteRequest.class, Combinators.combine(n, n, c, c, c, flag, flag)
                .as(VoteRequest::new));
        m.put(VoteResponse.class, Combinators.combine(n, n, c, flag, flag).as(VoteResponse::new));
        m.put(TimeoutNow.class, Combinators.combine(n, n, c).as(TimeoutNow::new));
        m.put(ReadIndexRequest.class, Combinators.combine(n, n, c, bytes(32))
                .as(ReadIndexRequest::new));
        m.put(ReadIndexResponse.class, Combinators.combine(n, n, c, c, bytes(32))
                .as(ReadIndexResponse::new));
        Arbitrary<Long> positive = Arbitraries.longs().between(1, Long.MAX_VALUE);
        Arbitrary<Snapshot> snapshots = Combinators.combine(positive, positive, memberships(), bytes(64))
                .as((i, t, ms, d) -> new Snapshot(new SnapshotMeta(i, t, ms), d));
        m.put(InstallSnapshot.class, Combinators.combine(n, n, c, snapshots).as(InstallSnapshot::new));
        return m;
    }

    /** Memberships of 1-5 voters and 0-2 learners drawn from small ids (disjoint by construction). */
    static Arbitrary<Membership> memberships() {
        return Arbitraries.longs().between(1, 8).set().ofMinSize(1).ofMaxSize(7).map(ids -> {
            java.util.TreeSet<NodeId> voters = new java.util.TreeSet<>();
            java.util.TreeSet<NodeId> learners = new java.util.TreeSet<>();
            int i = 0;
            for (long id : new java.util.TreeSet<>(ids)) {
                (i++ % 3 == 2 ? learners : voters).add(NodeId.of(id));
            }
            return new Membership(voters, learners);
        });
    }

    static Arbitrary<RaftMessage> messages() {
        List<Arbitrary<? extends RaftMessage>> all = List.copyOf(byVariant().values());
        return Arbitraries.oneOf(all);
    }

    static Arbitrary<RaftEnvelope> envelopes() {
        Arbitrary<RangeId> ranges = Arbitraries.longs().between(1, Long.MAX_VALUE).map(RangeId::of);
        return Combinators.combine(ranges, messages(), Arbitraries.of(true, false))
                .as((r, msg, q) -> new RaftEnvelope(r, msg, q && msg instanceof Heartbeat));
    }

    static Arbitrary<RaftBatch> batches() {
        return Combinators.combine(nodes(), nodes(), envelopes().list().ofMaxSize(8))
                .as(RaftBatch::new);
    }
}
