package io.shaledb.sql.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.rules.SemiJoinRule;

/**
 * Calcite's join-to-semi-join rules ({@code SemiJoinRule:project}, {@code SemiJoinRule:join}),
 * restricted to aggregates with at least one group key.
 *
 * <p>Those rules replace {@code Join(x, Aggregate(input))} by a semi join of {@code x} with
 * {@code input}, reasoning that the aggregate only makes the join keys distinct. That holds only
 * if the aggregate has group keys: a global aggregate ({@code GROUP BY ()}) returns exactly one
 * row even when its input is empty, so the semi join against the empty input drops every row.
 * Sub-query removal creates exactly that shape for {@code x IN (SELECT ...)} under OR (a cross
 * join with {@code COUNT(*)} of the sub-query), so {@code a OR x IN (<empty>)} returned no rows
 * (sqllogictest index/in/10/slt_good_1, index/orderby_nosort/10/slt_good_38). Stateless.
 */
final class GroupedSemiJoinRules {
  private GroupedSemiJoinRules() {}

  /** Replacement for CoreRules.PROJECT_TO_SEMI_JOIN. */
  static final RelOptRule PROJECT = new SemiJoinRule.ProjectToSemiJoinRule(
      SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.DEFAULT) {
    @Override
    public boolean matches(RelOptRuleCall call) {
      return grouped(call.rel(2)) && super.matches(call);
    }
  };

  /** Replacement for CoreRules.JOIN_TO_SEMI_JOIN. */
  static final RelOptRule JOIN = new SemiJoinRule.JoinToSemiJoinRule(
      SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.DEFAULT) {
    @Override
    public boolean matches(RelOptRuleCall call) {
      return grouped(call.rel(1)) && super.matches(call);
    }
  };

  /** The default rules these replace (matched by description). */
  static final List<String> REPLACED = List.of("SemiJoinRule:project", "SemiJoinRule:join");

  private static boolean grouped(Object rel) {
    return rel instanceof Aggregate a && a.getGroupCount() > 0;
  }
}
