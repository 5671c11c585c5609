package io.shaledb.replication.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.raft.RaftMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InMemoryTransportTest {
    private static final NodeId N1 = NodeId.of(1);
    private static final NodeId N2 = NodeId.of(2);
    private static final NodeId N3 = NodeId.of(3);

    /** A batch whose single heartbeat carries {@code tag} as its commit index. */
    static RaftBatch tagged(NodeId from, NodeId to, long tag) {
        return new RaftBatch(from, to, List.of(RaftEnvelope.of(RangeId.of(1),
                new RaftMessage.Heartbeat(from, to, 1, tag, 0))));
    }

    static RaftBatch withMessages(NodeId from, NodeId to, long tag, int count) {
        List<RaftEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            envelopes.add(RaftEnvelope.of(RangeId.of(i + 1),
                    new RaftMessage.Heartbeat(from, to, 1, tag, i)));
        }
        return new RaftBatch(from, to, envelopes);
    }

    static long tagOf(RaftBatch b) {
        return ((RaftMessage.Heartbeat) b.messages().get(0).message()).commit();
    }

    /** Three nodes exchanging tagged batches for 300 ticks under every kind of fault. */
    private static List<String> faultyRun(long seed) {
        FaultRates rates = new FaultRates(0.1, 0.2, 0.1, 0, 20);
        List<String> trace = new ArrayList<>();
        try (InMemoryTransport net = InMemoryTransport.deterministic(new SplittableRandom(seed),
                new NetworkFaults(rates))) {
            List<NodeId> nodes = List.of(N1, N2, N3);
            for (NodeId n : nodes) {
                net.listen(n, b -> trace.add(net.now() + " " + b.from() + "->" + b.to() + " "
                        + b.messages().stream().map(e -> ((RaftMessage.Heartbeat) e.message())
                                .readSequence()).toList()));
            }
            for (long t = 0; t < 300; t++) {
                net.advanceTo(t);
                if (t == 100) {
                    net.faults().cut(N1, N2);
                }
                for (NodeId from : nodes) {
                    for (NodeId to : nodes) {
                        if (!from.equals(to)) {
                            net.send(withMessages(from, to, t, 3));
                        }
                    }
                }
            }
            while (net.nextDueTime().isPresent()) {
                net.advanceTo(net.nextDueTime().getAsLong());
            }
            trace.add(net.stats().toString());
        }
        return trace;
    }

    @Test
    void sameSeedGivesTheSameDeliveryTrace() {
        List<String> first = faultyRun(42);
        assertTrue(first.size() > 1000, "a run delivers most batches: " + first.size());
        assertEquals(first, faultyRun(42));
        assertNotEquals(first, faultyRun(43));
    }

    /** Sends one batch on every ordered pair and returns the pairs that got through. */
    private static Set<DirectedLink> reachable(InMemoryTransport net, List<NodeId> nodes,
                                               List<RaftBatch> inbox) {
        inbox.clear();
        for (NodeId from : nodes) {
            for (NodeId to : nodes) {
                if (!from.equals(to)) {
                    net.send(tagged(from, to, 0));
                }
            }
        }
        net.deliverDue();
        Set<DirectedLink> links = new HashSet<>();
        for (RaftBatch b : inbox) {
            assertTrue(links.add(new DirectedLink(b.from(), b.to())), "delivered once: " + b);
        }
        return links;
    }

    private static Set<DirectedLink> allLinksExcept(List<NodeId> nodes, Set<DirectedLink> cut) {
        Set<DirectedLink> links = new HashSet<>();
        for (NodeId a : nodes) {
            for (NodeId b : nodes) {
                if (!a.equals(b) && !cut.contains(new DirectedLink(a, b))) {
                    links.add(new DirectedLink(a, b));
                }
            }
        }
        return links;
    }

    @Test
    void partitionsBlockExactlyTheCutDirections() {
        List<NodeId> nodes = List.of(N1, N2, N3, NodeId.of(4), NodeId.of(5));
        NetworkFaults faults = new NetworkFaults();
        List<RaftBatch> inbox = new ArrayList<>();
        try (InMemoryTransport net = InMemoryTransport.deterministic(new SplittableRandom(1), faults)) {
            nodes.forEach(n -> net.listen(n, inbox::add));
            assertEquals(allLinksExcept(nodes, Set.of()), reachable(net, nodes, inbox));

            faults.cut(N1, N2); // asymmetric: 2 still reaches 1
            assertEquals(allLinksExcept(nodes, Set.of(new DirectedLink(N1, N2))),
                    reachable(net, nodes, inbox));

            faults.isolate(N3);
            Set<DirectedLink> cut = new HashSet<>(Set.of(new DirectedLink(N1, N2)));
            for (NodeId n : nodes) {
                if (!n.equals(N3)) {
                    cut.add(new DirectedLink(n, N3));
                    cut.add(new DirectedLink(N3, n));
                }
            }
            assertEquals(allLinksExcept(nodes, cut), reachable(net, nodes, inbox));

            faults.healAll();
            assertEquals(allLinksExcept(nodes, Set.of()), reachable(net, nodes, inbox));

            // Bridge: {1,2} and {4,5} cannot talk, 3 talks to everyone.
            faults.bridge(List.of(N1, N2), N3, List.of(NodeId.of(4), NodeId.of(5)));
            Set<DirectedLink> bridged = new HashSet<>();
            for (NodeId a : List.of(N1, N2)) {
                for (NodeId b : List.of(NodeId.of(4), NodeId.of(5))) {
                    bridged.add(new DirectedLink(a, b));
                    bridged.add(new DirectedLink(b, a));
                }
            }
            assertEquals(allLinksExcept(nodes, bridged), reachable(net, nodes, inbox));
            assertEquals(bridged, faults.cuts());

            faults.healAll().heal(N1, N2);
            assertThrows(IllegalArgumentException.class,
                    () -> faults.split(List.of(N1, N2), List.of(N2, N3)));
            assertThrows(IllegalArgumentException.class,
                    () -> faults.bridge(List.of(N1), N1, List.of(N2)));
        }
    }

    @Test
    void linkRatesOverrideTheDefaultForOneDirection() {
        NetworkFaults faults = new NetworkFaults().setLinkRates(N1, N2, FaultRates.NONE.withDrop(1));
        List<RaftBatch> inbox = new ArrayList<>();
        try (InMemoryTransport net = InMemoryTransport.deterministic(new SplittableRandom(1), faults)) {
            List<NodeId> nodes = List.of(N1, N2, N3);
            nodes.forEach(n -> net.listen(n, inbox::add));
            assertEquals(allLinksExcept(nodes, Set.of(new DirectedLink(N1, N2))),
                    reachable(net, nodes, inbox));
            faults.setLinkRates(N1, N2, null);
            assertEquals(allLinksExcept(nodes, Set.of()), reachable(net, nodes, inbox));
            assertEquals(1, net.stats().dropped());
        }
    }

    @Test
    void cutAlsoStopsBatchesAlreadyInFlight() {
        NetworkFaults faults = new NetworkFaults(FaultRates.NONE.withDelay(10, 10));
        List<RaftBatch> inbox = new ArrayList<>();
        try (InMemoryTransport net = InMemoryTransport.deterministic(new SplittableRandom(1), faults)) {
            net.listen(N2, inbox::add);
            net.send(tagged(N1, N2, 1));
            assertEquals(0, net.advanceTo(9));
            faults.cut(N1, N2);
            assertEquals(0, net.advanceTo(10));
            assertEquals(0, net.inFlight());
            assertEquals(1, net.stats().blocked());
            faults.heal(N1, N2);
            net.send(tagged(N1, N2, 2));
            assertEquals(1, net.advanceTo(20));
            assertEquals(2, tagOf(inbox.get(0)));
        }
    }

    @Test
    void dropsAndDuplicatesHappenAtTheConfiguredRates() {
        FaultRates rates = FaultRates.NONE.withDrop(0.1).withDuplicate(0.2).withMessageDrop(0.25);
        int batches = 4000;
        int perBatch = 4;
        List<RaftBatch> inbox = new ArrayList<>();
        try (InMemoryTransport net = InMemoryTransport.deterministic(new SplittableRandom(7),
                new NetworkFaults(rates))) {
            net.listen(N2, inbox::add);
            for (int i = 0; i < batches; i++) {
                net.send(withMessages(N1, N2, i, perBatch));
            }
            net.deliverDue();
            InMemoryTransport.Stats s = net.stats();
            assertEquals(batches, s.sent());
            assertNear(batches * 0.1, s.dropped(), batches, 0.1);
            long survivors = batches - s.dropped();
            assertNear(survivors * 0.2, s.duplicated(), survivors, 0.2);
            assertEquals(survivors + s.duplicated(), s.delivered());
            assertEquals(s.delivered(), inbox.size());
            assertNear(survivors * perBatch * 0.25, s.messagesDropped(), survivors * perBatch, 0.25);
            long messagesReceived = inbox.stream().mapToLong(b -> b.messages().size()).sum();
            assertTrue(messagesReceived < inbox.size() * (long) perBatch);
            // A duplicate is the same batch twice, right after the original (equal delays).
            long adjacentTwins = 0;
            for (int i = 1; i < inbox.size(); i++) {
                if (inbox.get(i).equals(inbox.get(i - 1))) {
                    adjacentTwins++;
                }
            }
            assertEquals(s.duplicated(), adjacentTwins);
        }
    }

    /** Within five standard deviations of a binomial(n, p) mean. */
    private static void assertNear(double expected, long actual, long n, double p) {
        double sigma = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(actual - expected) <= 5 * sigma,
                "expected about " + expected + " (sigma " + sigma + "), got " + actual);
    }

    @Test
    void delaysWithinTheRangeAndWideRangesReorder() {
        int sends = 1000;
        List<long[]> arrivals = new ArrayList<>(); // {tag, arrival time}
        try (InMemoryTransport net = InMemoryTransport.deterministic(new SplittableRandom(3),
                new NetworkFaults(FaultRates.NONE.withDelay(2, 12)))) {
            net.listen(N2, b -> arrivals.add(new long[] {tagOf(b), net.now()}));
            for (long t = 0; t < sends; t++) {
                net.advanceTo(t);
                net.send(tagged(N1, N2, t));
            }
            while (net.nextDueTime().isPresent()) {
                net.advanceTo(net.nextDueTime().getAsLong());
            }
        }
        assertEquals(sends, arrivals.size());
        int inversions = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            long delay = arrivals.get(i)[1] - arrivals.get(i)[0];
            assertTrue(delay >= 2 && delay <= 12, "delay " + delay);
            if (i > 0 && arrivals.get(i)[0] < arrivals.get(i - 1)[0]) {
                inversions++;
            }
        }
        assertTrue(inversions > sends / 10, "a 10-tick delay spread reorders: " + inversions);

        List<Long> inOrder = new ArrayList<>();
        try (InMemoryTransport net = InMemoryTransport.deterministic(new SplittableRandom(3),
                new NetworkFaults(FaultRates.NONE.withDelay(5, 5)))) {
            net.listen(N2, b -> inOrder.add(tagOf(b)));
            for (long t = 0; t < sends; t++) {
                net.advanceTo(t / 3); // several sends per tick keep their order too
                net.send(tagged(N1, N2, t));
            }
            net.advanceTo(sends);
        }
        assertEquals(sends, inOrder.size());
        for (int i = 0; i < sends; i++) {
            assertEquals(i, inOrder.get(i));
        }
    }

    @Test
    void detachedNodeMissesItsBatchesAndMayListenAgain() {
        List<RaftBatch> inbox = new ArrayList<>();
        try (InMemoryTransport net = InMemoryTransport.deterministic(new SplittableRandom(1),
                new NetworkFaults())) {
            net.listen(N2, inbox::add);
            assertThrows(IllegalStateException.class, () -> net.listen(N2, inbox::add));
            net.send(tagged(N1, N2, 1));
            assertTrue(net.detach(N2));
            assertFalse(net.isListening(N2));
            net.deliverDue();
            assertEquals(1, net.stats().undeliverable());
            net.listen(N2, inbox::add);
            net.send(tagged(N1, N2, 2));
            net.send(tagged(N1, N3, 3)); // nobody listens on n3: discarded, not thrown
            net.send(tagged(N2, N2, 4)); // to itself: allowed
            assertEquals(2, net.deliverDue());
            assertEquals(List.of(2L, 4L), inbox.stream().map(InMemoryTransportTest::tagOf).toList());
            assertThrows(IllegalArgumentException.class, () -> net.advanceTo(-1));
        }
    }

    @Test
    void endpointGivesOneStoreItsOwnTransportOnTheSharedNetwork() {
        List<RaftBatch> inbox2 = new ArrayList<>();
        List<RaftBatch> inbox1 = new ArrayList<>();
        try (InMemoryTransport net = InMemoryTransport.deterministic(new SplittableRandom(1),
                new NetworkFaults())) {
            RaftTransport e1 = net.endpoint(N1);
            RaftTransport e2 = net.endpoint(N2);
            e1.listen(N1, inbox1::add);
            e2.listen(N2, inbox2::add);
            assertThrows(IllegalArgumentException.class, () -> e1.listen(N2, inbox2::add));
            assertThrows(IllegalArgumentException.class, () -> e1.send(tagged(N2, N1, 0)));
            e1.send(tagged(N1, N2, 1));
            e2.send(tagged(N2, N1, 2));
            net.deliverDue();
            assertEquals(1, inbox1.size());
            assertEquals(1, inbox2.size());

            e2.close(); // n2 stops; the network and n1 go on
            assertFalse(net.isListening(N2));
            assertTrue(net.isListening(N1));
            e2.send(tagged(N2, N1, 3)); // ignored
            e1.send(tagged(N1, N2, 4)); // undeliverable
            assertEquals(0, net.deliverDue());
            assertThrows(IllegalStateException.class, () -> e2.listen(N2, inbox2::add));

            RaftTransport restarted = net.endpoint(N2);
            restarted.listen(N2, inbox2::add);
            e1.send(tagged(N1, N2, 5));
            assertEquals(1, net.deliverDue());
            assertEquals(List.of(1L, 5L), inbox2.stream().map(InMemoryTransportTest::tagOf).toList());
        }
    }

    @Test
    void batchesSentWhileDeliveringWaitForTheNextCall() {
        List<Long> seen = new ArrayList<>();
        try (InMemoryTransport net = InMemoryTransport.deterministic(new SplittableRandom(1),
                new NetworkFaults())) {
            net.listen(N1, b -> {
                seen.add(tagOf(b));
                net.send(tagged(N1, N2, tagOf(b) + 1));
            });
            net.listen(N2, b -> {
                seen.add(tagOf(b));
                net.send(tagged(N2, N1, tagOf(b) + 1));
            });
            net.send(tagged(N2, N1, 0));
            assertEquals(1, net.deliverDue());
            assertEquals(1, net.deliverDue());
            assertEquals(1, net.deliverDue());
            assertEquals(List.of(0L, 1L, 2L), seen);
        }
    }

    @Test
    void liveModeDeliversAfterRealDelaysAndCloseStopsItsThread() throws Exception {
        List<Long> received = new CopyOnWriteArrayList<>();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        InMemoryTransport net = InMemoryTransport.live(new SplittableRandom(5),
                new NetworkFaults(FaultRates.NONE.withDelay(3, 3)), Duration.ofMillis(1));
        Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
        started.removeAll(before);
        assertEquals(1, started.size(), "one delivery thread: " + started);
        Thread delivery = started.iterator().next();
        assertTrue(delivery.getName().startsWith("raft-inmemory-delivery-"));
        assertThrows(IllegalStateException.class, () -> net.advanceTo(1));

        net.listen(N2, b -> received.add(tagOf(b)));
        long sentAt = System.nanoTime();
        for (long i = 0; i < 200; i++) {
            net.send(tagged(N1, N2, i));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.size() < 200 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        assertTrue(System.nanoTime() - sentAt >= Duration.ofMillis(3).toNanos());
        assertEquals(200, received.size());
        for (int i = 0; i < 200; i++) {
            assertEquals(i, received.get(i));
        }

        net.send(tagged(N1, N2, 999)); // in flight at close: discarded
        net.close();
        assertFalse(delivery.isAlive());
        net.send(tagged(N1, N2, 1000)); // ignored after close
        assertEquals(200, received.size());
    }
}
