package io.shaledb.sql.bind;

import io.shaledb.sql.schema.ShaleTable;
import io.shaledb.sql.schema.ViewTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import com.google.common.collect.ImmutableSet;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.ViewExpanders;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalIntersect;
import org.apache.calcite.rel.logical.LogicalMinus;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSetOperator;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelBuilderFactory;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Binds a parsed (and {@code FunctionRewriter}-rewritten) query directly to the logical plan
 * that validation plus SqlToRelConverter would produce, for the subset described in the package
 * documentation; throws {@link UnsupportedQueryException} for anything else. Builds the select
 * list, filter, aggregate and join nodes through a {@link RelBuilder} configured as
 * SqlToRelConverter's (so they are simplified the same way). One per planning; not thread-safe.
 */
public final class DirectConverter {
  private final RelOptCluster cluster;
  private final RexBuilder rb;
  private final RelDataTypeFactory tf;
  private final Tables tables;
  private final RelOptTable.ViewExpander viewExpander;
  private final RelBuilder relBuilder;

  /** The tables of the database's "public" schema, by name, as the catalog reader gives them. */
  @FunctionalInterface
  public interface Tables {
    /** The table (or view) called {@code name}, or null when there is none. */
    Prepare.PreparingTable table(String name);
  }

  /**
   * @param tables resolves the query's table names (unqualified, or qualified by "public")
   * @param viewExpander expands views read by the query (their stored SQL, by the validator path)
   */
  public DirectConverter(RelOptCluster cluster, Tables tables, RelOptTable.ViewExpander viewExpander) {
    this.cluster = cluster;
    this.rb = cluster.getRexBuilder();
    this.tf = rb.getTypeFactory();
    this.tables = tables;
    this.viewExpander = viewExpander;
    this.relBuilder = builder(cluster);
  }

  /**
   * Logical nodes, join conditions pushed into the inputs; one RelBuilder per statement (building
   * the default one and then {@code transform}ing it made two, each reading its configuration).
   */
  private static final RelBuilderFactory BUILDERS = RelBuilder.proto(Contexts.of(
      RelFactories.DEFAULT_STRUCT, RelBuilder.Config.DEFAULT.withPushJoinCondition(true)));

  /**
   * Each thread's builder for the cluster it was made for: the interpreted path plans every
   * statement of a thread on one cluster, and making a RelBuilder (its configuration read from
   * the context, its simplifier) was ~1.5% of a short query's server time. A builder is a stack:
   * a view's body converted while the query naming it is half built pushes above the query's
   * frames and pops its own.
   */
  private static final ThreadLocal<RelBuilder> BUILDER = new ThreadLocal<>();

  private static RelBuilder builder(RelOptCluster cluster) {
    RelBuilder b = BUILDER.get();
    if (b == null || b.getCluster() != cluster) {
      b = BUILDERS.create(cluster, null);
      BUILDER.set(b);
    }
    return b;
  }

  /** The plan of {@code query}; throws {@link UnsupportedQueryException} outside the subset. */
  public DirectPlan convert(SqlNode query) {
    // frames a failed conversion of an earlier statement left behind
    relBuilder.clear();
    return query(query, true, null);
  }

  /**
   * A view's body, for expansion inside another query: as {@link #convert} except that ORDER BY
   * without LIMIT/OFFSET is dropped (the body is not the top-level query), as SqlToRelConverter
   * does when it expands a view.
   */
  public DirectPlan convertView(SqlNode body) {
    int depth = relBuilder.size();
    try {
      return query(body, false, null);
    } catch (RuntimeException e) {
      // the query naming the view goes on with the builder: leave its frames as they were
      while (relBuilder.size() > depth) {
        relBuilder.build();
      }
      throw e;
    }
  }

  /** An uncorrelated sub-query: ORDER BY without LIMIT/OFFSET is dropped, as SqlToRelConverter does. */
  private RelNode subQuery(SqlNode query, FromScope outer) {
    return query(query, false, outer).rel();
  }

