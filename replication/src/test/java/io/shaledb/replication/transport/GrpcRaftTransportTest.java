package io.shaledb.replication.transport;

import static io.shaledb.replication.transport.InMemoryTransportTest.tagOf;
import static io.shaledb.replication.transport.InMemoryTransportTest.tagged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.RaftMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrpcRaftTransportTest {
    private static final NodeId N1 = NodeId.of(1);
    private static final NodeId N2 = NodeId.of(2);
    private static final NodeId N3 = NodeId.of(3);
    private static final GrpcTransportConfig CONFIG = GrpcTransportConfig.defaults()
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200));

    private final Map<NodeId, PeerAddress> directory = new ConcurrentHashMap<>();
    private final PeerResolver resolver = n -> Optional.ofNullable(directory.get(n));
    private final List<GrpcRaftTransport> opened = new ArrayList<>();

    /** A started transport for {@code node}, registered in the directory. */
    private GrpcRaftTransport start(NodeId node, List<RaftBatch> inbox, GrpcTransportConfig config) {
        GrpcRaftTransport t = new GrpcRaftTransport(config, resolver);
        opened.add(t);
        t.listen(node, inbox::add);
        directory.put(node, t.address());
        return t;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(GrpcRaftTransport::close);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static List<Long> tagsFrom(List<RaftBatch> inbox, NodeId from) {
        return inbox.stream().filter(b -> b.from().equals(from))
                .map(InMemoryTransportTest::tagOf).toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> r = new ArrayList<>();
        for (long i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }

    @Test
    void threeTransportsExchangeBatchesInOrder() throws Exception {
        List<NodeId> nodes = List.of(N1, N2, N3);
        Map<NodeId, List<RaftBatch>> inboxes = new ConcurrentHashMap<>();
        Map<NodeId, GrpcRaftTransport> transports = new ConcurrentHashMap<>();
        for (NodeId n : nodes) {
            inboxes.put(n, new CopyOnWriteArrayList<>());
            transports.put(n, start(n, inboxes.get(n), CONFIG));
        }
        int perPair = 500;
        for (int i = 0; i < perPair; i++) {
            for (NodeId from : nodes) {
                for (NodeId to : nodes) {
                    if (!from.equals(to)) {
                        transports.get(from).send(tagged(from, to, i));
                    }
                }
            }
        }
        for (NodeId to : nodes) {
            await(to + " receives all", () -> inboxes.get(to).size() == 2 * perPair);
            for (NodeId from : nodes) {
                if (!from.equals(to)) {
                    assertEquals(range(0, perPair), tagsFrom(inboxes.get(to), from));
                }
            }
        }
        for (NodeId n : nodes) {
            GrpcTransportStats s = transports.get(n).stats();
            assertEquals(2L * perPair, s.batchesSent());
            assertEquals(2L * perPair, s.batchesReceived());
            assertEquals(0, s.droppedOverflow());
            assertEquals(2, s.connects());
        }
    }

    @Test
    void batchesQueuedWhilePeerIsUnknownGoOutCoalescedOnceItAppears() throws Exception {
        GrpcRaftTransport a = start(N1, new CopyOnWriteArrayList<>(), CONFIG);
        for (int i = 0; i < 50; i++) {
            a.send(tagged(N1, N2, i));
        }
        await("a failed attempt", () -> a.stats().connectFailures() > 0);
        List<RaftBatch> inbox = new CopyOnWriteArrayList<>();
        start(N2, inbox, CONFIG);
        await("the queued batches", () -> inbox.size() == 50);
        assertEquals(range(0, 50), tagsFrom(inbox, N1));
        assertEquals(1, a.stats().framesSent(), "all 50 were queued: one frame");
    }

    @Test
    void restartedPeerIsReconnectedToAndLaterBatchesArrive() throws Exception {
        GrpcRaftTransport a = start(N1, new CopyOnWriteArrayList<>(), CONFIG);
        List<RaftBatch> first = new CopyOnWriteArrayList<>();
        GrpcRaftTransport b = start(N2, first, CONFIG);
        a.send(tagged(N1, N2, 0));
        await("first batch", () -> first.size() == 1);

        b.close();
        directory.remove(N2);
        for (int i = 1; i <= 20; i++) {
            a.send(tagged(N1, N2, i)); // lost or queued; never blocks nor throws
        }
        await("the broken stream to be noticed", () -> a.stats().connectFailures() > 0);

        List<RaftBatch> second = new CopyOnWriteArrayList<>();
        start(N2, second, CONFIG); // a new process: new port, found through the resolver
        long tag = 100;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (second.stream().noneMatch(x -> tagOf(x) >= 100)) {
            assertTrue(System.nanoTime() < deadline, "no batch reached the restarted peer");
            a.send(tagged(N1, N2, tag++));
            Thread.sleep(10);
        }
        for (long i = 1000; i < 1100; i++) {
            a.send(tagged(N1, N2, i));
        }
        await("later batches", () -> tagsFrom(second, N1).contains(1099L));
        List<Long> tags = tagsFrom(second, N1);
        assertEquals(range(1000, 1100), tags.subList(tags.size() - 100, tags.size()));
        for (int i = 1; i < tags.size(); i++) {
            assertTrue(tags.get(i) > tags.get(i - 1), "in order: " + tags);
        }
        assertTrue(a.stats().connects() >= 2);
    }

    @Test
    void sendingToUnknownOrDownPeersNeitherBlocksNorThrows() throws Exception {
        GrpcTransportConfig small = CONFIG.withSendQueue(100,
                GrpcTransportConfig.OverflowPolicy.DROP_OLDEST);
        GrpcRaftTransport a = start(N1, new CopyOnWriteArrayList<>(), small);
        NodeId down = NodeId.of(8);
        NodeId unknown = NodeId.of(9);
        directory.put(down, new PeerAddress("127.0.0.1", freePort()));
        long started = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            a.send(tagged(N1, down, i));
            a.send(tagged(N1, unknown, i));
        }
        long elapsed = System.nanoTime() - started;
        assertTrue(elapsed < Duration.ofSeconds(5).toNanos(), "send blocked: " + elapsed + " ns");
        assertTrue(a.queuedFor(down) <= 100 && a.queuedFor(unknown) <= 100);
        assertTrue(a.stats().droppedOverflow() >= 2 * (20_000 - 100 - 1));
        await("failed attempts to both", () -> a.stats().connectFailures() >= 2);

        GrpcTransportConfig newest = CONFIG.withSendQueue(10,
                GrpcTransportConfig.OverflowPolicy.DROP_NEWEST);
        GrpcRaftTransport c = start(N3, new CopyOnWriteArrayList<>(), newest);
        for (int i = 0; i < 100; i++) {
            c.send(tagged(N3, unknown, i));
        }
        assertTrue(c.queuedFor(unknown) <= 10);
        assertTrue(c.stats().droppedOverflow() >= 89);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void fourMebibyteBatchGetsThrough() throws Exception {
        List<RaftBatch> inbox = new CopyOnWriteArrayList<>();
        GrpcRaftTransport a = start(N1, new CopyOnWriteArrayList<>(), CONFIG);
        start(N2, inbox, CONFIG);
        Random random = new Random(11);
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 64; i++) {
            byte[] data = new byte[64 * 1024];
            random.nextBytes(data);
            entries.add(new LogEntry(3, i, EntryType.COMMAND, data));
        }
        RaftBatch big = new RaftBatch(N1, N2, List.of(RaftEnvelope.of(RangeId.of(5),
                new RaftMessage.AppendEntries(N1, N2, 3, 0, 0, entries, 0))));
        a.send(tagged(N1, N2, 6));
        await("a connection", () -> inbox.size() == 1);
        a.send(big);
        a.send(tagged(N1, N2, 7));
        await("the big batch", () -> inbox.size() == 3);
        inbox.remove(0);
        assertTrue(ValueEquality.same(big, inbox.get(0)));
        assertEquals(7, tagOf(inbox.get(1)));
    }

    @Test
    void batchOverTheMessageLimitIsDroppedAndTheStreamGoesOn() throws Exception {
        GrpcTransportConfig tight = CONFIG.withMessageLimits(1 << 20, 256 << 10);
        List<RaftBatch> inbox = new CopyOnWriteArrayList<>();
        GrpcRaftTransport a = start(N1, new CopyOnWriteArrayList<>(), tight);
        start(N2, inbox, tight);
        LogEntry huge = new LogEntry(1, 1, EntryType.COMMAND, new byte[2 << 20]);
        a.send(tagged(N1, N2, 1));
        a.send(new RaftBatch(N1, N2, List.of(RaftEnvelope.of(RangeId.of(1),
                new RaftMessage.AppendEntries(N1, N2, 1, 0, 0, List.of(huge), 0)))));
        a.send(tagged(N1, N2, 2));
        await("the small batches", () -> inbox.size() == 2);
        assertEquals(List.of(1L, 2L), tagsFrom(inbox, N1));
        assertEquals(1, a.stats().droppedOversized());
        assertEquals(1, a.stats().connects());
    }

    @Test
    void misaddressedBatchesAreRejectedByTheReceiver() throws Exception {
        List<RaftBatch> inbox = new CopyOnWriteArrayList<>();
        GrpcRaftTransport a = start(N1, new CopyOnWriteArrayList<>(), CONFIG);
        GrpcRaftTransport b = start(N2, inbox, CONFIG);
        directory.put(N3, b.address()); // a stale directory entry: n3's address now serves n2
        a.send(tagged(N1, N3, 1));
        await("the rejection", () -> b.stats().rejectedInbound() > 0);
        a.send(tagged(N1, N2, 2));
        await("the good batch", () -> inbox.size() == 1);
        assertEquals(N2, inbox.get(0).to());
    }

    @Test
    void handlerFailuresAreCountedAndDeliveryGoesOn() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        GrpcRaftTransport a = start(N1, new CopyOnWriteArrayList<>(), CONFIG);
        GrpcRaftTransport b = new GrpcRaftTransport(CONFIG, resolver);
        opened.add(b);
        b.listen(N2, batch -> {
            seen.add(tagOf(batch));
            if (tagOf(batch) % 2 == 0) {
                throw new IllegalStateException("store rejected " + tagOf(batch));
            }
        });
        directory.put(N2, b.address());
        for (int i = 0; i < 10; i++) {
            a.send(tagged(N1, N2, i));
        }
        await("all ten", () -> seen.size() == 10);
        assertEquals(range(0, 10), seen);
        assertEquals(5, b.stats().handlerFailures());
        assertEquals(1, a.stats().connects());
    }

    @Test
    void misuseIsReported() {
        GrpcRaftTransport t = new GrpcRaftTransport(CONFIG, resolver);
        opened.add(t);
        assertThrows(IllegalStateException.class, () -> t.send(tagged(N1, N2, 1)));
        t.listen(N1, b -> { });
        assertThrows(IllegalStateException.class, () -> t.listen(N1, b -> { }));
        assertThrows(IllegalArgumentException.class, () -> t.send(tagged(N2, N1, 1)));
        t.close();
        t.send(tagged(N1, N2, 1)); // ignored after close
        assertThrows(IllegalStateException.class, () -> t.listen(N1, b -> { }));
        assertEquals(new PeerAddress("127.0.0.1", 26257), PeerAddress.parse("127.0.0.1:26257"));
        assertThrows(IllegalArgumentException.class, () -> PeerAddress.parse("localhost"));
        assertThrows(IllegalArgumentException.class, () -> PeerAddress.parse("h:0"));
    }

    @Test
    void closeLeavesNoTransportThreadsAlive() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        List<RaftBatch> inbox = new CopyOnWriteArrayList<>();
        GrpcRaftTransport a = start(N1, inbox, CONFIG);
        GrpcRaftTransport b = start(N2, inbox, CONFIG);
        directory.put(N3, new PeerAddress("127.0.0.1", freePort())); // a down peer, retrying
        for (int i = 0; i < 100; i++) {
            a.send(tagged(N1, N2, i));
            b.send(tagged(N2, N1, i));
            a.send(tagged(N1, N3, i));
        }
        await("traffic both ways", () -> inbox.size() == 200);
        assertTrue(threadsSince(before).stream().anyMatch(t -> t.getName().startsWith("raft-grpc-n1")));
        a.close();
        b.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<Thread> left = threadsSince(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = threadsSince(before);
        }
        assertEquals(Set.of(), left, "threads left after close");
    }

    private static Set<Thread> threadsSince(Set<Thread> before) {
        Set<Thread> now = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !before.contains(t)) {
                now.add(t);
            }
        }
        return now;
    }
}
