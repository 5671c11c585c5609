/**
 * Query planning with Calcite as a library: validation against the catalog through the planning
 * statement's transaction ({@link io.shaledb.sql.plan.QueryPlanner}), cost-based optimisation to
 * the Enumerable convention, Janino code generation, and a plan cache keyed by statement text and
 * database whose entries are valid only while the descriptor versions they were planned against
 * are unchanged. {@link io.shaledb.sql.plan.IndexSelector} turns the filters Calcite pushes into
 * a table scan into an index and key bounds (point get, span scan or full scan); the complete
 * filter is always still applied to the rows read. A {@code QueryPlanner} serves one planning on
 * one thread; {@code PlannedQuery} and {@code PlanCache} are shareable across threads.
 */
package io.shaledb.sql.plan;
