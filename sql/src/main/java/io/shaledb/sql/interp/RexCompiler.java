package io.shaledb.sql.interp;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.rowenc.TextConversions;
import io.shaledb.sql.schema.TypeMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Compiles row expressions ({@link RexNode}) into {@link Scalar} closures over a row in Calcite's
 * internal representation. Implements literals, input and correlation references, parameters,
 * exact/approximate arithmetic (integer overflow and division by zero raise), comparisons, boolean
 * logic with SQL's three-valued semantics, IS [NOT] NULL/TRUE/FALSE, CASE, SEARCH, ABS and widening
 * numeric casts; anything else throws {@link NotInterpretableException}. Stateless apart from the
 * builder used to expand SEARCH; thread-safe if the builder is.
 */
public final class RexCompiler {
  /** Name of the divisor check FloatDivisionGuard inserts into DOUBLE divisions. */
  private static final String NONZERO_DIVISOR = "shale_nonzero_divisor";

  private final RexBuilder rexBuilder;
  /** Compiles the plans of uncorrelated sub-queries (null: sub-queries are not interpretable). */
  private final RelCompiler relCompiler;

  public RexCompiler(RexBuilder rexBuilder) {
    this(rexBuilder, null);
  }

  RexCompiler(RexBuilder rexBuilder, RelCompiler relCompiler) {
    this.rexBuilder = rexBuilder;
    this.relCompiler = relCompiler;
  }

  /**
   * {@code node} compiled, after strict operators over a NULL literal fold to NULL (as
   * PostgreSQL's planner folds them: {@code x BETWEEN NULL AND NULL} is NULL without evaluating
   * x, so an x that would overflow raises nothing).
   */
  public Scalar compile(RexNode node) {
    return c(node.accept(new NullFolding(rexBuilder)));
  }

  /**
   * A filter condition compiled (a row passes when it is TRUE): see {@link NullFolding#condition}.
   * Its conjuncts run cheapest first (by operator count; ties in written order) and stop at the
   * first that is not TRUE, as PostgreSQL orders and evaluates a qual's clauses, so a costly
   * conjunct that would raise (an overflowing product) is not reached when a cheap one already
   * rejects the row. The result is TRUE or FALSE, never NULL.
   */
  public Scalar condition(RexNode cond) {
    RexNode folded = NullFolding.condition(rexBuilder, cond);
    if (folded.getKind() != SqlKind.AND) {
      return c(folded);
    }
    List<RexNode> conjuncts = new ArrayList<>(((RexCall) folded).getOperands());
    conjuncts.sort(java.util.Comparator.comparingInt(RexCompiler::cost));
    Scalar[] ops = new Scalar[conjuncts.size()];
    for (int i = 0; i < ops.length; i++) {
      ops[i] = c(conjuncts.get(i));
    }
    return (row, f) -> {
      for (Scalar s : ops) {
        if (!Boolean.TRUE.equals(s.eval(row, f))) {
          return false;
        }
      }
      return true;
    };
  }

  /** A rough evaluation cost: operator calls, a sub-query counting as many. */
  private static int cost(RexNode n) {
    if (n instanceof org.apache.calcite.rex.RexSubQuery) {
      return 1000;
    }
    if (n instanceof RexCall call) {
      int c = 1;
      for (RexNode o : call.getOperands()) {
        c += cost(o);
      }
      return c;
    }
    return 0;
  }

  private Scalar c(RexNode node) {
    if (node instanceof RexInputRef ref) {
      int i = ref.getIndex();
      return (row, f) -> row[i];
    }
    if (node instanceof RexLiteral lit) {
      Object v = literal(lit);
      return (row, f) -> v;
    }
    if (node instanceof RexDynamicParam p) {
      String name = "?" + p.getIndex();
      return (row, f) -> f.context().get(name);
    }
    if (node instanceof RexFieldAccess fa && fa.getReferenceExpr() instanceof RexCorrelVariable cv) {
      int id = cv.id.getId();
      int field = fa.getField().getIndex();
      return (row, f) -> f.correlated(id)[field];
    }
    if (node instanceof RexSubQuery sq) {
      return subQuery(sq);
    }
    if (node instanceof RexCall call) {
      Scalar s = call(call);
      return constant(call) ? folded(s) : s;
    }
    throw new NotInterpretableException("expression " + node.getClass().getSimpleName() + " " + node);
  }

