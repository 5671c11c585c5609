package io.shaledb.sql.bind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlCastFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.NlsString;

/**
 * Converts scalar SqlNodes to RexNodes the way the validator plus {@code StandardConvertletTable}
 * do for the supported subset: literals, column references, arithmetic, comparisons (with the
 * least-restrictive casts {@code =}/{@code <>} get), AND/OR/NOT, IS [NOT] NULL, BETWEEN, IN
 * lists (as ORs of equalities), CASE, CAST to numeric types, ABS, COALESCE and NULLIF (rewritten
 * to CASE as the validator does). An untyped NULL takes the type of the first typed operand of
 * its operator (the validator's FIRST_KNOWN inference) where that is how the validator types it;
 * elsewhere it is refused. In grouped queries a {@link Grouped} view maps group expressions and
 * aggregate calls to the aggregate's output. Not thread-safe; one per scope.
 */
final class ExpressionConverter {
  /** IN lists of this many items or more become joins with VALUES in SqlToRelConverter. */
  static final int IN_LIST_LIMIT = 20;

  /** The grouped view of a SELECT: group expressions and aggregates as fields of the Aggregate. */
  interface Grouped {
    /** The reference for a group expression or aggregate call, or null if {@code node} is neither. */
    RexNode lookup(SqlNode node);
  }

  /** Converts the query of a sub-query expression (not at the top of the statement). */
  interface SubQueries {
    /** The plan of {@code query} as a sub-query; throws {@link UnsupportedQueryException}. */
    org.apache.calcite.rel.RelNode convertSubQuery(SqlNode query);
  }

  private final RexBuilder rb;
  private final RelDataTypeFactory tf;
  private final FromScope scope;
  private final Grouped grouped;
  private final SubQueries subQueries;
  /** Whether a CASE arm's WHEN was decided at conversion (see {@link #decidedWhen()}). */
  private boolean decidedWhen;

  ExpressionConverter(RexBuilder rb, FromScope scope, Grouped grouped) {
    this(rb, scope, grouped, null);
  }

  /** @param subQueries converts uncorrelated sub-queries, or null when they are not supported here */
  ExpressionConverter(RexBuilder rb, FromScope scope, Grouped grouped, SubQueries subQueries) {
    this.rb = rb;
    this.tf = rb.getTypeFactory();
    this.scope = scope;
    this.grouped = grouped;
    this.subQueries = subQueries;
  }

  FromScope scope() {
    return scope;
  }

  /**
   * Whether some CASE converted here had a constant WHEN decided, so that an arm (and any
   * aggregate call only it used) may have been dropped.
   */
  boolean decidedWhen() {
    return decidedWhen;
  }

  RexNode convert(SqlNode node) {
    if (grouped != null) {
      RexNode r = grouped.lookup(node);
      if (r != null) {
        return r;
      }
    }
    if (node instanceof SqlIdentifier id) {
      if (grouped != null) {
        throw new UnsupportedQueryException("column not grouped");
      }
      FromScope.Column c = scope.resolve(id);
      return c.correl() == null ? rb.makeInputRef(c.type(), c.index()) : rb.makeFieldAccess(c.correl(), c.index());
    }
    if (node instanceof SqlLiteral lit) {
      return literal(lit);
    }
    if (node.getKind().belongsTo(SqlKind.QUERY)) {
      // a query where a value is expected: a scalar sub-query (the validator wraps it so)
      RelNode rel = subQuery(node);
      if (rel.getRowType().getFieldCount() != 1) {
        throw new UnsupportedQueryException("scalar sub-query columns");
      }
      return RexSubQuery.scalar(rel);
    }
    if (node instanceof SqlCase kase) {
      return caseExpr(kase.getWhenOperands().getList(), kase.getThenOperands().getList(),
          kase.getElseOperand());
    }
    if (node instanceof SqlBasicCall call) {
      return call(call);
    }
    throw new UnsupportedQueryException("expression " + node.getKind());
  }

  private RexNode literal(SqlLiteral lit) {
    if (lit instanceof SqlNumericLiteral num) {
      BigDecimal bd = num.getValueAs(BigDecimal.class);
      return num.isExact() ? rb.makeExactLiteral(bd, num.createSqlType(tf)) : rb.makeApproxLiteral(bd);
    }
    if (lit instanceof SqlCharStringLiteral s) {
      return rb.makeCharLiteral(s.getValueAs(NlsString.class));
    }
    if (lit.getTypeName() == SqlTypeName.BOOLEAN && lit.getValue() != null) {
      return rb.makeLiteral(lit.booleanValue());
    }
    if (SqlUtil.isNullLiteral(lit, false)) {
      throw new UnsupportedQueryException("untyped NULL");
    }
    throw new UnsupportedQueryException("literal " + lit.getTypeName());
  }