  private DirectPlan query(SqlNode query, boolean top, FromScope outer) {
    SqlNode q = query;
    SqlNodeList orderList = null;
    SqlNode offset = null;
    SqlNode fetch = null;
    if (q instanceof SqlOrderBy ob) {
      q = ob.query;
      orderList = ob.orderList;
      offset = ob.offset;
      fetch = ob.fetch;
    }
    if (q.getKind() == SqlKind.UNION || q.getKind() == SqlKind.EXCEPT || q.getKind() == SqlKind.INTERSECT) {
      return setOperation((SqlCall) q, top || offset != null || fetch != null ? orderList : null, offset, fetch);
    }
    if (!(q instanceof SqlSelect select)) {
      throw new UnsupportedQueryException("not a SELECT");
    }
    if (select.getOrderList() != null && !select.getOrderList().isEmpty()
        || select.getOffset() != null || select.getFetch() != null) {
      if (orderList != null || offset != null || fetch != null) {
        throw new UnsupportedQueryException("nested ORDER BY");
      }
      orderList = select.getOrderList();
      offset = select.getOffset();
      fetch = select.getFetch();
    }
    if (!top && offset == null && fetch == null) {
      orderList = null;
    }
    return select(select, orderList, offset, fetch, outer);
  }

  private DirectPlan select(SqlSelect select, SqlNodeList orderList, SqlNode offset, SqlNode fetch,
      FromScope outer) {
    if (select.getWindowList() != null && !select.getWindowList().isEmpty()
        || select.getQualify() != null || select.hasHints()) {
      throw new UnsupportedQueryException("SELECT form");
    }
    for (SqlNode kw : select.getOperandList().get(0) instanceof SqlNodeList l ? l : SqlNodeList.EMPTY) {
      Object v = ((SqlLiteral) kw).getValue();
      if (v != org.apache.calcite.sql.SqlSelectKeyword.DISTINCT && v != org.apache.calcite.sql.SqlSelectKeyword.ALL) {
        throw new UnsupportedQueryException("SELECT keyword");
      }
    }
    From from = select.getFrom() == null
        ? new From(LogicalValues.createOneRow(cluster), List.of())
        : from(select.getFrom(), 0);
    FromScope scope = new FromScope(cluster, from.sources(), outer);
    ExpressionConverter plain = new ExpressionConverter(rb, scope, null, q -> subQuery(q, scope));
    ExpressionConverter noSubQueries = new ExpressionConverter(rb, scope.withoutOuter(), null);
    RelNode root = from.rel();

    SqlNode where = select.getWhere();
    if (where != null) {
      if (AggregateBinder.containsAggregate(where)) {
        throw new UnsupportedQueryException("aggregate in WHERE");
      }
      scope.startClause();
      RexNode cond = condition(plain, where);
      cond = RexUtil.removeNullabilityCast(tf, cond);
      CorrelationId correl = scope.clauseCorrelation();
      if (correl != null) {
        root = LogicalFilter.create(root, cond, ImmutableSet.of(correl));
      } else if (!cond.isAlwaysTrue()) {
        root = RelFactories.DEFAULT_FILTER_FACTORY.createFilter(root, cond, Set.of());
      }
    }

    boolean aggregate = select.getGroup() != null || select.getHaving() != null
        || AggregateBinder.containsAggregate(select.getSelectList());
    SelectList items = SelectList.expand(select.getSelectList(), scope);
    if (!aggregate && orderList != null && AggregateBinder.containsAggregate(orderList)) {
      throw new UnsupportedQueryException("aggregate in ORDER BY of a plain SELECT");
    }
    ExpressionConverter conv = plain;
    AggregateBinder binder = null;
    if (aggregate) {
      if (items.hasStar()) {
        throw new UnsupportedQueryException("star in grouped SELECT");
      }
      binder = new AggregateBinder(rb, noSubQueries);
      if (select.getGroup() != null) {
        for (SqlNode g : select.getGroup()) {
          binder.addGroupExpr(g);
        }
      }
      for (SqlNode e : items.exprs()) {
        binder.collectAggregates(e);
      }
      if (orderList != null) {
        binder.collectAggregates(orderList);
      }
      if (select.getHaving() != null) {
        binder.collectAggregates(select.getHaving());
      }
      root = binder.build(relBuilder, root);
      conv = new ExpressionConverter(rb, scope, binder);
    }

    // select list
    scope.startClause();
    List<RexNode> exprs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      SqlNode e = items.exprs().get(i);
      if (e == null) {
        exprs.add(rb.makeInputRef(items.starTypes().get(i), items.starIndexes().get(i)));
      } else {
        if (SqlUtil.isNullLiteral(e, false)) {
          throw new UnsupportedQueryException("NULL select item");
        }
        exprs.add(conv.convert(e));
      }
    }
    int selectCount = exprs.size();
    CorrelationId selectCorrel = scope.clauseCorrelation();