  /**
   * Whether {@code node} has the same value for every row and execution: literals under
   * deterministic, non-dynamic operators (no input, correlation or parameter reference, no
   * sub-query). A cast of a literal is the common case: {@code CAST(2.5 AS DOUBLE)} in a filter.
   */
  private static boolean constant(RexNode node) {
    if (node instanceof RexLiteral) {
      return true;
    }
    if (node instanceof RexSubQuery || !(node instanceof RexCall call)) {
      return false;
    }
    if (!call.getOperator().isDeterministic() || call.getOperator().isDynamicFunction()) {
      return false;
    }
    for (RexNode o : call.getOperands()) {
      if (!constant(o)) {
        return false;
      }
    }
    return true;
  }

  private static final Object[] NO_ROW = new Object[0];

  /**
   * {@code s}, a {@link #constant} expression, evaluated once now instead of once per row. If
   * evaluating it fails (a division by zero, an overflow, anything that needs the frame), it stays
   * as it is, so the error is raised when, and only if, a row reaches it, as before.
   */
  private static Scalar folded(Scalar s) {
    Object v;
    try {
      v = s.eval(NO_ROW, null);
    } catch (RuntimeException e) {
      return s;
    }
    return (row, f) -> v;
  }

  /** A literal's value in the internal representation of its type. */
  static Object literal(RexLiteral lit) {
    if (lit.isNull()) {
      return null;
    }
    SqlTypeName t = lit.getType().getSqlTypeName();
    return switch (t) {
      case TINYINT -> lit.getValueAs(Byte.class);
      case SMALLINT -> lit.getValueAs(Short.class);
      case INTEGER -> lit.getValueAs(Integer.class);
      case BIGINT -> lit.getValueAs(Long.class);
      case DECIMAL -> lit.getValueAs(BigDecimal.class);
      case DOUBLE, FLOAT -> lit.getValueAs(Double.class);
      case REAL -> lit.getValueAs(Float.class);
      case CHAR, VARCHAR -> lit.getValueAs(String.class);
      case BOOLEAN -> lit.getValueAs(Boolean.class);
      case DATE -> lit.getValueAs(Integer.class);
      case TIMESTAMP -> lit.getValueAs(Long.class);
      default -> throw new NotInterpretableException("literal of type " + t);
    };
  }

  /**
   * Whether {@link #subQuery} runs {@code sq}: uncorrelated IN over one column of comparable
   * type, EXISTS and scalar sub-queries ({@code HeuristicPlanner} leaves these in place).
   */
  public static boolean interpretable(RexSubQuery sq) {
    if (!RelOptUtil.getVariablesUsed(sq.rel).isEmpty()) {
      return false;
    }
    return switch (sq.getKind()) {
      case EXISTS -> true;
      case SCALAR_QUERY -> sq.rel.getRowType().getFieldCount() == 1;
      case IN -> sq.getOperands().size() == 1 && sq.rel.getRowType().getFieldCount() == 1
          && comparableForHashing(sq.getOperands().get(0).getType().getSqlTypeName(),
              sq.rel.getRowType().getFieldList().get(0).getType().getSqlTypeName());
      default -> false;
    };
  }

  private static boolean comparableForHashing(SqlTypeName x, SqlTypeName y) {
    return x == SqlTypeName.NULL || y == SqlTypeName.NULL
        || InternalValues.isNumeric(x) && InternalValues.isNumeric(y)
        || x == SqlTypeName.VARCHAR && y == SqlTypeName.VARCHAR
        || x == y && (x == SqlTypeName.BOOLEAN || x == SqlTypeName.DATE || x == SqlTypeName.TIMESTAMP);
  }