  private RexNode call(SqlBasicCall call) {
    SqlOperator op = call.getOperator();
    List<SqlNode> ops = call.getOperandList();
    if (call.getKind().belongsTo(SqlKind.COMPARISON) && onlyNullLiterals(ops)) {
      return unknown(); // NULL <= NULL
    }
    switch (call.getKind()) {
      case PLUS, MINUS, TIMES, DIVIDE -> {
        List<RexNode> e = firstKnown(ops);
        requireNumeric(e);
        return make(op, e);
      }
      case MOD -> {
        List<RexNode> e = firstKnown(ops);
        for (RexNode x : e) {
          if (!SqlTypeUtil.isIntType(x.getType())) {
            throw new UnsupportedQueryException("% of non-integers");
          }
        }
        return make(SqlStdOperatorTable.MOD, e);
      }
      case MINUS_PREFIX -> {
        RexNode x = convert(ops.get(0));
        requireNumeric(List.of(x));
        return make(op, List.of(x));
      }
      case PLUS_PREFIX -> {
        RexNode x = convert(ops.get(0));
        requireNumeric(List.of(x));
        return x;
      }
      case EQUALS, NOT_EQUALS -> {
        List<RexNode> e = coerced(comparable(firstKnown(ops)));
        RelDataType common = tf.leastRestrictive(types(e));
        if (common == null) {
          throw new UnsupportedQueryException("no common type");
        }
        List<RexNode> cast = new ArrayList<>();
        for (RexNode x : e) {
          cast.add(rb.ensureType(call.getParserPosition(), common, x, true));
        }
        return make(op, cast);
      }
      case LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        return make(op, coerced(comparable(firstKnown(ops))));
      }
      case AND, OR -> {
        List<RexNode> e = booleans(ops);
        return rb.makeCall(call.getParserPosition(), rb.deriveReturnType(op, e), op, RexUtil.flatten(e, op));
      }
      case NOT -> {
        return make(op, booleans(ops));
      }
      case IS_NULL, IS_NOT_NULL -> {
        SqlNode x = ops.get(0);
        RexNode e = SqlUtil.isNullLiteral(x, false)
            ? rb.makeNullLiteral(tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.VARCHAR, 1024), true))
            : convert(x);
        return make(op, List.of(e));
      }
      case BETWEEN -> {
        return between((SqlBetweenOperator) op, call);
      }
      case IN, NOT_IN -> {
        return inList(call);
      }
      case CAST -> {
        return cast(call);
      }
      case OTHER_FUNCTION, COALESCE, NULLIF -> {
        return function(call);
      }
      case EXISTS -> {
        RelNode rel = subQuery(ops.get(0));
        while (rel instanceof Project
            || rel instanceof Sort sort && sort.fetch == null && sort.offset == null) {
          rel = ((SingleRel) rel).getInput();
        }
        return RexSubQuery.exists(rel);
      }
      default -> throw new UnsupportedQueryException("operator " + call.getKind());
    }
  }

  private RelNode subQuery(SqlNode query) {
    if (subQueries == null) {
      throw new UnsupportedQueryException("sub-query here");
    }
    return subQueries.convertSubQuery(query);
  }

  private RexNode make(SqlOperator op, List<RexNode> operands) {
    return rb.makeCall(rb.deriveReturnType(op, operands), op, operands);
  }

  /** Operands with untyped NULLs typed as the first typed operand (nullable). */
  private List<RexNode> firstKnown(List<SqlNode> ops) {
    RexNode[] out = new RexNode[ops.size()];
    RelDataType known = null;
    for (int i = 0; i < ops.size(); i++) {
      if (!SqlUtil.isNullLiteral(ops.get(i), false)) {
        out[i] = convert(ops.get(i));
        if (known == null) {
          known = out[i].getType();
        }
      }
    }
    if (known == null) {
      throw new UnsupportedQueryException("only NULL operands");
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        if (SqlTypeUtil.inCharFamily(known)) {
          throw new UnsupportedQueryException("NULL typed as string");
        }
        out[i] = rb.makeNullLiteral(tf.createTypeWithNullability(known, true));
      }
    }
    return List.of(out);
  }

  /** Boolean operands; an untyped NULL is a BOOLEAN null (InferTypes.BOOLEAN). */
  private List<RexNode> booleans(List<SqlNode> ops) {
    List<RexNode> out = new ArrayList<>();
    for (SqlNode o : ops) {
      RexNode e = SqlUtil.isNullLiteral(o, false)
          ? rb.makeNullLiteral(tf.createSqlType(SqlTypeName.BOOLEAN))
          : convert(o);
      if (e.getType().getSqlTypeName() != SqlTypeName.BOOLEAN) {
        throw new UnsupportedQueryException("non-boolean operand of a logical operator");
      }
      out.add(e);
    }
    return out;
  }

  private static void requireNumeric(List<RexNode> e) {
    for (RexNode x : e) {
      if (!SqlTypeUtil.isNumeric(x.getType())) {
        throw new UnsupportedQueryException("arithmetic on non-numbers");
      }
    }
  }

  /** Operands that compare without implicit coercion: all numeric, all strings or all boolean. */
  private static List<RexNode> comparable(List<RexNode> e) {
    boolean numeric = true;
    boolean chars = true;
    boolean bools = true;
    for (RexNode x : e) {
      numeric &= SqlTypeUtil.isNumeric(x.getType());
      chars &= SqlTypeUtil.inCharFamily(x.getType());
      bools &= x.getType().getSqlTypeName() == SqlTypeName.BOOLEAN;
    }
    if (!numeric && !chars && !bools) {
      throw new UnsupportedQueryException("comparison across type families");
    }
    return e;
  }

  /** Operands with the validator's implicit casts to their common type (if not all same-named). */
  private List<RexNode> coerced(List<RexNode> e) {
    boolean sameNamed = true;
    for (int i = 1; i < e.size(); i++) {
      sameNamed &= SqlTypeUtil.sameNamedType(e.get(i - 1).getType(), e.get(i).getType());
    }
    if (sameNamed && e.size() > 2) {
      return e;
    }
    RelDataType common = e.get(0).getType();
    for (int i = 1; i < e.size(); i++) {
      common = ComparisonCoercion.commonType(tf, common, e.get(i).getType());
    }
    List<RexNode> out = new ArrayList<>();
    for (RexNode x : e) {
      out.add(ComparisonCoercion.coerce(rb, x, common));
    }
    return out;
  }

  private static List<RelDataType> types(List<RexNode> e) {
    List<RelDataType> t = new ArrayList<>();
    for (RexNode x : e) {
      t.add(x.getType());
    }
    return t;
  }

  private static boolean onlyNullLiterals(List<SqlNode> ops) {
    for (SqlNode o : ops) {
      if (!SqlUtil.isNullLiteral(o, false)) {
        return false;
      }
    }
    return true;
  }

  /** The BOOLEAN NULL a comparison of nothing but NULL literals is. */
  private RexNode unknown() {
    return rb.makeNullLiteral(tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.BOOLEAN), true));
  }

  private RexNode between(SqlBetweenOperator op, SqlBasicCall call) {
    if (onlyNullLiterals(call.getOperandList())) {
      return unknown(); // NULL BETWEEN NULL AND NULL, NOT BETWEEN as well
    }
    List<RexNode> e = coerced(comparable(firstKnown(call.getOperandList())));
    RexNode x = e.get(SqlBetweenOperator.VALUE_OPERAND);
    RexNode y = e.get(SqlBetweenOperator.LOWER_OPERAND);
    RexNode z = e.get(SqlBetweenOperator.UPPER_OPERAND);
    RexNode res = rb.makeCall(SqlStdOperatorTable.AND,
        rb.makeCall(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, x, y),
        rb.makeCall(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, x, z));
    if (op.flag == SqlBetweenOperator.Flag.SYMMETRIC) {
      RexNode res2 = rb.makeCall(SqlStdOperatorTable.AND,
          rb.makeCall(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, x, z),
          rb.makeCall(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, x, y));
      res = rb.makeCall(SqlStdOperatorTable.OR, res, res2);
    }
    if (op.isNegated()) {
      res = rb.makeCall(call.getParserPosition(), SqlStdOperatorTable.NOT, res);
    }
    return res;
  }

  /** {@code x [NOT] IN (a, b, ...)} as SqlToRelConverter expands short lists. */
  private RexNode inList(SqlBasicCall call) {
    SqlNode left = call.operand(0);
    if (!(call.operand(1) instanceof SqlNodeList list)) {
      if (left.getKind() == SqlKind.ROW || SqlUtil.isNullLiteral(left, false)) {
        throw new UnsupportedQueryException("IN sub-query operand");
      }
      RelNode rel = subQuery(call.operand(1));
      RexNode l = convert(left);
      if (rel.getRowType().getFieldCount() != 1 || !SqlTypeUtil.equalSansNullability(tf,
          rel.getRowType().getFieldList().get(0).getType(), l.getType())) {
        throw new UnsupportedQueryException("IN sub-query types");
      }
      RexNode in = RexSubQuery.in(rel, com.google.common.collect.ImmutableList.of(l));
      return call.getKind() == SqlKind.NOT_IN ? rb.makeCall(SqlStdOperatorTable.NOT, in) : in;
    }
    if (list.size() >= IN_LIST_LIMIT || list.isEmpty() || left.getKind() == SqlKind.ROW) {
      throw new UnsupportedQueryException("IN list shape");
    }
    // the validator widens the left side and every item to one type, then compares pairwise; an
    // untyped NULL on the left takes the items' type (NULL IN (a, b) is NULL = a OR NULL = b)
    boolean nullLeft = SqlUtil.isNullLiteral(left, false);
    RexNode l = nullLeft ? null : convert(left);
    List<RexNode> items = new ArrayList<>();
    for (SqlNode item : list) {
      if (SqlUtil.isNullLiteral(item, false) || item.getKind() == SqlKind.ROW) {
        throw new UnsupportedQueryException("IN list item");
      }
      items.add(convert(item));
    }
    RelDataType rightType = tf.leastRestrictive(types(items));
    if (rightType == null) {
      throw new UnsupportedQueryException("IN list types");
    }
    if (nullLeft) {
      l = rb.makeNullLiteral(rightType);
    }
    List<RexNode> all = new ArrayList<>(items);
    all.add(l);
    comparable(all);
    RelDataType widened = ComparisonCoercion.commonType(tf, l.getType(), rightType);
    l = ComparisonCoercion.coerce(rb, l, widened);
    List<RexNode> comparisons = new ArrayList<>();
    for (RexNode item : items) {
      RexNode r = ComparisonCoercion.coerce(rb, item, widened);
      RelDataType common = tf.leastRestrictive(List.of(l.getType(), r.getType()));
      if (common == null) {
        throw new UnsupportedQueryException("no common type");
      }
      comparisons.add(make(SqlStdOperatorTable.EQUALS, List.of(
          rb.ensureType(call.getParserPosition(), common, l, true),
          rb.ensureType(call.getParserPosition(), common, r, true))));
    }
    if (call.getKind() == SqlKind.NOT_IN) {
      return rb.makeCall(SqlStdOperatorTable.NOT, RexUtil.composeDisjunction(rb, comparisons));
    }
    return RexUtil.composeDisjunction(rb, comparisons, true);
  }

  private RexNode cast(SqlBasicCall call) {
    if (call.operandCount() != 2 || !(call.operand(1) instanceof SqlDataTypeSpec spec)
        || !(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic)) {
      throw new UnsupportedQueryException("CAST form");
    }
    SqlTypeName name = SqlTypeName.get(basic.getTypeName().getSimple().toUpperCase(Locale.ROOT));
    if (name == null || spec.getNullable() != null && spec.getNullable()
        || !(SqlTypeName.NUMERIC_TYPES.contains(name) || name == SqlTypeName.BOOLEAN)) {
      throw new UnsupportedQueryException("CAST target");
    }
    int p = basic.getPrecision();
    int s = basic.getScale();
    RelDataType target = p >= 0 && s >= 0 ? tf.createSqlType(name, p, s)
        : p >= 0 ? tf.createSqlType(name, p) : tf.createSqlType(name);
    SqlNode x = call.operand(0);
    RelDataType nullType = tf.createSqlType(SqlTypeName.NULL);
    if (SqlUtil.isNullLiteral(x, false)) {
      return rb.makeNullLiteral(SqlCastFunction.deriveType(tf, nullType, target, false));
    }
    RexNode arg = convert(x);
    RelDataType from = arg.getType();
    if (!(SqlTypeUtil.isNumeric(from) || SqlTypeUtil.inCharFamily(from)
        || from.getSqlTypeName() == SqlTypeName.BOOLEAN && name == SqlTypeName.BOOLEAN)) {
      throw new UnsupportedQueryException("CAST source");
    }
    RelDataType type = SqlCastFunction.deriveType(tf, from, target, false);
    return rb.makeCast(call.getParserPosition(), type, arg, false, false,
        (RexLiteral) rb.makeNullLiteral(nullType));
  }

  private RexNode function(SqlBasicCall call) {
    if (!(call.getOperator() instanceof SqlUnresolvedFunction) && call.getKind() == SqlKind.OTHER_FUNCTION
        || call.getFunctionQuantifier() != null) {
      throw new UnsupportedQueryException("function form");
    }
    String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
    List<SqlNode> ops = call.getOperandList();
    SqlParserPos pos = call.getParserPosition();
    switch (name) {
      case "abs" -> {
        if (ops.size() != 1) {
          throw new UnsupportedQueryException("ABS arity");
        }
        RexNode x = convert(ops.get(0));
        requireNumeric(List.of(x));
        return make(SqlStdOperatorTable.ABS, List.of(x));
      }
      case "coalesce" -> {
        if (ops.isEmpty()) {
          throw new UnsupportedQueryException("COALESCE arity");
        }
        if (ops.size() == 1) {
          return convert(ops.get(0));
        }
        List<SqlNode> whens = new ArrayList<>();
        List<SqlNode> thens = new ArrayList<>();
        for (SqlNode o : ops.subList(0, ops.size() - 1)) {
          whens.add(SqlStdOperatorTable.IS_NOT_NULL.createCall(pos, o));
          thens.add(o);
        }
        return caseExpr(whens, thens, ops.get(ops.size() - 1));
      }
      case "nullif" -> {
        if (ops.size() != 2) {
          throw new UnsupportedQueryException("NULLIF arity");
        }
        return caseExpr(List.of(SqlStdOperatorTable.EQUALS.createCall(pos, ops.get(0), ops.get(1))),
            List.of(SqlLiteral.createNull(SqlParserPos.ZERO)), ops.get(0));
      }
      default -> throw new UnsupportedQueryException("function " + name);
    }
  }

  /** Searched CASE as {@code StandardConvertletTable.convertCase} builds it. */
  private RexNode caseExpr(List<SqlNode> whens, List<SqlNode> thens, SqlNode elseNode) {
    RelDataType bool = tf.createSqlType(SqlTypeName.BOOLEAN);
    RexNode unknown = rb.makeNullLiteral(bool);
    RexNode nullLit = rb.makeNullLiteral(tf.createSqlType(SqlTypeName.NULL));
    List<RexNode> exprs = new ArrayList<>();
    boolean numeric = true;
    boolean chars = true;
    boolean bools = true;
    boolean anyTyped = false;
    for (int i = 0; i <= whens.size(); i++) {
      if (i < whens.size()) {
        RexNode w = SqlUtil.isNullLiteral(whens.get(i), false) ? unknown : convert(whens.get(i));
        if (w.getType().getSqlTypeName() != SqlTypeName.BOOLEAN) {
          throw new UnsupportedQueryException("non-boolean WHEN");
        }
        // a constant WHEN is decided now, as PostgreSQL folds it: the simplifier then drops a dead
        // arm before anything in it (an aggregate, a division by zero) is ever evaluated
        switch (ConstantCondition.decide(w)) {
          case TRUE -> {
            w = rb.makeLiteral(true);
            decidedWhen = true;
          }
          case FALSE, UNKNOWN -> {
            w = rb.makeLiteral(false);
            decidedWhen = true;
          }
          default -> { }
        }
        exprs.add(w);
      }
      SqlNode v = i < whens.size() ? thens.get(i) : elseNode;
      if (v == null || SqlUtil.isNullLiteral(v, false)) {
        exprs.add(nullLit);
      } else {
        RexNode e = convert(v);
        RelDataType t = e.getType();
        numeric &= SqlTypeUtil.isNumeric(t);
        chars &= SqlTypeUtil.inCharFamily(t);
        bools &= t.getSqlTypeName() == SqlTypeName.BOOLEAN;
        anyTyped = true;
        exprs.add(e);
      }
    }
    if (!anyTyped || !numeric && !chars && !bools) {
      throw new UnsupportedQueryException("CASE result types");
    }
    RelDataType type = rb.deriveReturnType(SqlStdOperatorTable.CASE, exprs);
    int n = exprs.size();
    for (int i = 1; i < n; i += 2) {
      exprs.set(i, rb.ensureType(type, exprs.get(i), false));
    }
    exprs.set(n - 1, rb.ensureType(type, exprs.get(n - 1), false));
    return rb.makeCall(type, SqlStdOperatorTable.CASE, exprs);
  }
}
