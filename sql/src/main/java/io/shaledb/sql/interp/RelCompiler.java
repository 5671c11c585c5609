package io.shaledb.sql.interp;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.schema.ShaleTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexVisitor;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Compiles a relational plan into an {@link Operator} tree. Implements table scans (a filter
 * directly above a scan of a ShaleDB table hands its conjuncts to the scan for index bounds, as
 * {@code ShaleIndexScan} does), filters, projections, calcs, joins of every type (hash join on
 * column equalities, nested loops otherwise), correlates, simple aggregates (COUNT, SUM, $SUM0,
 * MIN, MAX, AVG, SINGLE_VALUE, LITERAL_AGG; DISTINCT and FILTER), sorts with offset and fetch,
 * VALUES, UNION [ALL], INTERSECT and EXCEPT. Anything else throws {@link NotInterpretableException}.
 * Stateless; thread-safe if the rex builder is.
 */
public final class RelCompiler {
  private final RexBuilder rexBuilder;
  private final RexCompiler rex;

  public RelCompiler(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
    this.rex = new RexCompiler(rexBuilder, this);
  }

  public Operator compile(RelNode rel) {
    if (rel instanceof Filter f) {
      if (InnerJoinOperator.isInnerJoin(f.getInput())) {
        return InnerJoinOperator.of(this, rex, rexBuilder, (Join) f.getInput(),
            RelOptUtil.conjunctions(f.getCondition()));
      }
      return compileFiltered(f.getInput(), f.getCondition());
    }
    if (InnerJoinOperator.isInnerJoin(rel)) {
      return InnerJoinOperator.of(this, rex, rexBuilder, (Join) rel, List.of());
    }
    if (rel instanceof org.apache.calcite.interpreter.Bindables.BindableTableScan b) {
      return bindableScan(b);
    }
    if (rel.getClass().getSimpleName().equals("EnumerableInterpreter")) {
      return compile(rel.getInput(0));
    }
    if (rel instanceof TableScan scan) {
      return scan(scan, conjunctsOf(scan), null);
    }
    if (rel instanceof Project p) {
      if (RexOver.containsOver(p.getProjects(), null)) {
        throw new NotInterpretableException("window functions");
      }
      return project(compileNeeding(p.getInput(), fieldsUsed(p.getProjects())), p.getProjects());
    }
    if (rel instanceof Calc c) {
      RexProgram prog = c.getProgram();
      List<RexNode> exprs = new ArrayList<>();
      prog.getProjectList().forEach(r -> exprs.add(prog.expandLocalRef(r)));
      RexNode cond = prog.getCondition() == null ? null : prog.expandLocalRef(prog.getCondition());
      List<RexNode> used = new ArrayList<>(exprs);
      if (cond != null) {
        used.add(cond);
      }
      Operator in = compileNeeding(c.getInput(), fieldsUsed(used));
      if (cond != null) {
        in = filter(in, rex.condition(cond));
      }
      if (RexOver.containsOver(exprs, null)) {
        throw new NotInterpretableException("window functions");
      }
      return project(in, exprs);
    }
    if (rel instanceof Join j) {
      return join(j);
    }
    if (rel instanceof Correlate c) {
      return correlate(c);
    }
    if (rel instanceof Aggregate a) {
      return AggregateOperator.of(a, compile(a.getInput()));
    }
    if (rel instanceof Sort s) {
      return sort(compile(s.getInput()), s.getCollation().getFieldCollations(), s.offset, s.fetch);
    }
    if (rel.getClass().getSimpleName().equals("EnumerableLimit")) {
      org.apache.calcite.adapter.enumerable.EnumerableLimit l =
          (org.apache.calcite.adapter.enumerable.EnumerableLimit) rel;
      return sort(compile(l.getInput()), List.of(), l.offset, l.fetch);
    }
    if (rel instanceof Values v) {
      List<Object[]> rows = new ArrayList<>();
      for (List<RexLiteral> tuple : v.getTuples()) {
        Object[] row = new Object[tuple.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = RexCompiler.literal(tuple.get(i));
        }
        rows.add(row);
      }
      List<Object[]> fixed = List.copyOf(rows);
      return frame -> new ArrayList<>(fixed);
    }
    if (rel instanceof SetOp s) {
      return setOp(s);
    }
    throw new NotInterpretableException("operator " + rel.getRelTypeName());
  }

