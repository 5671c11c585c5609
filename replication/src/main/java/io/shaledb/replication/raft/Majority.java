package io.shaledb.replication.raft;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Majority decisions over the voters of a {@link Membership}: commit index, elections,
 * CheckQuorum and ReadIndex all count here, so learners and non-members never count anywhere.
 */
final class Majority {
    /** The outcome of a vote count. */
    enum Outcome { WON, LOST, PENDING }

    private Majority() {
    }

    /** True if at least a quorum of {@code m}'s voters satisfy {@code acked}. */
    static boolean reached(Membership m, Predicate<NodeId> acked) {
        int count = 0;
        for (NodeId voter : m.voters()) {
            if (acked.test(voter)) {
                count++;
            }
        }
        return count >= m.quorum();
    }

    /**
     * The highest index that a quorum of {@code m}'s voters have matched, given each voter's
     * match index (0 for a voter without one).
     */
    static long quorumIndex(Membership m, ToLongFunction<NodeId> match) {
        long[] matches = new long[m.voters().size()];
        int i = 0;
        for (NodeId voter : m.voters()) {
            matches[i++] = match.applyAsLong(voter);
        }
        Arrays.sort(matches);
        return matches[matches.length - m.quorum()];
    }

    /**
     * Counts {@code votes} (granted or refused, by member) over {@code m}'s voters; answers from
     * anyone else are ignored.
     */
    static Outcome tally(Membership m, Map<NodeId, Boolean> votes) {
        int granted = 0;
        int refused = 0;
        for (NodeId voter : m.voters()) {
            Boolean v = votes.get(voter);
            if (v != null) {
                if (v) {
                    granted++;
                } else {
                    refused++;
                }
            }
        }
        if (granted >= m.quorum()) {
            return Outcome.WON;
        }
        return refused > m.voters().size() - m.quorum() ? Outcome.LOST : Outcome.PENDING;
    }

    /**
     * True if some majority of {@code a}'s voters and some majority of {@code b}'s voters are
     * disjoint — the situation single-server changes exist to rule out for configurations one
     * change apart.
     */
    static boolean disjointMajoritiesPossible(Membership a, Membership b) {
        long common = a.voters().stream().filter(b.voters()::contains).count();
        long onlyA = a.voters().size() - common;
        long onlyB = b.voters().size() - common;
        long needA = Math.max(0, a.quorum() - onlyA);
        long needB = Math.max(0, b.quorum() - onlyB);
        return needA + needB <= common;
    }
}