    // ORDER BY
    List<RelFieldCollation> collations = new ArrayList<>();
    List<RexNode> extras = new ArrayList<>();
    if (orderList != null) {
      for (SqlNode item : orderList) {
        collations.add(orderItem(item, items, exprs, extras, aggregate ? conv : noSubQueries));
      }
    }
    if (!extras.isEmpty() && select.isDistinct()) {
      throw new UnsupportedQueryException("ORDER BY expression not in DISTINCT select list");
    }
    List<RexNode> all = new ArrayList<>(exprs);
    all.addAll(extras);
    List<String> names = new ArrayList<>(items.names());
    for (int i = 0; i < extras.size(); i++) {
      names.add(null);
    }
    List<String> projectNames = SqlValidatorUtil.uniquify(names, true);

    if (aggregate) {
      RexNode having = select.getHaving() == null ? relBuilder.literal(true) : condition(conv, select.getHaving());
      relBuilder.push(root);
      relBuilder.filter(List.of(), having);
      relBuilder.project(all, projectNames).rename(projectNames);
      root = relBuilder.build();
      if (conv.decidedWhen()) {
        root = AggregateBinder.withoutUnusedCalls(root);
      }
    } else {
      root = relBuilder.push(root).projectNamed(all, projectNames, true,
          selectCorrel == null ? Set.of() : Set.of(selectCorrel)).build();
    }

    if (select.isDistinct()) {
      ImmutableBitSet groupSet = ImmutableBitSet.range(root.getRowType().getFieldCount());
      root = LogicalAggregate.create(root, List.of(), groupSet, null, List.of());
    }

    boolean zeroOffset = offset == null || offset instanceof SqlNumericLiteral n
        && BigDecimal.ZERO.compareTo(n.bigDecimalValue()) == 0;
    if (!collations.isEmpty() || !zeroOffset || fetch != null) {
      root = LogicalSort.create(root, cluster.traitSet().canonize(RelCollations.of(collations)),
          offset == null ? null : limit(offset), fetch == null ? null : limit(fetch));
    }
    if (!extras.isEmpty()) {
      List<RexNode> refs = new ArrayList<>();
      for (int i = 0; i < selectCount; i++) {
        refs.add(rb.makeInputRef(root, i));
      }
      root = LogicalProject.create(root, List.of(), refs, items.names(), Set.of());
    }