  /**
   * The input fields {@code exprs} read, or null (all of them) when one holds a correlated
   * sub-query, which may read the row through a correlation variable. An uncorrelated sub-query
   * reads the row only through its operands ({@code x} of {@code x IN (SELECT ...)}), which count.
   */
  private static ImmutableBitSet fieldsUsed(List<RexNode> exprs) {
    return onlyUncorrelatedSubQueries(exprs) ? RelOptUtil.InputFinder.bits(exprs, null) : null;
  }

  /** Whether every sub-query in {@code exprs} (there may be none) uses no correlation variable. */
  static boolean onlyUncorrelatedSubQueries(List<RexNode> exprs) {
    boolean[] correlated = {false};
    RexVisitor<Void> finder = new RexVisitorImpl<>(true) {
      @Override
      public Void visitSubQuery(RexSubQuery sq) {
        if (!RelOptUtil.getVariablesUsed(sq.rel).isEmpty()) {
          correlated[0] = true;
        }
        return super.visitSubQuery(sq);
      }
    };
    for (RexNode e : exprs) {
      e.accept(finder);
    }
    return !correlated[0];
  }

  /**
   * {@code rel} compiled for a parent that reads only the fields in {@code needed} (null: all). A
   * scan of a ShaleDB table, alone or under a filter, then decodes only those columns and the
   * filter's; the others are null in its rows (a full scan of a wide table mostly decodes
   * columns nobody reads).
   */
  private Operator compileNeeding(RelNode rel, ImmutableBitSet needed) {
    if (needed != null) {
      if (rel instanceof Filter f && isShaleScan(f.getInput())
          && onlyUncorrelatedSubQueries(List.of(f.getCondition()))) {
        return compileFiltered(f.getInput(), f.getCondition(), needed);
      }
      if (isShaleScan(rel)) {
        return scan((TableScan) rel, conjunctsOf((TableScan) rel), needed);
      }
    }
    return compile(rel);
  }

  private static boolean isShaleScan(RelNode rel) {
    return rel instanceof TableScan scan && scan.getTable().unwrap(ShaleTable.class) != null
        && !(scan instanceof org.apache.calcite.interpreter.Bindables.BindableTableScan);
  }

  /** {@code input} filtered by {@code cond}; a scan of a ShaleDB table derives key bounds from it. */
  Operator compileFiltered(RelNode input, RexNode cond) {
    return compileFiltered(input, cond, null);
  }

  /**
   * As {@link #compileFiltered(RelNode, RexNode)}; a scan reads only the columns in {@code
   * needed} and the condition's (null: all).
   */
  private Operator compileFiltered(RelNode input, RexNode cond, ImmutableBitSet needed) {
    Operator in;
    if (isShaleScan(input)) {
      TableScan scan = (TableScan) input;
      List<RexNode> bounds = conjunctsOf(scan).isEmpty() ? RelOptUtil.conjunctions(cond) : conjunctsOf(scan);
      in = scan(scan, bounds, needed == null ? null : needed.union(RelOptUtil.InputFinder.bits(cond)));
    } else {
      in = compile(input);
    }
    return filter(in, rex.condition(cond));
  }

  /**
   * Whether an equality between these two columns can be matched through hash keys: both exact
   * integers, or both of the same non-numeric type (keys of other numeric mixes may differ for
   * equal values).
   */
  static boolean hashable(RexNode a, RexNode b) {
    org.apache.calcite.sql.type.SqlTypeName x = a.getType().getSqlTypeName();
    org.apache.calcite.sql.type.SqlTypeName y = b.getType().getSqlTypeName();
    if (InternalValues.isExactInteger(x) && InternalValues.isExactInteger(y)) {
      return true;
    }
    return x == y && x != org.apache.calcite.sql.type.SqlTypeName.CHAR;
  }

  private static List<RexNode> conjunctsOf(TableScan scan) {
    return scan instanceof io.shaledb.sql.plan.ShaleIndexScan s ? s.conjuncts() : List.of();
  }

