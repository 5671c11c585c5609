/**
 * Linearizability checking for tests: record what concurrent clients saw, then decide whether
 * some one-at-a-time order explains it.
 *
 * <pre>
 *   workload (RegisterWorkloadSimulation: seeded Raft group + clients + faults)
 *        │ invoke / ok / fail / timeout
 *        ▼
 *   History ──► LinearizabilityChecker(Model) ──► CheckResult (verdict + counterexample)
 *                 per key: LinearizationSearch (Wing–Gong + Lowe's memoization, step budget)
 * </pre>
 *
 * <p><b>Semantics.</b> An {@link io.shaledb.replication.check.Operation} is an interval from
 * invocation to completion. OK operations took effect exactly once inside their interval with
 * the recorded output; FAILED ones never took effect and are ignored; UNKNOWN ones (timeouts)
 * may take effect at any instant after invocation, or never. Keys are independent objects
 * (linearizability is compositional), so each is checked alone.
 *
 * <p><b>Guarantees.</b> LINEARIZABLE and NOT_LINEARIZABLE are exact answers for the given
 * {@link io.shaledb.replication.check.Model}; the search reductions (memoized failed
 * configurations with dominance over unknown operations, interchangeable identical unknown
 * operations, one shared value for unobserved unknown updates of opaque-valued models) do not
 * change them. A search that exceeds its step budget answers UNKNOWN rather than hanging. A
 * NOT_LINEARIZABLE key comes with its smallest failing prefix and the longest valid order found.
 *
 * <p><b>Replaying.</b> Workload runs are pure functions of their options; a failing run prints a
 * line that reruns it (and jqwik prints its seed).
 *
 * <p><b>Threading.</b> Everything here is single-threaded; nothing starts threads or reads a
 * clock.
 */
package io.shaledb.replication.check;
