package io.shaledb.sql.interp;

/** A compiled expression: its value (Calcite's internal representation, null for NULL) for one row. */
@FunctionalInterface
public interface Scalar {
  Object eval(Object[] row, ExecFrame frame);
}