  /** A scan with key bounds from {@code conjuncts}, reading only the {@code needed} columns (null: all). */
  private Operator scan(TableScan scan, List<RexNode> conjuncts, ImmutableBitSet needed) {
    ShaleTable shale = scan.getTable().unwrap(ShaleTable.class);
    if (shale != null) {
      List<RexNode> bounds = List.copyOf(conjuncts);
      if (needed != null && needed.cardinality() < scan.getRowType().getFieldCount()) {
        return frame -> drain(shale.scanReading(frame.context(), bounds, needed));
      }
      return frame -> drain(shale.scan(frame.context(), bounds, null));
    }
    ScannableTable scannable = scan.getTable().unwrap(ScannableTable.class);
    if (scannable != null && !scan.getClass().getSimpleName().startsWith("Bindable")) {
      return frame -> drain(scannable.scan(frame.context()));
    }
    throw new NotInterpretableException("scan of " + scan.getTable().getQualifiedName());
  }

  /** A scan that applies its filters, then keeps its projected columns (both over the table row). */
  private Operator bindableScan(org.apache.calcite.interpreter.Bindables.BindableTableScan b) {
    ShaleTable shale = b.getTable().unwrap(ShaleTable.class);
    if (shale == null) {
      throw new NotInterpretableException("bindable scan of " + b.getTable().getQualifiedName());
    }
    List<RexNode> filters = List.copyOf(b.filters);
    Operator in = frame -> drain(shale.scan(frame.context(), filters, null));
    if (!filters.isEmpty()) {
      in = filter(in, rex.condition(RexUtilAnd.and(b.getCluster().getRexBuilder(), filters)));
    }
    int[] cols = b.projects.toIntArray();
    if (cols.length == shale.exposedColumns().size() && isIdentity(cols)) {
      return in;
    }
    Operator source = in;
    return frame -> {
      List<Object[]> rows = source.rows(frame);
      List<Object[]> out = new ArrayList<>(rows.size());
      for (Object[] r : rows) {
        Object[] o = new Object[cols.length];
        for (int i = 0; i < cols.length; i++) {
          o[i] = r[cols[i]];
        }
        out.add(o);
      }
      return out;
    };
  }

  private static boolean isIdentity(int[] cols) {
    for (int i = 0; i < cols.length; i++) {
      if (cols[i] != i) {
        return false;
      }
    }
    return true;
  }

