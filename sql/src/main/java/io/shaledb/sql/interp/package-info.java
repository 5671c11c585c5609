/**
 * Interpreted execution of optimised relational plans: {@link io.shaledb.sql.interp.RelCompiler}
 * turns a plan (logical or Enumerable operators) into a tree of {@link io.shaledb.sql.interp.Operator}s
 * whose expressions {@link io.shaledb.sql.interp.RexCompiler} turns into {@link
 * io.shaledb.sql.interp.Scalar} closures, so a new statement costs no Java code generation or
 * compilation. Values use Calcite's internal representation (INTEGER as Integer, DATE as day
 * numbers, ...), as generated code does.
 *
 * <p>Guarantee: compilation either yields an operator tree with the semantics of the plan or
 * throws {@link io.shaledb.sql.interp.NotInterpretableException} (an operator, function, type or
 * cast this package does not implement exactly); the caller then falls back to Calcite's code
 * generation. Compiled trees are immutable and may be run by many threads at once; each run's
 * state lives in its {@link io.shaledb.sql.interp.ExecFrame}.
 */
package io.shaledb.sql.interp;
