package io.shaledb.sql.plan;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexUtil;

/**
 * Before the cost-based optimiser: an inner join whose ON condition holds a sub-query becomes a
 * join on TRUE under a filter with that condition (the same rows: an inner join is the filtered
 * cross product). Calcite removes sub-queries from filters soundly, while its join variant of
 * SubQueryRemoveRule left field references its field trimmer could not map (an
 * ArrayIndexOutOfBoundsException for {@code JOIN b ON b.a_id = a.id AND b.n IN (SELECT ...)}).
 * Predicate push-down then moves the sub-query-free conjuncts back into the join.
 */
final class JoinConditionSubQueries extends RelHomogeneousShuttle {
  private JoinConditionSubQueries() {}

  /** {@code rel} with every such inner join rewritten. */
  static RelNode pullAboveInnerJoins(RelNode rel) {
    return rel.accept(new JoinConditionSubQueries());
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode rel = super.visit(other);
    if (rel instanceof LogicalJoin join && join.getJoinType() == JoinRelType.INNER
        && RexUtil.SubQueryFinder.find(join.getCondition()) != null) {
      RelNode cross = join.copy(join.getTraitSet(), join.getCluster().getRexBuilder().makeLiteral(true),
          join.getLeft(), join.getRight(), JoinRelType.INNER, join.isSemiJoinDone());
      return LogicalFilter.create(cross, join.getCondition(), com.google.common.collect.ImmutableSet.copyOf(
          join.getVariablesSet()));
    }
    return rel;
  }
}
