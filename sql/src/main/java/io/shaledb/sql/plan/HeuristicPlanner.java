package io.shaledb.sql.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.tools.RelBuilder;

/**
 * A cheap rule-based optimiser for logical plans that are then interpreted: sub-queries become
 * joins or correlates ({@link Programs#subQuery}, as in Calcite's standard program) and are
 * decorrelated; filters are pushed into and below joins (so a filter on one table reaches its scan
 * and chooses index bounds); joins of three or more inputs are flattened and ordered greedily by
 * estimated size ({@code LoptOptimizeJoinRule}) instead of the cost-based search over every join
 * order, which grows exponentially with the number of tables. Stateless.
 */
final class HeuristicPlanner {
  private static final HepProgram PUSH_FILTERS = new HepProgramBuilder()
      .addRuleCollection(List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH))
      .build();

  private static final HepProgram ORDER_JOINS = new HepProgramBuilder()
      .addMatchOrder(HepMatchOrder.BOTTOM_UP)
      .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
      .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
      .addRuleCollection(List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH))
      .build();

  private HeuristicPlanner() {}

  /**
   * The optimised logical plan for {@code logical}.
   *
   * @param planner the planning context (its executor and context are used, not its rules)
   */
  static RelNode optimize(RelOptPlanner planner, RelNode logical) {
    RelNode rel = Programs.subQuery(DefaultRelMetadataProvider.INSTANCE)
        .run(planner, logical, logical.getTraitSet(), List.of(), List.of());
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    rel = RelDecorrelator.decorrelateQuery(rel, builder);
    int joins = countJoins(rel);
    if (joins == 0) {
      return rel;
    }
    rel = run(PUSH_FILTERS, rel);
    if (joins >= 2) {
      rel = run(ORDER_JOINS, rel);
    }
    return rel;
  }

  private static RelNode run(HepProgram program, RelNode rel) {
    HepPlanner hep = new HepPlanner(program);
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  private static int countJoins(RelNode rel) {
    int n = rel instanceof Join ? 1 : 0;
    for (RelNode in : rel.getInputs()) {
      n += countJoins(in);
    }
    return n;
  }
}
