package io.shaledb.replication.raft;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The members of a Raft group at one point of its log: the voters, whose majority decides
 * elections and commits, and the learners, which receive the log but neither vote nor count.
 * A member is never both.
 *
 * @param voters   voting members, at least one
 * @param learners non-voting members
 */
public record Membership(SortedSet<NodeId> voters, SortedSet<NodeId> learners) {
    public Membership {
        voters = Collections.unmodifiableSortedSet(new TreeSet<>(voters));
        learners = Collections.unmodifiableSortedSet(new TreeSet<>(learners));
        if (voters.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one voter");
        }
        for (NodeId learner : learners) {
            if (voters.contains(learner)) {
                throw new IllegalArgumentException(learner + " is both voter and learner");
            }
        }
    }

    /** A membership of voters only. */
    public static Membership ofVoters(Iterable<NodeId> voters) {
        TreeSet<NodeId> set = new TreeSet<>();
        voters.forEach(set::add);
        return new Membership(set, new TreeSet<>());
    }

    /** Number of voters that form a majority. */
    public int quorum() {
        return voters.size() / 2 + 1;
    }

    public boolean contains(NodeId node) {
        return voters.contains(node) || learners.contains(node);
    }

    public boolean isVoter(NodeId node) {
        return voters.contains(node);
    }
}