    RelDataTypeFactory.Builder rowType = tf.builder();
    for (int i = 0; i < selectCount; i++) {
      rowType.add(items.names().get(i), exprs.get(i).getType());
    }
    return new DirectPlan(root, rowType.build(), Collections.unmodifiableList(new ArrayList<>(items.origins())));
  }

  /**
   * UNION/EXCEPT/INTERSECT [ALL] of branches whose column types agree (else the validator would
   * coerce them). With ORDER BY/LIMIT the validator wraps it as {@code SELECT * FROM (...)
   * ORDER BY ...}; ORDER BY items here are ordinals or result column names.
   */
  private DirectPlan setOperation(SqlCall call, SqlNodeList orderList, SqlNode offset, SqlNode fetch) {
    DirectPlan left = query(call.operand(0), false, null);
    DirectPlan right = query(call.operand(1), false, null);
    List<RelDataTypeField> lf = left.rel().getRowType().getFieldList();
    List<RelDataTypeField> rf = right.rel().getRowType().getFieldList();
    if (lf.size() != rf.size()) {
      throw new UnsupportedQueryException("set operation column count");
    }
    for (int i = 0; i < lf.size(); i++) {
      if (!SqlTypeUtil.equalSansNullability(tf, lf.get(i).getType(), rf.get(i).getType())) {
        throw new UnsupportedQueryException("set operation column types");
      }
    }
    boolean all = ((SqlSetOperator) call.getOperator()).isAll();
    RelNode rel = switch (call.getKind()) {
      case UNION -> relBuilder.push(left.rel()).push(right.rel()).union(all, 2).build();
      case INTERSECT -> LogicalIntersect.create(List.of(left.rel(), right.rel()), all);
      default -> LogicalMinus.create(List.of(left.rel(), right.rel()), all);
    };
    List<String> names = left.rowType().getFieldNames();
    RelDataTypeFactory.Builder rowType = tf.builder();
    List<List<String>> origins = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      rowType.add(names.get(i), rel.getRowType().getFieldList().get(i).getType());
      origins.add(null);
    }
    boolean zeroOffset = offset == null || offset instanceof SqlNumericLiteral n
        && BigDecimal.ZERO.compareTo(n.bigDecimalValue()) == 0;
    if (orderList != null && !orderList.isEmpty() || !zeroOffset || fetch != null) {
      List<RexNode> refs = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        refs.add(rb.makeInputRef(rel, i));
      }
      rel = relBuilder.push(rel).projectNamed(refs, names, true).build();
      List<RelFieldCollation> collations = new ArrayList<>();
      for (SqlNode item : orderList == null ? SqlNodeList.EMPTY : orderList) {
        collations.add(setOrderItem(item, names));
      }
      rel = LogicalSort.create(rel, cluster.traitSet().canonize(RelCollations.of(collations)),
          offset == null ? null : limit(offset), fetch == null ? null : limit(fetch));
    }
    return new DirectPlan(rel, rowType.build(), Collections.unmodifiableList(origins));
  }

  /** An ORDER BY item taken apart: the expression, its direction and where its NULLs go. */
  private record OrderKey(SqlNode expr, RelFieldCollation.Direction dir, RelFieldCollation.NullDirection nulls) {
    static OrderKey of(SqlNode item) {
      RelFieldCollation.Direction dir = RelFieldCollation.Direction.ASCENDING;
      RelFieldCollation.NullDirection nulls = RelFieldCollation.NullDirection.UNSPECIFIED;
      SqlNode e = item;
      while (true) {
        if (e.getKind() == SqlKind.DESCENDING) {
          dir = RelFieldCollation.Direction.DESCENDING;
        } else if (e.getKind() == SqlKind.NULLS_FIRST) {
          nulls = RelFieldCollation.NullDirection.FIRST;
        } else if (e.getKind() == SqlKind.NULLS_LAST) {
          nulls = RelFieldCollation.NullDirection.LAST;
        } else {
          break;
        }
        e = ((SqlCall) e).operand(0);
      }
      if (nulls == RelFieldCollation.NullDirection.UNSPECIFIED) {
        // NullCollation.HIGH: nulls sort as the largest values
        nulls = dir == RelFieldCollation.Direction.DESCENDING
            ? RelFieldCollation.NullDirection.FIRST : RelFieldCollation.NullDirection.LAST;
      }
      return new OrderKey(e, dir, nulls);
    }
  }

  private static RelFieldCollation setOrderItem(SqlNode item, List<String> names) {
    OrderKey key = OrderKey.of(item);
    SqlNode e = key.expr();
    RelFieldCollation.Direction dir = key.dir();
    RelFieldCollation.NullDirection nulls = key.nulls();
    int index = -1;
    if (e instanceof SqlNumericLiteral lit && lit.isInteger()) {
      int k = lit.intValue(false);
      if (k >= 1 && k <= names.size()) {
        index = k - 1;
      }
    } else if (e instanceof SqlIdentifier id && id.isSimple() && names.indexOf(id.getSimple()) >= 0
        && names.indexOf(id.getSimple()) == names.lastIndexOf(id.getSimple())) {
      index = names.indexOf(id.getSimple());
    }
    if (index < 0) {
      throw new UnsupportedQueryException("ORDER BY item of a set operation");
    }
    return new RelFieldCollation(index, dir, nulls);
  }

  private RexNode condition(ExpressionConverter conv, SqlNode node) {
    RexNode cond = SqlUtil.isNullLiteral(node, false)
        ? rb.makeNullLiteral(tf.createSqlType(SqlTypeName.BOOLEAN))
        : conv.convert(node);
    if (cond.getType().getSqlTypeName() != SqlTypeName.BOOLEAN) {
      throw new UnsupportedQueryException("non-boolean condition");
    }
    return cond;
  }

  private RexNode limit(SqlNode n) {
    if (!(n instanceof SqlNumericLiteral lit) || !lit.isExact()) {
      throw new UnsupportedQueryException("LIMIT/OFFSET form");
    }
    return rb.makeExactLiteral(lit.bigDecimalValue(), lit.createSqlType(tf));
  }

  private RelFieldCollation orderItem(SqlNode item, SelectList items, List<RexNode> exprs,
      List<RexNode> extras, ExpressionConverter conv) {
    OrderKey key = OrderKey.of(item);
    SqlNode e = key.expr();
    RelFieldCollation.Direction dir = key.dir();
    RelFieldCollation.NullDirection nulls = key.nulls();
    int index = -1;
    if (e instanceof SqlNumericLiteral lit) {
      if (!lit.isInteger()) {
        throw new UnsupportedQueryException("ORDER BY literal");
      }
      int k = lit.intValue(false);
      if (k < 1 || k > exprs.size()) {
        throw new UnsupportedQueryException("ORDER BY ordinal out of range");
      }
      index = k - 1;
    } else if (e instanceof SqlIdentifier id && id.isSimple()) {
      int matches = 0;
      for (int i = 0; i < items.names().size(); i++) {
        if (items.names().get(i).equals(id.getSimple())) {
          index = i;
          matches++;
        }
      }
      if (matches > 1) {
        throw new UnsupportedQueryException("ambiguous ORDER BY alias");
      }
    } else if (e instanceof SqlLiteral) {
      throw new UnsupportedQueryException("ORDER BY literal");
    }
    if (index < 0) {
      RexNode rex = conv.convert(e);
      index = exprs.indexOf(rex);
      if (index < 0) {
        int x = extras.indexOf(rex);
        if (x < 0) {
          x = extras.size();
          extras.add(rex);
        }
        index = exprs.size() + x;
      }
    }
    return new RelFieldCollation(index, dir, nulls);
  }

  /** A converted FROM item: its plan and its sources (aliases and column offsets). */
  private record From(RelNode rel, List<FromScope.Source> sources) {}

  private From from(SqlNode node, int offset) {
    if (node instanceof SqlIdentifier id) {
      return table(id, id.names.get(id.names.size() - 1), offset);
    }
    if (node.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) node;
      if (as.operandCount() != 2 || !(as.operand(1) instanceof SqlIdentifier alias) || !alias.isSimple()) {
        throw new UnsupportedQueryException("FROM item");
      }
      if (as.operand(0) instanceof SqlIdentifier id) {
        return table(id, alias.getSimple(), offset);
      }
      if (as.operand(0).isA(SqlKind.QUERY)) {
        return derivedTable(as.operand(0), alias.getSimple(), offset);
      }
      throw new UnsupportedQueryException("FROM item");
    }
    if (node instanceof SqlJoin join) {
      JoinType type = join.getJoinType();
      if (join.isNatural() || !(type == JoinType.COMMA || type == JoinType.CROSS || type == JoinType.INNER)) {
        throw new UnsupportedQueryException("join type");
      }
      From left = from(join.getLeft(), offset);
      int leftCount = left.rel().getRowType().getFieldCount();
      From right = from(join.getRight(), offset + leftCount);
      List<FromScope.Source> sources = new ArrayList<>(left.sources());
      sources.addAll(right.sources());
      RexNode cond;
      if (join.getConditionType() == JoinConditionType.NONE) {
        cond = rb.makeLiteral(true);
      } else if (join.getConditionType() == JoinConditionType.ON && type == JoinType.INNER) {
        // columns of this join only, numbered from its own first column
        List<FromScope.Source> local = new ArrayList<>();
        for (FromScope.Source s : sources) {
          local.add(new FromScope.Source(s.alias(), s.rowType(), s.offset() - offset, s.table()));
        }
        SqlNode on = join.getCondition();
        if (AggregateBinder.containsAggregate(on)) {
          throw new UnsupportedQueryException("aggregate in ON");
        }
        cond = condition(new ExpressionConverter(rb, new FromScope(cluster, local, null), null), on);
      } else {
        throw new UnsupportedQueryException("join condition");
      }
      new FromScope(cluster, sources, null); // rejects duplicate aliases
      RelNode rel = relBuilder.push(left.rel()).push(right.rel()).join(JoinRelType.INNER, cond).build();
      return new From(rel, sources);
    }
    throw new UnsupportedQueryException("FROM item " + node.getKind());
  }

  /**
   * A sub-query in FROM ({@code (SELECT ...) AS alias}), as SqlToRelConverter converts it: its own
   * plan (ORDER BY without LIMIT/OFFSET dropped), its columns named as its select list names them.
   * It sees no enclosing query (not LATERAL); an outer reference in it is an unknown name here, so
   * the validator path reports or plans it. Its columns have no origin (the validator's
   * getFieldOrigins gives none through a derived table).
   */
  private From derivedTable(SqlNode query, String alias, int offset) {
    DirectPlan inner = query(query, false, null);
    List<String> names = inner.rowType().getFieldNames();
    if (Set.copyOf(names).size() != names.size()) {
      throw new UnsupportedQueryException("derived table with repeated column names");
    }
    return new From(inner.rel(), List.of(new FromScope.Source(alias, inner.rowType(), offset, null)));
  }

  private From table(SqlIdentifier id, String alias, int offset) {
    // a name, or one qualified by the only schema of tables ("public": UPDATE and DELETE read their
    // rows through public.<table> with its hidden columns)
    if (id.isStar() || id.names.size() > 2 || id.names.size() == 2 && !"public".equals(id.names.get(0))) {
      throw new UnsupportedQueryException("qualified table name");
    }
    Prepare.PreparingTable t = tables.table(id.names.get(id.names.size() - 1));
    if (t == null) {
      throw new UnsupportedQueryException("unknown table");
    }
    RelNode rel;
    if (t.unwrap(ShaleTable.class) != null) {
      rel = t.toRel(ViewExpanders.simpleContext(cluster));
    } else if (t.unwrap(ViewTable.class) != null) {
      rel = t.toRel(ViewExpanders.toRelContext(viewExpander, cluster));
    } else {
      throw new UnsupportedQueryException("system table");
    }
    String name = id.names.get(id.names.size() - 1);
    return new From(rel, List.of(new FromScope.Source(alias, t.getRowType(), offset, name)));
  }
}