  /**
   * An uncorrelated sub-query, run once per execution (its result kept in the frame): EXISTS is
   * whether it has a row; a scalar sub-query is its one value (NULL without rows, 21000 with
   * more); {@code x IN (...)} probes a hash set of its values (NULL when x is NULL or no value
   * matches and one is NULL, false when it has no rows).
   */
  private Scalar subQuery(RexSubQuery sq) {
    if (relCompiler == null || !interpretable(sq)) {
      throw new NotInterpretableException("sub-query " + sq.getKind());
    }
    Operator plan = relCompiler.compile(sq.rel);
    Object key = new Object();
    switch (sq.getKind()) {
      case EXISTS:
        return (row, f) -> f.once(key, () -> !plan.rows(f).isEmpty());
      case SCALAR_QUERY:
        return (row, f) -> f.once(key, () -> {
          List<Object[]> rows = plan.rows(f);
          if (rows.size() > 1) {
            throw new SqlError(SqlState.CARDINALITY_VIOLATION,
                "more than one row returned by a subquery used as an expression");
          }
          return rows.isEmpty() ? null : rows.get(0)[0];
        });
      default: {
        Scalar left = c(sq.getOperands().get(0));
        return (row, f) -> {
          ValueSet set = f.once(key, () -> ValueSet.of(plan.rows(f)));
          if (set.empty()) {
            return false;
          }
          Object x = left.eval(row, f);
          if (x == null) {
            return null;
          }
          return set.values().contains(InternalValues.key(x)) ? Boolean.TRUE : set.hasNull() ? null : Boolean.FALSE;
        };
      }
    }
  }

  /** The values of a one-column result as hash keys, and whether one was NULL. */
  private record ValueSet(java.util.Set<Object> values, boolean hasNull, boolean empty) {
    static ValueSet of(List<Object[]> rows) {
      java.util.Set<Object> values = new java.util.HashSet<>();
      boolean hasNull = false;
      for (Object[] r : rows) {
        if (r[0] == null) {
          hasNull = true;
        } else {
          values.add(InternalValues.key(r[0]));
        }
      }
      return new ValueSet(values, hasNull, rows.isEmpty());
    }
  }

  private Scalar[] operands(RexCall call) {
    Scalar[] out = new Scalar[call.operands.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = c(call.operands.get(i));
    }
    return out;
  }

  private static SqlTypeName typeOf(RexNode n) {
    return n.getType().getSqlTypeName();
  }

