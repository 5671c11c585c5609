/**
 * Direct binding of parsed queries to relational algebra: a fast path that skips Calcite's
 * SqlValidator and SqlToRelConverter for the common query shapes and builds the same logical
 * RelNode tree, row type and column origins the validator path produces.
 *
 * <p>Supported: SELECT with or without FROM over stored tables and views (a view's stored query
 * is expanded by the validator path, as before), comma, CROSS and INNER JOIN ... ON, aliases;
 * select lists with {@code *}, {@code t.*}, expressions and aliases; WHERE; literals, column
 * references, arithmetic, comparisons, AND/OR/NOT, IS [NOT] NULL, BETWEEN, IN lists (also with
 * an untyped NULL on the left, typed as the items are), CASE, CAST
 * to numeric types, ABS, COALESCE, NULLIF; GROUP BY expressions, HAVING, COUNT/SUM/AVG/MIN/MAX
 * with ALL or DISTINCT; DISTINCT; ORDER BY ordinals, aliases and expressions; LIMIT/OFFSET;
 * scalar, IN and EXISTS sub-queries in WHERE and the select list, uncorrelated or referring to
 * the immediately enclosing query (a correlation variable per clause, as SqlToRelConverter
 * makes it); UNION/EXCEPT/INTERSECT [ALL] of branches with equal column types; sub-queries in
 * FROM with an alias ({@code (SELECT ...) AS t}, distinct column names, no outer references).
 *
 * <p>Guarantee: a query is either converted to a plan equivalent to the validator path's, or
 * refused with {@link io.shaledb.sql.bind.UnsupportedQueryException}, in which case the caller
 * runs the validator path (which then gives the answer or the error). Anything whose semantics
 * the converter is not sure of (implicit coercions between type families, untyped NULLs where
 * the validator's inference is not FIRST_KNOWN/BOOLEAN, ambiguous or unknown names, outer
 * joins, FROM sub-queries without an alias or with outer references, GROUP BY ordinals or
 * aliases, dynamic parameters) is refused rather than guessed. {@code -Dshale.direct.verify=true} makes the planner check every direct
 * conversion against the validator path.
 *
 * <p>Threading: a converter is used for one planning on one thread; nothing here holds shared
 * mutable state.
 */
package io.shaledb.sql.bind;
