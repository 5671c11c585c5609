package io.shaledb.sql.bind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The GROUP BY part of a SELECT, built as SqlToRelConverter's {@code createAggImpl} does: a
 * projection of the group expressions followed by the aggregate arguments (deduplicated), an
 * Aggregate over it, and a {@link ExpressionConverter.Grouped} view that maps group
 * expressions and aggregate calls (COUNT, SUM, AVG, MIN, MAX, with ALL or DISTINCT) of the select
 * list, HAVING and ORDER BY to the Aggregate's fields. One per SELECT; not thread-safe.
 */
final class AggregateBinder implements ExpressionConverter.Grouped {
  private final RexBuilder rb;
  private final ExpressionConverter plain;
  private final List<RexNode> groupExprs = new ArrayList<>();
  private final List<RexNode> inputExprs = new ArrayList<>();
  private final List<String> inputNames = new ArrayList<>();
  private final List<AggregateCall> aggCalls = new ArrayList<>();
  private final Map<AggregateCall, RexNode> aggCallMapping = new HashMap<>();
  private final Map<SqlNode, RexNode> aggMapping = new IdentityHashMap<>();
  private RelNode aggregate;

  AggregateBinder(RexBuilder rb, ExpressionConverter plain) {
    this.rb = rb;
    this.plain = plain;
  }

  /** Whether the expression contains a call to an aggregate function (outside sub-queries). */
  static boolean containsAggregate(SqlNode node) {
    if (node instanceof SqlSelect || node instanceof SqlOrderBy || node != null
        && node.getKind().belongsTo(SqlKind.SET_QUERY)) {
      return false;
    }
    if (node instanceof SqlCall call) {
      if (aggFunction(call) != null) {
        return true;
      }
      for (SqlNode o : call.getOperandList()) {
        if (o != null && containsAggregate(o)) {
          return true;
        }
      }
    } else if (node instanceof SqlNodeList list) {
      for (SqlNode o : list) {
        if (o != null && containsAggregate(o)) {
          return true;
        }
      }
    }
    return false;
  }

  private static SqlAggFunction aggFunction(SqlCall call) {
    if (!(call.getOperator() instanceof SqlUnresolvedFunction)) {
      return call.getOperator().isAggregator() ? unsupportedAgg() : null;
    }
    return switch (call.getOperator().getName().toLowerCase(Locale.ROOT)) {
      case "count" -> SqlStdOperatorTable.COUNT;
      case "sum" -> SqlStdOperatorTable.SUM;
      case "avg" -> SqlStdOperatorTable.AVG;
      case "min" -> SqlStdOperatorTable.MIN;
      case "max" -> SqlStdOperatorTable.MAX;
      default -> null;
    };
  }

  private static SqlAggFunction unsupportedAgg() {
    throw new UnsupportedQueryException("aggregate function");
  }

  /** Adds a GROUP BY item (a column or expression of the FROM row; not an ordinal or alias). */
  void addGroupExpr(SqlNode e) {
    if (e instanceof SqlLiteral || containsAggregate(e)) {
      throw new UnsupportedQueryException("GROUP BY item");
    }
    RexNode rex = plain.convert(e);
    if (groupExprs.contains(rex)) {
      return; // GROUP BY x, x groups by x once (as SqlToRelConverter does)
    }
    groupExprs.add(rex);
    inputExprs.add(rex);
    inputNames.add(e instanceof SqlIdentifier id ? id.names.get(id.names.size() - 1) : null);
  }

  /** Registers every aggregate call in {@code node} (select item, HAVING or ORDER BY item). */
  void collectAggregates(SqlNode node) {
    if (node instanceof SqlSelect || node instanceof SqlOrderBy || node.getKind().belongsTo(SqlKind.SET_QUERY)) {
      throw new UnsupportedQueryException("sub-query in grouped SELECT");
    }
    if (node instanceof SqlCall call) {
      SqlAggFunction f = aggFunction(call);
      if (f != null) {
        translate(call, f);
        return;
      }
      for (SqlNode o : call.getOperandList()) {
        if (o != null) {
          collectAggregates(o);
        }
      }
    } else if (node instanceof SqlNodeList list) {
      for (SqlNode o : list) {
        if (o != null) {
          collectAggregates(o);
        }
      }
    }
  }