  private Scalar call(RexCall call) {
    SqlKind kind = call.getKind();
    switch (kind) {
      case PLUS, CHECKED_PLUS:
        return arith(call, InternalValues.Op.PLUS);
      case MINUS, CHECKED_MINUS:
        return arith(call, InternalValues.Op.MINUS);
      case TIMES, CHECKED_TIMES:
        return arith(call, InternalValues.Op.TIMES);
      case DIVIDE, CHECKED_DIVIDE:
        return arith(call, InternalValues.Op.DIVIDE);
      case MOD:
        return arith(call, InternalValues.Op.MOD);
      case MINUS_PREFIX, CHECKED_MINUS_PREFIX: {
        SqlTypeName t = numericResult(call);
        Scalar a = c(call.operands.get(0));
        return (row, f) -> {
          Object v = a.eval(row, f);
          return v == null ? null : InternalValues.negate(InternalValues.toNumeric(v, t), t);
        };
      }
      case PLUS_PREFIX: {
        SqlTypeName t = numericResult(call);
        Scalar a = c(call.operands.get(0));
        return (row, f) -> {
          Object v = a.eval(row, f);
          return v == null ? null : InternalValues.toNumeric(v, t);
        };
      }
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL:
        return comparison(call, kind);
      case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM: {
        checkComparable(call.operands.get(0), call.operands.get(1));
        Scalar a = c(call.operands.get(0));
        Scalar b = c(call.operands.get(1));
        boolean distinct = kind == SqlKind.IS_DISTINCT_FROM;
        return (row, f) -> {
          Object x = a.eval(row, f);
          Object y = b.eval(row, f);
          boolean same = x == null ? y == null : y != null && InternalValues.compare(x, y) == 0;
          return same != distinct;
        };
      }
      case AND:
        return and(operands(call));
      case OR:
        return or(operands(call));
      case NOT: {
        Scalar a = c(call.operands.get(0));
        return (row, f) -> {
          Object v = a.eval(row, f);
          return v == null ? null : !(Boolean) v;
        };
      }
      case IS_NULL: {
        Scalar a = c(call.operands.get(0));
        return (row, f) -> a.eval(row, f) == null;
      }
      case IS_NOT_NULL: {
        Scalar a = c(call.operands.get(0));
        return (row, f) -> a.eval(row, f) != null;
      }
      case IS_TRUE: {
        Scalar a = c(call.operands.get(0));
        return (row, f) -> Boolean.TRUE.equals(a.eval(row, f));
      }
      case IS_NOT_TRUE: {
        Scalar a = c(call.operands.get(0));
        return (row, f) -> !Boolean.TRUE.equals(a.eval(row, f));
      }
      case IS_FALSE: {
        Scalar a = c(call.operands.get(0));
        return (row, f) -> Boolean.FALSE.equals(a.eval(row, f));
      }
      case IS_NOT_FALSE: {
        Scalar a = c(call.operands.get(0));
        return (row, f) -> !Boolean.FALSE.equals(a.eval(row, f));
      }
      case CASE:
        return caseWhen(call);
      case SEARCH:
        return c(RexUtil.expandSearch(rexBuilder, null, call));
      case CAST:
        return cast(call);
      default:
        break;
    }
    String name = call.getOperator().getName();
    if (name.equalsIgnoreCase("ABS") && call.operands.size() == 1) {
      SqlTypeName t = numericResult(call);
      Scalar a = c(call.operands.get(0));
      return (row, f) -> {
        Object v = a.eval(row, f);
        if (v == null) {
          return null;
        }
        Object n = InternalValues.toNumeric(v, t);
        return InternalValues.compare(n, 0L) < 0 ? InternalValues.negate(n, t) : n;
      };
    }
    if (name.equals(NONZERO_DIVISOR) && call.operands.size() == 1 && typeOf(call) == SqlTypeName.DOUBLE) {
      Scalar a = c(call.operands.get(0));
      return (row, f) -> {
        Object v = a.eval(row, f);
        if (v != null && ((Number) v).doubleValue() == 0) {
          throw new ArithmeticException("division by zero");
        }
        return v;
      };
    }
    throw new NotInterpretableException("operator " + call.getOperator() + " (" + kind + ")");
  }

  private static SqlTypeName numericResult(RexCall call) {
    SqlTypeName t = typeOf(call);
    if (!InternalValues.isNumeric(t)) {
      throw new NotInterpretableException("numeric operator with result type " + t);
    }
    for (RexNode o : call.operands) {
      SqlTypeName ot = typeOf(o);
      if (!InternalValues.isNumeric(ot) && ot != SqlTypeName.NULL) {
        throw new NotInterpretableException("numeric operator over " + ot);
      }
      // An approximate operand can only feed an approximate result exactly as generated code does.
      if (InternalValues.isApprox(ot) && !InternalValues.isApprox(t)) {
        throw new NotInterpretableException("approximate operand for an exact result");
      }
      if (ot == SqlTypeName.DECIMAL && InternalValues.isExactInteger(t)) {
        throw new NotInterpretableException("decimal operand for an integer result");
      }
    }
    return t;
  }

