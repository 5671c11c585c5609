package io.shaledb.replication.transport;

import io.shaledb.replication.raft.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole network in one object: every node of a test cluster {@linkplain #listen listens} on
 * the same instance and {@link #send} routes a batch to the handler of {@code batch.to()},
 * through the {@link NetworkFaults} it was given.
 *
 * <p><b>Faults.</b> For each batch, at send time and in this order: a cut link or isolated node
 * discards it; with {@link FaultRates#dropProbability()} it is lost; each envelope is removed
 * with {@link FaultRates#messageDropProbability()} (a batch that loses all its envelopes still
 * arrives, empty, like the store-level heartbeat it then is); with
 * {@link FaultRates#duplicateProbability()} it is scheduled twice; each copy gets a delay drawn
 * from {@code [minDelay, maxDelay]}. When a copy is due, it is discarded if its link is cut by
 * then or its receiver does not listen (never did, or was {@linkplain #detach detached}).
 * Batches are delivered in (due time, send sequence) order, so equal delays keep send order and
 * different delays reorder. All random draws come from the injected generator, under one lock.
 *
 * <p><b>Deterministic mode</b> ({@link #deterministic}): the caller owns a logical clock.
 * Nothing happens on its own; {@link #advanceTo(long)} moves the clock and, like
 * {@link #deliverDue()}, hands every due batch to its handler on the calling thread. The same
 * seed, faults and sequence of calls give the same deliveries in the same order. Handler
 * exceptions propagate to the caller.
 *
 * <p><b>Live mode</b> ({@link #live}): one delivery thread hands batches over when their delay
 * (in the given time unit) has really passed; for benchmarks and threaded tests. Handler
 * exceptions are logged and counted; delivery continues.
 *
 * <p>A store that expects a transport of its own gets an {@link #endpoint(NodeId)} view.
 *
 * <p>Thread-safe in both modes. {@link #close()} discards every batch in flight, ignores later
 * sends and, in live mode, stops and joins the delivery thread.
 */
public final class InMemoryTransport implements RaftTransport {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryTransport.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Comparator<InFlight> DELIVERY_ORDER =
            Comparator.comparingLong(InFlight::dueAt).thenComparingLong(InFlight::sequence);

    /** Counters since creation. */
    public record Stats(long sent, long delivered, long dropped, long blocked,
                        long undeliverable, long duplicated, long messagesDropped,
                        long handlerFailures) {
    }

    private record InFlight(long dueAt, long sequence, RaftBatch batch) {
    }

    private final RandomGenerator random;
    private final NetworkFaults faults;
    /** Live mode: nanoseconds per unit of delay; deterministic mode: 0. */
    private final long unitNanos;
    private final long startNanos;
    private final Thread deliveryThread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Guarded by lock: everything below.
    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>(DELIVERY_ORDER);
    private final Map<NodeId, InboundHandler> handlers = new HashMap<>();
    /** Deterministic mode: the logical clock, in delay units. Live mode: unused. */
    private long now;
    private long nextSequence;
    private boolean closed;
    private long sent;
    private long delivered;
    private long dropped;
    private long blocked;
    private long undeliverable;
    private long duplicated;
    private long messagesDropped;
    private long handlerFailures;

    private InMemoryTransport(RandomGenerator random, NetworkFaults faults, long unitNanos) {
        this.random = Objects.requireNonNull(random, "random");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.unitNanos = unitNanos;
        this.startNanos = unitNanos == 0 ? 0 : System.nanoTime();
        if (unitNanos == 0) {
            deliveryThread = null;
        } else {
            deliveryThread = new Thread(this::deliverLive,
                    "raft-inmemory-delivery-" + INSTANCES.incrementAndGet());
            deliveryThread.setDaemon(true);
            deliveryThread.start();
        }
    }

    /**
     * A network whose clock starts at 0 and moves only through {@link #advanceTo(long)}; delays
     * are in the caller's logical units (ticks, simulated milliseconds).
     */
    public static InMemoryTransport deterministic(RandomGenerator random, NetworkFaults faults) {
        return new InMemoryTransport(random, faults, 0);
    }

    /**
     * A network with its own delivery thread; one delay unit lasts {@code unit} of real time.
     */
    public static InMemoryTransport live(RandomGenerator random, NetworkFaults faults,
                                         Duration unit) {
        long nanos = unit.toNanos();
        if (nanos <= 0) {
            throw new IllegalArgumentException("unit must be positive: " + unit);
        }
        return new InMemoryTransport(random, faults, nanos);
    }

    public NetworkFaults faults() {
        return faults;
    }

    public boolean isLive() {
        return deliveryThread != null;
    }

    @Override
    public void listen(NodeId self, InboundHandler handler) {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(handler, "handler");
        lock.lock();
        try {
            if (handlers.putIfAbsent(self, handler) != null) {
                throw new IllegalStateException(self + " already listens");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops delivering to {@code node} (a crash, in a simulation): batches for it that fall due
     * while it is detached are discarded. It may {@link #listen} again later.
     *
     * @return whether it was listening
     */
    public boolean detach(NodeId node) {
        lock.lock();
        try {
            return handlers.remove(node) != null;
        } finally {
            lock.unlock();
        }
    }

    public boolean isListening(NodeId node) {
        lock.lock();
        try {
            return handlers.containsKey(node);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A view of this network for one store, so code written against one transport per store
     * (listen once, send as itself, close when done) can run on a shared network. Its
     * {@code listen} accepts only {@code node}; its {@code send} only batches from {@code node};
     * its {@code close} {@linkplain #detach detaches} {@code node} and ignores later sends from
     * it, leaving the network and the other nodes running. A closed endpoint cannot listen
     * again; take a new endpoint to restart the node.
     */
    public RaftTransport endpoint(NodeId node) {
        Objects.requireNonNull(node, "node");
        return new Endpoint(node);
    }

    private final class Endpoint implements RaftTransport {
        private final NodeId node;
        private volatile boolean endpointClosed;

        Endpoint(NodeId node) {
            this.node = node;
        }

        @Override
        public void listen(NodeId self, InboundHandler handler) {
            if (!node.equals(self)) {
                throw new IllegalArgumentException("this endpoint is " + node + ", not " + self);
            }
            if (endpointClosed) {
                throw new IllegalStateException("endpoint of " + node + " is closed");
            }
            InMemoryTransport.this.listen(self, handler);
        }

        @Override
        public void send(RaftBatch batch) {
            if (!node.equals(batch.from())) {
                throw new IllegalArgumentException("this endpoint sends for " + node + ", not "
                        + batch.from());
            }
            if (!endpointClosed) {
                InMemoryTransport.this.send(batch);
            }
        }

        @Override
        public void close() {
            endpointClosed = true;
            detach(node);
        }

        @Override
        public String toString() {
            return "InMemoryTransport.endpoint(" + node + ")";
        }
    }

    /** Applies the faults and schedules the surviving copies; never blocks, never throws. */
    @Override
    public void send(RaftBatch batch) {
        Objects.requireNonNull(batch, "batch");
        lock.lock();
        try {
            if (closed) {
                return;
            }
            sent++;
            if (faults.blocks(batch.from(), batch.to())) {
                blocked++;
                return;
            }
            FaultRates rates = faults.ratesFor(batch.from(), batch.to());
            if (chance(rates.dropProbability())) {
                dropped++;
                return;
            }
            RaftBatch surviving = rates.messageDropProbability() > 0
                    ? withoutDroppedMessages(batch, rates.messageDropProbability()) : batch;
            int copies = 1;
            if (chance(rates.duplicateProbability())) {
                copies = 2;
                duplicated++;
            }
            for (int i = 0; i < copies; i++) {
                inFlight.add(new InFlight(clockLocked() + delayTicks(rates), nextSequence++,
                        surviving));
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean chance(double p) {
        return p > 0 && random.nextDouble() < p;
    }

    private RaftBatch withoutDroppedMessages(RaftBatch batch, double p) {
        List<RaftEnvelope> kept = new ArrayList<>(batch.messages().size());
        for (RaftEnvelope e : batch.messages()) {
            if (chance(p)) {
                messagesDropped++;
            } else {
                kept.add(e);
            }
        }
        return kept.size() == batch.messages().size() ? batch
                : new RaftBatch(batch.from(), batch.to(), kept);
    }

    private long delayTicks(FaultRates rates) {
        long units = rates.minDelay();
        if (rates.maxDelay() > rates.minDelay()) {
            units += random.nextLong(rates.maxDelay() - rates.minDelay() + 1);
        }
        return unitNanos == 0 ? units : Math.multiplyExact(units, unitNanos);
    }

    /** Current time in internal ticks: logical units (deterministic) or nanoseconds (live). */
    private long clockLocked() {
        return unitNanos == 0 ? now : System.nanoTime() - startNanos;
    }

    /** The current time in delay units. */
    public long now() {
        lock.lock();
        try {
            return unitNanos == 0 ? now : clockLocked() / unitNanos;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deterministic mode: moves the clock to {@code time} and delivers what is due then.
     *
     * @return the number of batches handed to handlers
     * @throws IllegalArgumentException if {@code time} is before the current time
     * @throws IllegalStateException    in live mode
     */
    public int advanceTo(long time) {
        requireDeterministic();
        lock.lock();
        try {
            if (time < now) {
                throw new IllegalArgumentException("time runs forward: " + time + " < " + now);
            }
            now = time;
        } finally {
            lock.unlock();
        }
        return deliverDue();
    }

    /**
     * Deterministic mode: hands every batch due at the current time to its receiver's handler,
     * on this thread, in (due time, send sequence) order. Batches sent by handlers during this
     * call wait for the next call even if already due, so zero-delay ping-pong cannot loop.
     *
     * @return the number of batches handed to handlers
     */
    public int deliverDue() {
        requireDeterministic();
        long limit;
        lock.lock();
        try {
            limit = nextSequence;
        } finally {
            lock.unlock();
        }
        int count = 0;
        while (true) {
            Delivery d;
            lock.lock();
            try {
                InFlight head = inFlight.peek();
                if (closed || head == null || head.dueAt() > now || head.sequence() >= limit) {
                    return count;
                }
                d = takeHeadLocked();
            } finally {
                lock.unlock();
            }
            if (d != null) {
                d.handler.onBatch(d.batch);
                count++;
            }
        }
    }

    /** Deterministic mode: when the next batch in flight falls due, if any. */
    public OptionalLong nextDueTime() {
        requireDeterministic();
        lock.lock();
        try {
            InFlight head = inFlight.peek();
            return head == null ? OptionalLong.empty() : OptionalLong.of(head.dueAt());
        } finally {
            lock.unlock();
        }
    }

    /** Batch copies scheduled and not yet delivered or discarded. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight.size();
        } finally {
            lock.unlock();
        }
    }

    public Stats stats() {
        lock.lock();
        try {
            return new Stats(sent, delivered, dropped, blocked, undeliverable, duplicated,
                    messagesDropped, handlerFailures);
        } finally {
            lock.unlock();
        }
    }

    private record Delivery(InboundHandler handler, RaftBatch batch) {
    }

    /** Removes the head; returns where to deliver it, or null if it is discarded. */
    private Delivery takeHeadLocked() {
        InFlight head = inFlight.poll();
        RaftBatch batch = head.batch();
        if (faults.blocks(batch.from(), batch.to())) {
            blocked++;
            return null;
        }
        InboundHandler handler = handlers.get(batch.to());
        if (handler == null) {
            undeliverable++;
            return null;
        }
        delivered++;
        return new Delivery(handler, batch);
    }

    private void requireDeterministic() {
        if (deliveryThread != null) {
            throw new IllegalStateException("a live transport keeps its own time");
        }
    }

    private void deliverLive() {
        while (true) {
            Delivery d;
            lock.lock();
            try {
                while (true) {
                    if (closed) {
                        return;
                    }
                    InFlight head = inFlight.peek();
                    if (head == null) {
                        changed.awaitUninterruptibly();
                        continue;
                    }
                    long wait = head.dueAt() - clockLocked();
                    if (wait <= 0) {
                        break;
                    }
                    changed.awaitNanos(wait);
                }
                d = takeHeadLocked();
            } catch (InterruptedException e) {
                return; // only close() interrupts, and only if signalling did not stop us
            } finally {
                lock.unlock();
            }
            if (d != null) {
                try {
                    d.handler.onBatch(d.batch);
                } catch (RuntimeException e) {
                    LOG.warn("inbound handler failed on a batch {} -> {}", d.batch.from(),
                            d.batch.to(), e);
                    lock.lock();
                    try {
                        handlerFailures++;
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            inFlight.clear();
            handlers.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (deliveryThread != null && Thread.currentThread() != deliveryThread) {
            try {
                deliveryThread.join(TimeUnit.SECONDS.toMillis(10));
                if (deliveryThread.isAlive()) {
                    deliveryThread.interrupt();
                    deliveryThread.join(TimeUnit.SECONDS.toMillis(10));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
