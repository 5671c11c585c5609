package io.shaledb.sql.plan;

import io.shaledb.sql.schema.ShaleTable;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rex.RexNode;

/**
 * What a compiled {@link ShaleIndexScan} needs at run time: the table and the conjuncts to derive
 * key bounds from. Immutable; shared by every execution of a cached plan.
 */
public final class ScanSpec {
  private final ShaleTable table;
  private final List<RexNode> conjuncts;

  ScanSpec(ShaleTable table, List<RexNode> conjuncts) {
    this.table = table;
    this.conjuncts = conjuncts;
  }

  public ShaleTable table() {
    return table;
  }

  public List<RexNode> conjuncts() {
    return conjuncts;
  }

  /** Rows (all exposed columns, Calcite representation) read through the statement's transaction. */
  public Enumerable<Object[]> scan(DataContext root) {
    return table.scan(root, conjuncts, null);
  }
}
