package io.shaledb.sql.interp;

/**
 * Thrown while compiling a plan that uses something the interpreter does not implement exactly;
 * the planner then uses Calcite's code generation instead. Never thrown while running a plan.
 */
public final class NotInterpretableException extends RuntimeException {
  public NotInterpretableException(String what) {
    super(what, null, false, false);
  }
}
