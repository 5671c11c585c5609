package io.shaledb.sql.plan;

import io.shaledb.sql.schema.ShaleTable;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/**
 * Scan of a {@link ShaleTable} in the Enumerable convention that knows the filter above it: at
 * execution it picks the index and key bounds from those conjuncts (with parameter values bound)
 * through {@link IndexSelector} and reads rows via RowStore in the statement's transaction. The
 * filter itself stays above the scan (bounds may be wider than the predicate). Generated code only
 * calls {@link ScanSpec#scan}; no per-execution compilation.
 */
public final class ShaleIndexScan extends TableScan implements EnumerableRel {
  private final List<RexNode> conjuncts;

  public ShaleIndexScan(RelOptCluster cluster, RelOptTable table, List<RexNode> conjuncts) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
    this.conjuncts = List.copyOf(conjuncts);
  }

  /** The conjuncts of the filter above, used to choose key bounds. */
  public List<RexNode> conjuncts() {
    return conjuncts;
  }

  public ShaleTable shaleTable() {
    return table.unwrap(ShaleTable.class);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return this;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).itemIf("bounds", conjuncts, !conjuncts.isEmpty());
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = super.estimateRowCount(mq);
    return conjuncts.isEmpty() ? rows : Math.max(1, rows / 10);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows, rows, 0);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // Always arrays (no "optimization" to a scalar row for one column): ScanSpec.scan yields Object[].
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    Expression spec = implementor.stash(new ScanSpec(shaleTable(), conjuncts), ScanSpec.class);
    return implementor.result(physType,
        Blocks.toBlock(Expressions.call(spec, "scan", DataContext.ROOT)));
  }
}