  private Scalar arith(RexCall call, InternalValues.Op op) {
    SqlTypeName t = numericResult(call);
    if (call.operands.size() != 2) {
      throw new NotInterpretableException("arithmetic with " + call.operands.size() + " operands");
    }
    if (InternalValues.isApprox(t) && op == InternalValues.Op.MOD) {
      throw new NotInterpretableException("approximate MOD");
    }
    Scalar a = c(call.operands.get(0));
    Scalar b = c(call.operands.get(1));
    if (t == SqlTypeName.DECIMAL && (op == InternalValues.Op.DIVIDE || op == InternalValues.Op.MOD)) {
      int precision = call.getType().getPrecision();
      int scale = call.getType().getScale();
      return (row, f) -> {
        Object x = a.eval(row, f);
        if (x == null) {
          return null;
        }
        Object y = b.eval(row, f);
        return y == null ? null : InternalValues.decimalDivide(op, x, y, precision, scale);
      };
    }
    return (row, f) -> {
      Object x = a.eval(row, f);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row, f);
      if (y == null) {
        return null;
      }
      return InternalValues.arith(op, x, y, t);
    };
  }

  private static void checkComparable(RexNode a, RexNode b) {
    SqlTypeName x = typeOf(a);
    SqlTypeName y = typeOf(b);
    boolean ok = x == SqlTypeName.NULL || y == SqlTypeName.NULL
        || InternalValues.isNumeric(x) && InternalValues.isNumeric(y)
        || InternalValues.isChar(x) && InternalValues.isChar(y)
        || x == y && (x == SqlTypeName.BOOLEAN || x == SqlTypeName.DATE || x == SqlTypeName.TIMESTAMP);
    if (!ok) {
      throw new NotInterpretableException("comparison of " + x + " with " + y);
    }
    if (x == SqlTypeName.CHAR || y == SqlTypeName.CHAR) {
      // blank-padded comparison semantics are left to generated code
      throw new NotInterpretableException("CHAR comparison");
    }
  }

  private Scalar comparison(RexCall call, SqlKind kind) {
    checkComparable(call.operands.get(0), call.operands.get(1));
    Scalar a = c(call.operands.get(0));
    Scalar b = c(call.operands.get(1));
    return (row, f) -> {
      Object x = a.eval(row, f);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row, f);
      if (y == null) {
        return null;
      }
      int c = InternalValues.compare(x, y);
      return switch (kind) {
        case EQUALS -> c == 0;
        case NOT_EQUALS -> c != 0;
        case LESS_THAN -> c < 0;
        case LESS_THAN_OR_EQUAL -> c <= 0;
        case GREATER_THAN -> c > 0;
        default -> c >= 0;
      };
    };
  }

  private static Scalar and(Scalar[] ops) {
    return (row, f) -> {
      boolean sawNull = false;
      for (Scalar s : ops) {
        Object v = s.eval(row, f);
        if (v == null) {
          sawNull = true;
        } else if (!(Boolean) v) {
          return false;
        }
      }
      return sawNull ? null : true;
    };
  }

  private static Scalar or(Scalar[] ops) {
    return (row, f) -> {
      boolean sawNull = false;
      for (Scalar s : ops) {
        Object v = s.eval(row, f);
        if (v == null) {
          sawNull = true;
        } else if ((Boolean) v) {
          return true;
        }
      }
      return sawNull ? null : false;
    };
  }

  private Scalar caseWhen(RexCall call) {
    RelDataType type = call.getType();
    int n = call.operands.size();
    List<Scalar> conds = new ArrayList<>();
    List<Scalar> values = new ArrayList<>();
    for (int i = 0; i + 1 < n; i += 2) {
      conds.add(c(call.operands.get(i)));
      values.add(converting(call.operands.get(i + 1), type));
    }
    Scalar otherwise = n % 2 == 1 ? converting(call.operands.get(n - 1), type) : (row, f) -> null;
    Scalar[] c = conds.toArray(new Scalar[0]);
    Scalar[] v = values.toArray(new Scalar[0]);
    return (row, f) -> {
      for (int i = 0; i < c.length; i++) {
        if (Boolean.TRUE.equals(c[i].eval(row, f))) {
          return v[i].eval(row, f);
        }
      }
      return otherwise.eval(row, f);
    };
  }

  /** {@code node} compiled to yield values of {@code type}'s representation (numeric widening only). */
  private Scalar converting(RexNode node, RelDataType type) {
    SqlTypeName from = typeOf(node);
    SqlTypeName to = type.getSqlTypeName();
    Scalar s = c(node);
    if (from == to || from == SqlTypeName.NULL) {
      if (to == SqlTypeName.DECIMAL && from == SqlTypeName.DECIMAL
          && (node.getType().getScale() != type.getScale() || node.getType().getPrecision() > type.getPrecision())) {
        return toDecimal(s, type);
      }
      return s;
    }
    if (InternalValues.isChar(from) && to == SqlTypeName.VARCHAR) {
      return s;
    }
    if (widens(from, to)) {
      return (row, f) -> {
        Object v = s.eval(row, f);
        return v == null ? null : InternalValues.toNumeric(v, to);
      };
    }
    throw new NotInterpretableException("conversion from " + from + " to " + to);
  }

  /** {@code s}'s DECIMAL values as {@code to}'s precision and scale (rounded; 22003 on overflow). */
  private static Scalar toDecimal(Scalar s, RelDataType to) {
    int precision = to.getPrecision();
    int scale = to.getScale();
    return (row, f) -> {
      Object v = s.eval(row, f);
      return v == null ? null : InternalValues.toDecimal(v, precision, scale);
    };
  }

  /** Whether every value of numeric type {@code from} converts to {@code to} without loss or error. */
  private static boolean widens(SqlTypeName from, SqlTypeName to) {
    if (InternalValues.isExactInteger(from) && InternalValues.isExactInteger(to)) {
      return InternalValues.max(to) >= InternalValues.max(from);
    }
    if (InternalValues.isExactInteger(from) && InternalValues.isApprox(to)) {
      return true;
    }
    return from == SqlTypeName.REAL && (to == SqlTypeName.DOUBLE || to == SqlTypeName.FLOAT);
  }

  private Scalar cast(RexCall call) {
    RexNode operand = call.operands.get(0);
    RelDataType to = call.getType();
    SqlTypeName from = typeOf(operand);
    SqlTypeName t = to.getSqlTypeName();
    Scalar s = c(operand);
    if (from == SqlTypeName.NULL) {
      return (row, f) -> null;
    }
    if (from == t && from != SqlTypeName.DECIMAL && !InternalValues.isChar(from)) {
      return s;
    }
    if (from == SqlTypeName.DECIMAL && t == SqlTypeName.DECIMAL
        && operand.getType().getPrecision() == to.getPrecision() && operand.getType().getScale() == to.getScale()) {
      return s;
    }
    if (from == SqlTypeName.VARCHAR && t == SqlTypeName.VARCHAR
        && (to.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
            || to.getPrecision() >= operand.getType().getPrecision()
               && operand.getType().getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED)) {
      return s;
    }
    if (widens(from, t)) {
      return (row, f) -> {
        Object v = s.eval(row, f);
        return v == null ? null : InternalValues.toNumeric(v, t);
      };
    }
    if (InternalValues.isExactInteger(from) && t == SqlTypeName.DECIMAL) {
      int digits = from == SqlTypeName.BIGINT ? 19 : 10;
      int scale = to.getScale();
      if (to.getPrecision() - scale < digits || scale < 0) {
        throw new NotInterpretableException("cast to a DECIMAL that may overflow");
      }
      return (row, f) -> {
        Object v = s.eval(row, f);
        return v == null ? null : BigDecimal.valueOf(((Number) v).longValue()).setScale(scale);
      };
    }
    if (InternalValues.isExactInteger(t) && InternalValues.isNumeric(from)) {
      // narrowing: truncation toward zero and a range check
      return (row, f) -> {
        Object v = s.eval(row, f);
        return v == null ? null : InternalValues.toInteger(v, t);
      };
    }
    if (from == SqlTypeName.DECIMAL && t == SqlTypeName.DECIMAL) {
      return toDecimal(s, to);
    }
    if (InternalValues.isChar(from)) {
      SqlType target = TypeMapping.numericTextTarget(to);
      if (target != null) {
        // PostgreSQL's input rules and errors, as an INSERT of the text into such a column
        return (row, f) -> {
          Object v = s.eval(row, f);
          return v == null ? null : TextConversions.toNumber(target, v.toString());
        };
      }
    }
    if (t == SqlTypeName.REAL && (from == SqlTypeName.DOUBLE || from == SqlTypeName.FLOAT
        || from == SqlTypeName.DECIMAL)) {
      return (row, f) -> {
        Object v = s.eval(row, f);
        return v == null ? null : InternalValues.toReal((Number) v);
      };
    }
    if (from == SqlTypeName.DECIMAL && (t == SqlTypeName.DOUBLE || t == SqlTypeName.FLOAT)) {
      return (row, f) -> {
        Object v = s.eval(row, f);
        return v == null ? null : ((BigDecimal) v).doubleValue();
      };
    }
    throw new NotInterpretableException("cast from " + from + " to " + t);
  }
}