  private void translate(SqlCall call, SqlAggFunction f) {
    boolean distinct = false;
    SqlLiteral quantifier = call.getFunctionQuantifier();
    if (quantifier != null) {
      distinct = quantifier.getValue() == SqlSelectKeyword.DISTINCT;
    }
    List<Integer> args = new ArrayList<>();
    List<RelDataType> argTypes = new ArrayList<>();
    List<SqlNode> ops = call.getOperandList();
    if (f == SqlStdOperatorTable.COUNT && ops.size() == 1 && ops.get(0) instanceof SqlIdentifier id && id.isStar()) {
      if (distinct) {
        throw new UnsupportedQueryException("COUNT(DISTINCT *)");
      }
    } else {
      if (ops.size() != 1) {
        throw new UnsupportedQueryException("aggregate arity");
      }
      SqlNode arg = ops.get(0);
      if (SqlUtil.isNullLiteral(arg, false) || containsAggregate(arg)) {
        throw new UnsupportedQueryException("aggregate argument");
      }
      RexNode e = plain.convert(arg);
      RelDataType t = e.getType();
      boolean ok = f == SqlStdOperatorTable.COUNT
          || (f == SqlStdOperatorTable.SUM || f == SqlStdOperatorTable.AVG) && SqlTypeUtil.isNumeric(t)
          || (f == SqlStdOperatorTable.MIN || f == SqlStdOperatorTable.MAX)
             && (SqlTypeUtil.isNumeric(t) || SqlTypeUtil.inCharFamily(t));
      if (!ok) {
        throw new UnsupportedQueryException("aggregate argument type");
      }
      int idx = inputExprs.indexOf(e);
      if (idx < 0) {
        idx = inputExprs.size();
        inputExprs.add(e);
        inputNames.add(null);
      }
      args.add(idx);
      argTypes.add(t);
    }
    RelDataType type = f.inferReturnType(
        new Aggregate.AggCallBinding(rb.getTypeFactory(), f, argTypes, groupExprs.size(), false));
    AggregateCall aggCall = AggregateCall.create(call.getParserPosition(), f, distinct, false, false,
        List.of(), args, -1, null, RelCollations.EMPTY, type, null);
    RexNode rex = rb.addAggCall(aggCall, groupExprs.size(), aggCalls, aggCallMapping,
        i -> inputExprs.get(i).getType().isNullable());
    aggMapping.put(call, rex);
  }

  /** Builds the pre-projection and the Aggregate over {@code input}; returns the Aggregate. */
  RelNode build(RelBuilder relBuilder, RelNode input) {
    List<RexNode> pre = inputExprs;
    List<String> names = inputNames;
    if (pre.isEmpty()) {
      pre = List.of(rb.makeExactLiteral(BigDecimal.ZERO));
      names = new ArrayList<>();
      names.add(null);
    }
    RelNode project = relBuilder.push(input).projectNamed(pre, names, false).build();
    ImmutableBitSet groupSet = ImmutableBitSet.range(groupExprs.size());
    // created directly: RelBuilder.aggregate asks metadata whether the input is already unique
    // (to drop the Aggregate), which cost ~5% of a short aggregate query's planning
    aggregate = LogicalAggregate.create(project, List.of(), groupSet, null, aggCalls);
    return aggregate;
  }

