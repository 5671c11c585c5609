package io.shaledb.sql.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import io.shaledb.sql.interp.RexCompiler;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.tools.RelBuilder;

/**
 * The cheap optimisation logical plans get before they are interpreted: sub-queries become joins
 * or correlates ({@link Programs#subQuery}, as in Calcite's standard program) and are
 * decorrelated. Nothing else: the interpreter pushes filters to scans and orders inner joins at
 * run time ({@code io.shaledb.sql.interp.InnerJoinOperator}), which the cost-based search over
 * every join order (exponential in the number of tables) did before. Stateless.
 */
final class HeuristicPlanner {
  private HeuristicPlanner() {}

  /**
   * The optimised logical plan for {@code logical}.
   *
   * @param planner the planning context (its executor and context are used, not its rules)
   */
  static RelNode optimize(RelOptPlanner planner, RelNode logical) {
    RelNode rel = logical;
    if (hasSubQuery(rel)) {
      rel = Programs.subQuery(DefaultRelMetadataProvider.INSTANCE)
          .run(planner, rel, rel.getTraitSet(), List.of(), List.of());
      RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
      rel = RelDecorrelator.decorrelateQuery(rel, builder);
    }
    return rel;
  }

  /**
   * Whether the tree has a sub-query the interpreter does not run in place (only then is
   * sub-query removal needed): a correlated one, or one of a kind other than EXISTS, scalar and
   * one-column IN ({@link RexCompiler#interpretable}); those it runs once per execution, as
   * PostgreSQL's hashed sub-plans, which also saves the rewrite into joins and aggregates.
   */
  private static boolean hasSubQuery(RelNode rel) {
    if (rel instanceof Correlate) {
      return true;
    }
    if (rel instanceof Project || rel instanceof Filter || rel instanceof Join) {
      boolean[] needs = {false};
      rel.accept(new RexShuttle() {
        @Override
        public RexNode visitSubQuery(RexSubQuery sq) {
          if (!INTERPRET_SUB_QUERIES || !RexCompiler.interpretable(sq) || hasSubQuery(sq.rel)) {
            needs[0] = true;
          }
          return sq;
        }
      });
      if (needs[0]) {
        return true;
      }
    }
    for (RelNode in : rel.getInputs()) {
      if (hasSubQuery(in)) {
        return true;
      }
    }
    return false;
  }

  /** Whether uncorrelated sub-queries run in place ({@code -Dshale.interpret.subqueries=false}: always removed). */
  private static final boolean INTERPRET_SUB_QUERIES =
      !"false".equals(System.getProperty("shale.interpret.subqueries"));
}
