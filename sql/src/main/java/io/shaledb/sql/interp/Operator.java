package io.shaledb.sql.interp;

import java.util.List;

/** A compiled relational operator: all its rows for one run (materialised; plans are small). */
@FunctionalInterface
public interface Operator {
  List<Object[]> rows(ExecFrame frame);
}
