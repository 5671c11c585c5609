package io.shaledb.replication.store;

import io.shaledb.replication.RangeId;
import io.shaledb.replication.check.OpKind;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.storage.RocksRaftStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The client load of {@link MultiRaftSimulation}: register writes (proposals) and ReadIndex
 * reads on random groups, at most two outstanding per group, each sent to the live replica
 * leading in the highest term (else a random live replica), recorded in the simulation's
 * {@link io.shaledb.replication.check.History} and timed out after {@link #OP_TIMEOUT_MS}.
 * Acknowledged writes are reported to {@link MultiRaftInvariants}. Also hosts the planted
 * client bugs ({@link MultiRaftSimulation.Bug}). Runs on the simulation's thread.
 */
final class MultiRaftClients {
    private static final long OP_TIMEOUT_MS = 1_500;

    private final MultiRaftSimulation sim;
    private int nextClient;
    private long nextValue = 1;
    private final Map<RangeId, Integer> outstanding = new HashMap<>();
    private final List<EarlyAck> earlyAcks = new ArrayList<>();
    boolean loadOn = true;

    MultiRaftClients(MultiRaftSimulation sim) {
        this.sim = sim;
    }

    boolean hasEarlyAcks() {
        return !earlyAcks.isEmpty();
    }

    void clientOp() {
        if (!loadOn) {
            return;
        }
        sim.schedule(1 + sim.random.nextLong(4), "client", this::clientOp);
        RangeId range = sim.ranges.get(sim.random.nextInt(sim.ranges.size()));
        if (outstanding.getOrDefault(range, 0) >= 2) {
            return;
        }
        if (sim.random.nextBoolean()) {
            write(range);
        } else {
            read(range);
        }
    }

    private String key(RangeId range) {
        return "g" + range.value();
    }

    /** The store a client sends to: the live replica leading in the highest term, else a random live member. */
    Optional<NodeId> target(RangeId range) {
        NodeId best = null;
        long bestTerm = -1;
        List<NodeId> live = new ArrayList<>();
        for (NodeId n : sim.stores.keySet()) {
            Optional<Replica> r = sim.stores.get(n).replica(range);
            if (r.isEmpty()) {
                continue;
            }
            live.add(n);
            if (r.isPresent() && r.get().status().isLeader() && r.get().status().term() > bestTerm) {
                best = n;
                bestTerm = r.get().status().term();
            }
        }
        if (best == null && !live.isEmpty()) {
            best = live.get(sim.random.nextInt(live.size()));
        }
        return Optional.ofNullable(best);
    }

    private void write(RangeId range) {
        long value = nextValue++;
        int client = nextClient++;
        int id = sim.history.invoke(client, key(range), OpKind.WRITE, value, null, sim.now);
        Optional<NodeId> target = target(range);
        if (target.isEmpty()) {
            sim.history.fail(id, sim.now);
            sim.count("writeNoTarget");
            return;
        }
        NodeId node = target.get();
        begin(range);
        if (sim.options.bug() == MultiRaftSimulation.Bug.EARLY_ACKS) {
            earlyAcks.add(new EarlyAck(range, node, id, sim.storage(node, range).orElseThrow().lastIndex() + 1));
        }
        CompletableFuture<byte[]> f = sim.stores.get(node).propose(range, SimRegisterMachine.command(id, value));
        f.whenComplete((result, ex) -> {
            if (!sim.history.isOpen(id)) {
                return;
            }
            end(range);
            Throwable cause = ex instanceof CompletionException && ex.getCause() != null ? ex.getCause() : ex;
            if (cause == null) {
                sim.history.ok(id, null, sim.now);
                sim.invariants.acknowledged(range, node, SimRegisterMachine.indexOf(result), id);
                sim.count("writeOk");
            } else if (cause instanceof NotLeaderException || cause instanceof ProposalSupersededException) {
                sim.history.fail(id, sim.now);
                sim.count("writeFailed");
            } else {
                sim.history.timeout(id);
                sim.count("writeUnknown");
            }
        });
        timeout(range, id);
    }

    private void read(RangeId range) {
        int client = nextClient++;
        int id = sim.history.invoke(client, key(range), OpKind.READ, null, null, sim.now);
        if (sim.options.bug() == MultiRaftSimulation.Bug.STALE_READS) { // the planted bug: a local read without ReadIndex
            List<NodeId> live = sim.stores.keySet().stream()
                    .filter(n -> sim.stores.get(n).replica(range).isPresent()).toList();
            if (live.isEmpty()) {
                sim.history.fail(id, sim.now);
                return;
            }
            NodeId n = live.get(sim.random.nextInt(live.size()));
            sim.history.ok(id, sim.machines.get(n).get(range).value(), sim.now);
            sim.count("readOk");
            return;
        }
        Optional<NodeId> target = target(range);
        if (target.isEmpty()) {
            sim.history.fail(id, sim.now);
            sim.count("readNoTarget");
            return;
        }
        NodeId node = target.get();
        Map<RangeId, SimRegisterMachine> sms = sim.machines.get(node);
        begin(range);
        sim.stores.get(node).readIndex(range).whenComplete((index, ex) -> {
            if (!sim.history.isOpen(id)) {
                return;
            }
            end(range);
            if (ex == null) {
                sim.history.ok(id, sms.get(range).value(), sim.now);
                sim.count("readOk");
            } else {
                sim.history.fail(id, sim.now);
                sim.count("readFailed");
            }
        });
        timeout(range, id);
    }

    private record EarlyAck(RangeId range, NodeId node, int op, long from) {
    }

    /** {@link Bug#EARLY_ACKS}: acknowledges writes whose entry the proposer has persisted. */
    void ackEarly() {
        for (var it = earlyAcks.iterator(); it.hasNext(); ) {
            EarlyAck a = it.next();
            Optional<RocksRaftStorage> s = sim.storage(a.node(), a.range());
            if (!sim.history.isOpen(a.op()) || s.isEmpty()) {
                it.remove();
                continue;
            }
            long last = s.get().lastIndex();
            if (last < a.from()) {
                continue;
            }
            for (LogEntry e : s.get().entries(a.from(), last + 1)) {
                String text = new String(e.data(), java.nio.charset.StandardCharsets.UTF_8);
                if (text.startsWith(a.op() + " ")) {
                    end(a.range());
                    sim.history.ok(a.op(), null, sim.now);
                    sim.invariants.acknowledged(a.range(), a.node(), e.index(), a.op());
                    it.remove();
                    break;
                }
            }
        }
    }

    private void begin(RangeId range) {
        outstanding.merge(range, 1, Integer::sum);
    }

    private void end(RangeId range) {
        outstanding.merge(range, -1, Integer::sum);
    }

    private void timeout(RangeId range, int id) {
        sim.schedule(OP_TIMEOUT_MS, "timeout", () -> {
            if (sim.history.isOpen(id)) {
                sim.history.timeout(id);
                end(range);
                sim.count("timeouts");
            }
        });
    }
}
