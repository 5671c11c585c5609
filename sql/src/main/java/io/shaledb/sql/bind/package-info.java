/**
 * Direct binding of parsed queries to relational algebra: a fast path that skips Calcite's
 * SqlValidator and SqlToRelConverter for the common query shapes (single and inner-joined
 * tables, scalar expressions, WHERE, GROUP BY/HAVING with the standard aggregates, DISTINCT,
 * ORDER BY, LIMIT/OFFSET) and builds the same logical RelNode tree, row type and column origins
 * the validator path produces.
 *
 * <p>Guarantee: a query is either converted to a plan equivalent to the validator path's, or
 * refused with {@link io.shaledb.sql.bind.UnsupportedQueryException}, in which case the caller
 * runs the validator path (which then gives the answer or the error). Anything whose semantics
 * the converter is not sure of (implicit coercions between type families, untyped NULLs in
 * unusual positions, sub-queries, set operations, views, ambiguous names, unknown names) is
 * refused rather than guessed.
 *
 * <p>Threading: a converter is used for one planning on one thread; the classes hold no shared
 * mutable state except the diagnostic counters in {@link io.shaledb.sql.bind.DirectConverter}.
 */
package io.shaledb.sql.bind;
