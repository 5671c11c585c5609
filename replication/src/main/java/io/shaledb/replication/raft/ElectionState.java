package io.shaledb.replication.raft;

import java.util.Objects;

/**
 * Owns a member's role, term, vote and known leader, and is the only place they change.
 *
 * <p>Transition table (rows: from; an empty cell is illegal and throws
 * {@link IllegalStateException} naming the current state):
 * <pre>
 *                  | FOLLOWER         | PRE_CANDIDATE      | CANDIDATE             | LEADER
 * -----------------+------------------+--------------------+-----------------------+-----------------
 *  FOLLOWER        | higher term seen | election timeout   | timeout (no PreVote)  |
 *                  | or leader learnt | (PreVote enabled)  | or TimeoutNow         |
 *  PRE_CANDIDATE   | lost the poll,   | timeout, new poll  | won the PreVote poll  |
 *                  | leader/term seen |                    |                       |
 *  CANDIDATE       | lost, leader or  | timeout, new poll  | timeout (no PreVote)  | won the vote
 *                  | higher term seen |                    |                       |
 *  LEADER          | higher term seen,|                    |                       |
 *                  | lost quorum, or  |                    |                       |
 *                  | own removal      |                    |                       |
 *                  | committed        |                    |                       |
 * </pre>
 * <p>Learners and non-members: only an <em>eligible</em> member (see {@link #setEligible(boolean)}:
 * a voter of the membership in force, or a voter of the previous one while its own removal is
 * uncommitted, so that it can still finish that removal) may become PRE_CANDIDATE, CANDIDATE or
 * LEADER; for any other member these transitions throw, so a learner or a removed member is
 * always a FOLLOWER. A member may become ineligible only while FOLLOWER or LEADER (a campaigning
 * member that loses eligibility is first made FOLLOWER by its node).
 *
 * <p>Invariants: the term never decreases; the vote is cleared exactly when the term grows and is
 * cast at most once per term; a leader is known only as follower or leader; a leader's
 * {@link #leader()} is itself. Terms only grow through {@link #becomeFollower(long, NodeId)}
 * (a higher term was seen) and {@link #becomeCandidate()} (term + 1, vote for self).
 *
 * <p>Not thread-safe; owned by one {@link RaftNode}.
 */
final class ElectionState {
    private final NodeId self;
    private Role role = Role.FOLLOWER;
    private long term;
    private NodeId vote;
    private NodeId leader;
    private boolean eligible;

    ElectionState(NodeId self, HardState restored, boolean eligible) {
        this.self = Objects.requireNonNull(self, "self");
        this.term = restored.term();
        this.vote = restored.vote();
        this.eligible = eligible;
    }

    /** Whether this member may campaign and lead (see the class comment). */
    boolean isEligible() {
        return eligible;
    }

    /**
     * The membership in force or the commit index changed: this member is (or is no longer)
     * eligible to campaign and lead.
     *
     * @throws IllegalStateException if it becomes ineligible while campaigning
     */
    void setEligible(boolean nowEligible) {
        if (!nowEligible && (role == Role.PRE_CANDIDATE || role == Role.CANDIDATE)) {
            throw illegal("ineligible while campaigning");
        }
        eligible = nowEligible;
    }

    Role role() {
        return role;
    }

    long term() {
        return term;
    }

    /** The vote cast in the current term, or null. */
    NodeId vote() {
        return vote;
    }

    /** The leader of the current term if known, else null. */
    NodeId leader() {
        return leader;
    }

    /**
     * Become (or stay) a follower at {@code newTerm}, optionally knowing its leader.
     *
     * @throws IllegalStateException if {@code newTerm} is below the current term, or if a leader
     *                               would step down to follower within its own term while
     *                               naming a different leader
     */
    void becomeFollower(long newTerm, NodeId newLeader) {
        if (newTerm < term) {
            throw illegal("FOLLOWER at lower term " + newTerm);
        }
        if (role == Role.LEADER && newTerm == term && newLeader != null && !newLeader.equals(self)) {
            throw illegal("FOLLOWER of " + newLeader + " in the same term");
        }
        if (newTerm > term) {
            term = newTerm;
            vote = null;
        }
        role = Role.FOLLOWER;
        leader = newLeader;
    }

    /** A follower learns the leader of its current term (from its AppendEntries or heartbeat). */
    void followerLearnsLeader(NodeId newLeader) {
        if (role != Role.FOLLOWER) {
            throw illegal("leader learnt outside FOLLOWER");
        }
        if (leader != null && !leader.equals(newLeader)) {
            throw illegal("second leader " + newLeader + " in term " + term);
        }
        leader = Objects.requireNonNull(newLeader);
    }

    void becomePreCandidate() {
        if (role == Role.LEADER || !eligible) {
            throw illegal("PRE_CANDIDATE");
        }
        role = Role.PRE_CANDIDATE;
        leader = null;
    }

    void becomeCandidate() {
        if (role == Role.LEADER || !eligible) {
            throw illegal("CANDIDATE");
        }
        term++;
        vote = self;
        role = Role.CANDIDATE;
        leader = null;
    }

    void becomeLeader() {
        if (role != Role.CANDIDATE || !eligible) {
            throw illegal("LEADER");
        }
        role = Role.LEADER;
        leader = self;
    }

    /**
     * Record this member's vote for {@code candidate} in the current term.
     *
     * @throws IllegalStateException if a different vote was already cast in this term
     */
    void grantVote(NodeId candidate) {
        if (vote != null && !vote.equals(candidate)) {
            throw illegal("second vote for " + candidate + " (already voted " + vote + ")");
        }
        vote = candidate;
    }

    private IllegalStateException illegal(String target) {
        return new IllegalStateException("illegal transition of " + self + " from " + role
                + (eligible ? "" : " (ineligible)") + " (term " + term + ", vote " + vote + ", leader " + leader + ") to " + target);
    }

    @Override
    public String toString() {
        return self + " " + role + "@" + term + " vote=" + vote + " leader=" + leader;
    }
}
