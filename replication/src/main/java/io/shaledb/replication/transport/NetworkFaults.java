package io.shaledb.replication.transport;

import io.shaledb.replication.raft.NodeId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The faults an {@link InMemoryTransport} applies: loss, duplication and delay rates (one
 * default plus per-link overrides) and partitions. A partition is a set of cut
 * {@linkplain DirectedLink directed links}, so cuts can be asymmetric (A hears B but B does not
 * hear A), plus a set of isolated nodes that can neither send nor receive. Faults change while a
 * simulation runs; the transport consults this object for every batch it sends and again when
 * the batch is due, so a cut also stops batches already in flight on that link.
 *
 * <p>No randomness lives here: the transport draws from its own seeded generator. Thread-safe
 * (every method synchronizes on this object), so a test thread may cut links while a live
 * transport delivers.
 */
public final class NetworkFaults {
    private FaultRates rates;
    private final Map<DirectedLink, FaultRates> linkRates = new HashMap<>();
    private final Set<DirectedLink> cuts = new HashSet<>();
    private final Set<NodeId> isolated = new HashSet<>();

    /** A network without faults. */
    public NetworkFaults() {
        this(FaultRates.NONE);
    }

    public NetworkFaults(FaultRates rates) {
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    /** Sets the rates of every link without an override. */
    public synchronized NetworkFaults setRates(FaultRates newRates) {
        rates = Objects.requireNonNull(newRates, "rates");
        return this;
    }

    /** Overrides the rates of one directed link; {@code null} removes the override. */
    public synchronized NetworkFaults setLinkRates(NodeId from, NodeId to, FaultRates linkRate) {
        DirectedLink link = new DirectedLink(from, to);
        if (linkRate == null) {
            linkRates.remove(link);
        } else {
            linkRates.put(link, linkRate);
        }
        return this;
    }

    /**
     * The rates that apply to batches from {@code from} to {@code to}; a node sending to itself
     * gets the default rates.
     */
    public synchronized FaultRates ratesFor(NodeId from, NodeId to) {
        if (from.equals(to)) {
            return rates;
        }
        return linkRates.getOrDefault(new DirectedLink(from, to), rates);
    }

    /** Blocks {@code from -> to} only; {@code to -> from} is untouched. */
    public synchronized NetworkFaults cut(NodeId from, NodeId to) {
        cuts.add(new DirectedLink(from, to));
        return this;
    }

    /** Blocks both directions between {@code a} and {@code b}. */
    public synchronized NetworkFaults cutBoth(NodeId a, NodeId b) {
        DirectedLink link = new DirectedLink(a, b);
        cuts.add(link);
        cuts.add(link.reversed());
        return this;
    }

    /** Reopens {@code from -> to} (only that direction). */
    public synchronized NetworkFaults heal(NodeId from, NodeId to) {
        cuts.remove(new DirectedLink(from, to));
        return this;
    }

    /** Cuts {@code node} off from every other node, in both directions, until {@link #rejoin}. */
    public synchronized NetworkFaults isolate(NodeId node) {
        isolated.add(Objects.requireNonNull(node, "node"));
        return this;
    }

    /** Ends the isolation of {@code node}; explicit cuts touching it stay. */
    public synchronized NetworkFaults rejoin(NodeId node) {
        isolated.remove(node);
        return this;
    }

    /**
     * Splits the cluster: every link between a node of {@code side} and a node of {@code other}
     * is cut both ways; links inside each side stay as they are.
     *
     * @throws IllegalArgumentException if the sides overlap
     */
    public synchronized NetworkFaults split(Collection<NodeId> side, Collection<NodeId> other) {
        for (NodeId a : side) {
            if (other.contains(a)) {
                throw new IllegalArgumentException(a + " is on both sides of the split");
            }
            for (NodeId b : other) {
                cuts.add(new DirectedLink(a, b));
                cuts.add(new DirectedLink(b, a));
            }
        }
        return this;
    }

    /**
     * The "bridge" partition: {@code left} and {@code right} cannot reach each other, but
     * {@code bridge} (in neither) still talks to both, so it sees a majority that the others do
     * not.
     */
    public synchronized NetworkFaults bridge(Collection<NodeId> left, NodeId bridge,
                                             Collection<NodeId> right) {
        if (left.contains(bridge) || right.contains(bridge)) {
            throw new IllegalArgumentException("the bridge " + bridge + " must be on neither side");
        }
        return split(left, right);
    }

    /** Removes every cut and isolation (rates stay). */
    public synchronized NetworkFaults healAll() {
        cuts.clear();
        isolated.clear();
        return this;
    }

    /** Whether batches from {@code from} to {@code to} are currently blocked. */
    public synchronized boolean blocks(NodeId from, NodeId to) {
        if (from.equals(to)) {
            return false;
        }
        return isolated.contains(from) || isolated.contains(to)
                || cuts.contains(new DirectedLink(from, to));
    }

    /** The explicitly cut links (isolations not expanded), for logs and assertions. */
    public synchronized Set<DirectedLink> cuts() {
        return Set.copyOf(cuts);
    }

    /** The isolated nodes, sorted. */
    public synchronized Set<NodeId> isolated() {
        return new TreeSet<>(isolated);
    }

    @Override
    public synchronized String toString() {
        return "NetworkFaults[rates=" + rates + ", overrides=" + linkRates + ", cuts=" + cuts
                + ", isolated=" + isolated + "]";
    }
}