  /** AND of conditions. */
  private static final class RexUtilAnd {
    static RexNode and(RexBuilder b, List<RexNode> conds) {
      return conds.size() == 1 ? conds.get(0) : b.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.AND, conds);
    }
  }

  private static List<Object[]> drain(Enumerable<Object[]> e) {
    List<Object[]> out = new ArrayList<>();
    try (Enumerator<Object[]> it = e.enumerator()) {
      while (it.moveNext()) {
        out.add(it.current());
      }
    }
    return out;
  }

  private static Operator filter(Operator in, Scalar cond) {
    return frame -> {
      List<Object[]> out = new ArrayList<>();
      for (Object[] row : in.rows(frame)) {
        if (Boolean.TRUE.equals(cond.eval(row, frame))) {
          out.add(row);
        }
      }
      return out;
    };
  }

  private Operator project(Operator in, List<RexNode> exprs) {
    int n = exprs.size();
    Scalar[] s = new Scalar[n];
    for (int i = 0; i < n; i++) {
      s[i] = rex.compile(exprs.get(i));
    }
    return frame -> {
      List<Object[]> rows = in.rows(frame);
      List<Object[]> out = new ArrayList<>(rows.size());
      for (Object[] row : rows) {
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) {
          r[i] = s[i].eval(row, frame);
        }
        out.add(r);
      }
      return out;
    };
  }

  private static Object[] concat(Object[] a, Object[] b) {
    Object[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private Operator join(Join j) {
    JoinRelType type = j.getJoinType();
    Operator left = compile(j.getLeft());
    Operator right = compile(j.getRight());
    int nl = j.getLeft().getRowType().getFieldCount();
    int nr = j.getRight().getRowType().getFieldCount();
    Scalar cond = rex.condition(j.getCondition());
    List<Integer> lk = new ArrayList<>();
    List<Integer> rk = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(j.getCondition())) {
      if (c.getKind() == SqlKind.EQUALS && c instanceof RexCall call
          && call.operands.get(0) instanceof RexInputRef a && call.operands.get(1) instanceof RexInputRef b
          && hashable(a, b)) {
        int x = a.getIndex();
        int y = b.getIndex();
        if (x < nl && y >= nl) {
          lk.add(x);
          rk.add(y - nl);
        } else if (y < nl && x >= nl) {
          lk.add(y);
          rk.add(x - nl);
        }
      }
    }
    int[] lkeys = lk.stream().mapToInt(Integer::intValue).toArray();
    int[] rkeys = rk.stream().mapToInt(Integer::intValue).toArray();
    Object[] nullRight = new Object[nr];
    Object[] nullLeft = new Object[nl];
    return frame -> {
      List<Object[]> ls = left.rows(frame);
      List<Object[]> rs = right.rows(frame);
      Map<List<Object>, List<Integer>> index = null;
      if (lkeys.length > 0) {
        index = new HashMap<>();
        for (int i = 0; i < rs.size(); i++) {
          List<Object> k = keyOf(rs.get(i), rkeys);
          if (k != null) {
            index.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
          }
        }
      }
      boolean[] rightMatched = new boolean[rs.size()];
      List<Object[]> out = new ArrayList<>();
      List<Integer> all = null;
      for (Object[] l : ls) {
        List<Integer> candidates;
        if (index != null) {
          List<Object> k = keyOf(l, lkeys);
          candidates = k == null ? List.of() : index.getOrDefault(k, List.of());
        } else {
          if (all == null) {
            all = new ArrayList<>(rs.size());
            for (int i = 0; i < rs.size(); i++) {
              all.add(i);
            }
          }
          candidates = all;
        }
        boolean matched = false;
        for (int i : candidates) {
          Object[] r = rs.get(i);
          Object[] both = concat(l, r);
          if (Boolean.TRUE.equals(cond.eval(both, frame))) {
            matched = true;
            rightMatched[i] = true;
            if (type == JoinRelType.SEMI || type == JoinRelType.ANTI) {
              break;
            }
            out.add(both);
          }
        }
        switch (type) {
          case SEMI -> {
            if (matched) {
              out.add(l);
            }
          }
          case ANTI -> {
            if (!matched) {
              out.add(l);
            }
          }
          case LEFT, FULL -> {
            if (!matched) {
              out.add(concat(l, nullRight));
            }
          }
          default -> { }
        }
      }
      if (type == JoinRelType.RIGHT || type == JoinRelType.FULL) {
        for (int i = 0; i < rs.size(); i++) {
          if (!rightMatched[i]) {
            out.add(concat(nullLeft, rs.get(i)));
          }
        }
      }
      return out;
    };
  }

  private static List<Object> keyOf(Object[] row, int[] keys) {
    Object[] k = new Object[keys.length];
    for (int i = 0; i < keys.length; i++) {
      Object v = row[keys[i]];
      if (v == null) {
        return null;
      }
      k[i] = InternalValues.key(v);
    }
    return Arrays.asList(k);
  }

  private Operator correlate(Correlate c) {
    JoinRelType type = c.getJoinType();
    int id = c.getCorrelationId().getId();
    Operator left = compile(c.getLeft());
    Operator right = compile(c.getRight());
    Object[] nullRight = new Object[c.getRight().getRowType().getFieldCount()];
    return frame -> {
      List<Object[]> out = new ArrayList<>();
      for (Object[] l : left.rows(frame)) {
        frame.bind(id, l);
        List<Object[]> rs = right.rows(frame);
        switch (type) {
          case INNER -> rs.forEach(r -> out.add(concat(l, r)));
          case LEFT -> {
            if (rs.isEmpty()) {
              out.add(concat(l, nullRight));
            } else {
              rs.forEach(r -> out.add(concat(l, r)));
            }
          }
          case SEMI -> {
            if (!rs.isEmpty()) {
              out.add(l);
            }
          }
          case ANTI -> {
            if (rs.isEmpty()) {
              out.add(l);
            }
          }
          default -> throw new IllegalStateException("correlate " + type);
        }
      }
      return out;
    };
  }

  private Operator sort(Operator in, List<RelFieldCollation> collations, RexNode offset, RexNode fetch) {
    Comparator<Object[]> order = comparator(collations);
    Scalar off = offset == null ? null : limitValue(offset);
    Scalar lim = fetch == null ? null : limitValue(fetch);
    return frame -> {
      List<Object[]> rows = in.rows(frame);
      if (order != null) {
        rows = new ArrayList<>(rows);
        rows.sort(order);
      }
      long from = off == null ? 0 : count(off.eval(null, frame));
      long n = lim == null ? Long.MAX_VALUE : count(lim.eval(null, frame));
      if (from == 0 && n >= rows.size()) {
        return rows;
      }
      int start = (int) Math.min(from, rows.size());
      int end = (int) Math.min(rows.size(), start + Math.min(n, Integer.MAX_VALUE));
      return new ArrayList<>(rows.subList(start, end));
    };
  }

  /** The row order of {@code collations} (SQL null ordering, as a Sort), or null when empty. */
  private static Comparator<Object[]> comparator(List<RelFieldCollation> collations) {
    Comparator<Object[]> cmp = null;
    for (RelFieldCollation fc : collations) {
      int field = fc.getFieldIndex();
      boolean desc = fc.getDirection().isDescending();
      RelFieldCollation.NullDirection nd = fc.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
          ? fc.getDirection().defaultNullDirection() : fc.nullDirection;
      boolean nullsFirst = nd == RelFieldCollation.NullDirection.FIRST;
      Comparator<Object[]> one = (a, b) -> {
        Object x = a[field];
        Object y = b[field];
        if (x == null || y == null) {
          if (x == y) {
            return 0;
          }
          return (x == null) == nullsFirst ? -1 : 1;
        }
        int c = InternalValues.compare(x, y);
        return desc ? -c : c;
      };
      cmp = cmp == null ? one : cmp.thenComparing(one);
    }
    return cmp;
  }

  private Scalar limitValue(RexNode n) {
    if (n instanceof RexLiteral || n instanceof RexDynamicParam) {
      return rex.compile(n);
    }
    throw new NotInterpretableException("OFFSET/FETCH expression " + n);
  }

  private static long count(Object v) {
    if (v == null) {
      return Long.MAX_VALUE;
    }
    long n = ((Number) v).longValue();
    if (n < 0) {
      throw new SqlError(SqlState.INVALID_PARAMETER_VALUE, "LIMIT and OFFSET must not be negative");
    }
    return n;
  }

  private Operator setOp(SetOp s) {
    List<Operator> ins = new ArrayList<>();
    for (RelNode i : s.getInputs()) {
      ins.add(compile(i));
    }
    boolean all = s.all;
    if (s instanceof Union) {
      // a merge union promises its collation (the planner may have dropped the Sort above it):
      // the concatenation sorted stably, as merging the sorted inputs would give
      org.apache.calcite.rel.RelCollation collation = s.getTraitSet().getCollation();
      Comparator<Object[]> merged = s instanceof org.apache.calcite.adapter.enumerable.EnumerableMergeUnion
          && collation != null ? comparator(collation.getFieldCollations()) : null;
      return frame -> {
        List<Object[]> out = new ArrayList<>();
        for (Operator o : ins) {
          out.addAll(o.rows(frame));
        }
        if (merged != null) {
          out.sort(merged);
        }
        return all ? out : distinct(out);
      };
    }
    if (all) {
      throw new NotInterpretableException(s.getRelTypeName() + " ALL");
    }
    if (s instanceof Intersect) {
      return frame -> {
        List<Object[]> out = distinct(ins.get(0).rows(frame));
        for (int i = 1; i < ins.size(); i++) {
          Set<List<Object>> keys = keys(ins.get(i).rows(frame));
          out.removeIf(r -> !keys.contains(rowKey(r)));
        }
        return out;
      };
    }
    if (s instanceof Minus) {
      return frame -> {
        List<Object[]> out = distinct(ins.get(0).rows(frame));
        for (int i = 1; i < ins.size(); i++) {
          Set<List<Object>> keys = keys(ins.get(i).rows(frame));
          out.removeIf(r -> keys.contains(rowKey(r)));
        }
        return out;
      };
    }
    throw new NotInterpretableException(s.getRelTypeName());
  }

  static List<Object> rowKey(Object[] row) {
    Object[] k = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      k[i] = row[i] == null ? null : InternalValues.key(row[i]);
    }
    return Arrays.asList(k);
  }

  private static Set<List<Object>> keys(List<Object[]> rows) {
    Set<List<Object>> out = new HashSet<>();
    rows.forEach(r -> out.add(rowKey(r)));
    return out;
  }

  private static List<Object[]> distinct(List<Object[]> rows) {
    Map<List<Object>, Object[]> seen = new LinkedHashMap<>();
    for (Object[] r : rows) {
      seen.putIfAbsent(rowKey(r), r);
    }
    return new ArrayList<>(seen.values());
  }
}