  /**
   * {@code root}, a Project over the Aggregate {@link #build} made (with the HAVING Filter between
   * them, if any), without the aggregate calls neither of them reads: those only a CASE arm decided
   * dead at conversion used. PostgreSQL drops such an arm before it is planned, so its aggregate is
   * never computed (and a division by zero inside it never raises); computing it here would.
   * Returns {@code root} itself when every call is read or the shape is another.
   */
  static RelNode withoutUnusedCalls(RelNode root) {
    if (!(root instanceof Project project)) {
      return root;
    }
    Filter filter = project.getInput() instanceof Filter f ? f : null;
    RelNode below = filter == null ? project.getInput() : filter.getInput();
    if (!(below instanceof Aggregate agg) || agg.getGroupType() != Aggregate.Group.SIMPLE) {
      return root;
    }
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(),
        filter == null ? null : filter.getCondition());
    int groups = agg.getGroupCount();
    List<AggregateCall> kept = new ArrayList<>();
    int[] newIndex = new int[agg.getRowType().getFieldCount()];
    for (int i = 0; i < groups; i++) {
      newIndex[i] = i;
    }
    for (int i = 0; i < agg.getAggCallList().size(); i++) {
      if (used.get(groups + i)) {
        newIndex[groups + i] = groups + kept.size();
        kept.add(agg.getAggCallList().get(i));
      } else {
        newIndex[groups + i] = -1;
      }
    }
    if (kept.size() == agg.getAggCallList().size()) {
      return root;
    }
    if (kept.isEmpty() && groups == 0) {
      // a global aggregate still yields its one row: count it rather than compute a dropped call
      RelDataType bigint = agg.getCluster().getTypeFactory().createSqlType(SqlTypeName.BIGINT);
      kept.add(AggregateCall.create(SqlStdOperatorTable.COUNT, false, false, false, List.of(),
          List.of(), -1, null, RelCollations.EMPTY, bigint, null));
    }
    RelNode newAgg = withoutUnusedInputs(agg, kept);
    RexShuttle remap = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(newIndex[ref.getIndex()], ref.getType());
      }
    };
    RelNode input = filter == null ? newAgg
        : filter.copy(filter.getTraitSet(), newAgg, filter.getCondition().accept(remap));
    return project.copy(project.getTraitSet(), input, remap.apply(project.getProjects()),
        project.getRowType());
  }

  /**
   * {@code agg} with only the calls {@code kept}; when its input is a Project, the expressions
   * only dropped calls read are projected away too, so that they are never evaluated either.
   */
  private static RelNode withoutUnusedInputs(Aggregate agg, List<AggregateCall> kept) {
    if (!(agg.getInput() instanceof Project in)) {
      return agg.copy(agg.getTraitSet(), agg.getInput(), agg.getGroupSet(), null, kept);
    }
    ImmutableBitSet.Builder usedB = agg.getGroupSet().rebuild();
    for (AggregateCall c : kept) {
      usedB.addAll(c.getArgList());
      if (c.filterArg >= 0) {
        usedB.set(c.filterArg);
      }
      c.getCollation().getFieldCollations().forEach(fc -> usedB.set(fc.getFieldIndex()));
    }
    ImmutableBitSet used = usedB.build();
    int n = in.getProjects().size();
    if (used.cardinality() == n) {
      return agg.copy(agg.getTraitSet(), in, agg.getGroupSet(), null, kept);
    }
    if (used.isEmpty()) {
      // only COUNT(*)s are left: one constant column, as build() projects for them
      RexBuilder rb = agg.getCluster().getRexBuilder();
      RelNode project = LogicalProject.create(in.getInput(), in.getHints(),
          List.of(rb.makeExactLiteral(BigDecimal.ZERO)), java.util.Arrays.asList((String) null),
          in.getVariablesSet());
      return agg.copy(agg.getTraitSet(), project, agg.getGroupSet(), null, kept);
    }
    Mappings.TargetMapping map = Mappings.create(MappingType.INVERSE_SURJECTION, n, used.cardinality());
    List<RexNode> exprs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i : used) {
      map.set(i, exprs.size());
      exprs.add(in.getProjects().get(i));
      names.add(in.getRowType().getFieldNames().get(i));
    }
    RelNode project = LogicalProject.create(in.getInput(), in.getHints(), exprs, names, in.getVariablesSet());
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall c : kept) {
      calls.add(c.transform(map));
    }
    ImmutableBitSet.Builder groups = ImmutableBitSet.builder();
    for (int g : agg.getGroupSet()) {
      groups.set(map.getTarget(g));
    }
    return agg.copy(agg.getTraitSet(), project, groups.build(), null, calls);
  }

  @Override
  public RexNode lookup(SqlNode node) {
    RexNode agg = aggMapping.get(node);
    if (agg != null) {
      return agg;
    }
    if (node instanceof SqlLiteral || node instanceof SqlNodeList || groupExprs.isEmpty()) {
      return null;
    }
    if (node instanceof SqlCall call && aggFunction(call) != null) {
      throw new UnsupportedQueryException("unregistered aggregate");
    }
    if (containsAggregate(node)) {
      return null;
    }
    RexNode rex;
    try {
      rex = plain.convert(node);
    } catch (UnsupportedQueryException e) {
      return null;
    }
    int i = groupExprs.indexOf(rex);
    if (i < 0) {
      return null;
    }
    return rb.makeInputRef(aggregate.getRowType().getFieldList().get(i).getType(), i);
  }
}
