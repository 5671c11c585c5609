package io.shaledb.replication.store;

import io.shaledb.replication.raft.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each peer store was last heard from, in store ticks. A peer is dead once
 * {@code timeoutTicks} ticks pass without a batch from it (liveness heartbeats are empty
 * batches sent every heartbeat interval), and alive again as soon as one arrives.
 * Thread-safe: the transport's threads report batches, the ticker checks.
 */
final class PeerLiveness {
    private static final class Peer {
        volatile long lastHeard;
        volatile boolean dead;

        Peer(long now) {
            lastHeard = now;
        }
    }

    private final int timeoutTicks;
    private final ConcurrentHashMap<NodeId, Peer> peers = new ConcurrentHashMap<>();

    PeerLiveness(int timeoutTicks) {
        this.timeoutTicks = timeoutTicks;
    }

    /** Starts tracking {@code peer} (alive as of {@code now}) if not tracked yet. */
    void add(NodeId peer, long now) {
        peers.computeIfAbsent(peer, p -> new Peer(now));
    }

    /**
     * A batch from {@code peer} arrived at tick {@code now}.
     *
     * @return whether {@code peer} had been declared dead (it came back)
     */
    boolean heard(NodeId peer, long now) {
        Peer p = peers.computeIfAbsent(peer, x -> new Peer(now));
        p.lastHeard = now;
        boolean wasDead = p.dead;
        p.dead = false;
        return wasDead;
    }

    Set<NodeId> peers() {
        return peers.keySet();
    }

    /** Marks and returns the peers that became dead as of tick {@code now}. */
    List<NodeId> newlyDead(long now) {
        List<NodeId> dead = new ArrayList<>();
        for (var e : peers.entrySet()) {
            Peer p = e.getValue();
            if (!p.dead && now - p.lastHeard >= timeoutTicks) {
                p.dead = true;
                dead.add(e.getKey());
            }
        }
        return dead;
    }

    /** Whether {@code peer} was heard from within the timeout before tick {@code now}; unknown peers count as alive. */
    boolean isAlive(NodeId peer, long now) {
        Peer p = peers.get(peer);
        return p == null || (!p.dead && now - p.lastHeard < timeoutTicks);
    }
}
