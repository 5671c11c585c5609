package io.shaledb.sql.plan;

import io.shaledb.sql.schema.ShaleTable;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalTableScan;

/**
 * Filter over a scan of a Shale table becomes the same filter over a {@link ShaleIndexScan} that
 * knows the filter's conjuncts (for key bounds); a bare scan becomes a {@link ShaleIndexScan}
 * without conjuncts (a full primary-index scan).
 */
@SuppressWarnings("deprecation")
final class ShaleFilterScanRule extends RelOptRule {
  static final ShaleFilterScanRule FILTER = new ShaleFilterScanRule(true);
  static final ShaleFilterScanRule SCAN = new ShaleFilterScanRule(false);

  private final boolean withFilter;

  private ShaleFilterScanRule(boolean withFilter) {
    super(withFilter
        ? operand(LogicalFilter.class, operand(LogicalTableScan.class, none()))
        : operand(LogicalTableScan.class, none()),
        withFilter ? "ShaleFilterScanRule" : "ShaleScanRule");
    this.withFilter = withFilter;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    if (!withFilter) {
      TableScan scan = call.rel(0);
      if (scan.getTable().unwrap(ShaleTable.class) == null) {
        return; // not ours (information_schema)
      }
      call.transformTo(new ShaleIndexScan(scan.getCluster(), scan.getTable(), java.util.List.of()));
      return;
    }
    LogicalFilter filter = call.rel(0);
    TableScan scan = call.rel(1);
    if (scan.getTable().unwrap(ShaleTable.class) == null) {
      return;
    }
    RelNode indexScan = new ShaleIndexScan(scan.getCluster(), scan.getTable(),
        RelOptUtil.conjunctions(filter.getCondition()));
    call.transformTo(filter.copy(filter.getTraitSet(), indexScan, filter.getCondition()));
  }
}
