package io.shaledb.sql.interp;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A tree of inner joins (with an optional filter above it) run as one n-way join whose order is
 * chosen at run time from the real input sizes: conjuncts that read one input are applied to that
 * input alone (a filter directly above a table scan chooses index bounds), then, starting from the
 * smallest input, the input that shares a column equality with those joined so far (smallest
 * first; else the smallest of all) is hash-joined (nested loops without an equality), and every
 * conjunct is applied as soon as all the inputs it reads are joined. Output columns are in the
 * join tree's order. This replaces cost-based join ordering, which is exponential in the number
 * of inputs.
 */
final class InnerJoinOperator {
  private InnerJoinOperator() {}

  /** Whether {@code rel} is an inner join worth flattening (at least one inner join below it). */
  static boolean isInnerJoin(RelNode rel) {
    return rel instanceof Join j && j.getJoinType() == JoinRelType.INNER && j.getSystemFieldList().isEmpty();
  }

  /** A conjunct over the global row with the inputs it reads. */
  private record Conjunct(Scalar test, BitSet inputs, int leftField, int rightField) {}

  /**
   * Compiles the inner-join tree {@code join} with {@code extra} conjuncts (over the join's row)
   * from a filter above it.
   */
  static Operator of(RelCompiler compiler, RexCompiler rex, RexBuilder rexBuilder, Join join, List<RexNode> extra) {
    List<RelNode> leaves = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    List<RexNode> conds = new ArrayList<>();
    flatten(join, 0, leaves, offsets, conds);
    conds.addAll(extra);
    int width = join.getRowType().getFieldCount();
    int n = leaves.size();
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      start[i] = offsets.get(i);
    }
    start[n] = width;
    // conjuncts reading a single input are pushed to it
    List<List<RexNode>> local = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      local.add(new ArrayList<>());
    }
    List<Conjunct> global = new ArrayList<>();
    for (RexNode c : conds) {
      if (c.isAlwaysTrue()) {
        continue;
      }
      ImmutableBitSet refs = RelOptUtil.InputFinder.bits(c);
      BitSet inputs = new BitSet();
      for (int f : refs) {
        inputs.set(inputOf(start, f));
      }
      if (inputs.cardinality() == 1 && !RexUtil.containsCorrelation(c)) {
        int i = inputs.nextSetBit(0);
        local.get(i).add(RexUtil.shift(c, -start[i]));
        continue;
      }
      int lf = -1;
      int rf = -1;
      if (c.getKind() == SqlKind.EQUALS && c instanceof RexCall call
          && call.operands.get(0) instanceof RexInputRef a && call.operands.get(1) instanceof RexInputRef b
          && inputs.cardinality() == 2 && RelCompiler.hashable(a, b)) {
        lf = a.getIndex();
        rf = b.getIndex();
      }
      global.add(new Conjunct(rex.condition(c), inputs, lf, rf));
    }
    Operator[] inputs = new Operator[n];
    for (int i = 0; i < n; i++) {
      RelNode leaf = leaves.get(i);
      inputs[i] = local.get(i).isEmpty() ? compiler.compile(leaf)
          : compiler.compileFiltered(leaf, RexUtil.composeConjunction(rexBuilder, local.get(i)));
    }
    return frame -> run(frame, inputs, start, width, global);
  }

  private static int inputOf(int[] start, int field) {
    int i = 0;
    while (start[i + 1] <= field) {
      i++;
    }
    return i;
  }

  private static void flatten(RelNode rel, int offset, List<RelNode> leaves, List<Integer> offsets,
      List<RexNode> conds) {
    if (isInnerJoin(rel)) {
      Join j = (Join) rel;
      conds.add(RexUtil.shift(j.getCondition(), offset));
      flatten(j.getLeft(), offset, leaves, offsets, conds);
      flatten(j.getRight(), offset + j.getLeft().getRowType().getFieldCount(), leaves, offsets, conds);
      return;
    }
    leaves.add(rel);
    offsets.add(offset);
  }

  private static List<Object[]> run(ExecFrame frame, Operator[] inputs, int[] start, int width,
      List<Conjunct> conjuncts) {
    int n = inputs.length;
    List<List<Object[]>> rows = new ArrayList<>();
    for (Operator in : inputs) {
      rows.add(in.rows(frame));
    }
    boolean[] applied = new boolean[conjuncts.size()];
    List<Object[]> current = new ArrayList<>();
    current.add(new Object[width]);
    current = applyReady(current, conjuncts, applied, new BitSet(), frame);
    BitSet joined = new BitSet();
    for (int step = 0; step < n; step++) {
      int next = -1;
      boolean connected = false;
      for (int i = 0; i < n; i++) {
        if (joined.get(i)) {
          continue;
        }
        boolean c = false;
        for (Conjunct k : conjuncts) {
          if (k.leftField >= 0 && k.inputs.get(i) && k.inputs.intersects(joined)) {
            c = true;
            break;
          }
        }
        if (next < 0 || c && !connected || c == connected && rows.get(i).size() < rows.get(next).size()) {
          next = i;
          connected = c;
        }
      }
      current = joinInput(current, rows.get(next), next, start, joined, conjuncts);
      joined.set(next);
      current = applyReady(current, conjuncts, applied, joined, frame);
      if (current.isEmpty()) {
        return current;
      }
    }
    return current;
  }

  /** Extends each partial row with each row of input {@code i} (hash-matched on equalities). */
  private static List<Object[]> joinInput(List<Object[]> partial, List<Object[]> input, int i, int[] start,
      BitSet joined, List<Conjunct> conjuncts) {
    List<Integer> mine = new ArrayList<>();
    List<Integer> theirs = new ArrayList<>();
    for (Conjunct k : conjuncts) {
      if (k.leftField < 0 || !k.inputs.get(i) || !k.inputs.intersects(joined)) {
        continue;
      }
      boolean leftIsMine = inputOf(start, k.leftField) == i;
      mine.add(leftIsMine ? k.leftField : k.rightField);
      theirs.add(leftIsMine ? k.rightField : k.leftField);
    }
    int off = start[i];
    int len = start[i + 1] - off;
    List<Object[]> out = new ArrayList<>();
    if (mine.isEmpty()) {
      for (Object[] p : partial) {
        for (Object[] r : input) {
          Object[] row = p.clone();
          System.arraycopy(r, 0, row, off, len);
          out.add(row);
        }
      }
      return out;
    }
    Map<List<Object>, List<Object[]>> index = new HashMap<>();
    for (Object[] r : input) {
      Object[] key = new Object[mine.size()];
      boolean hasNull = false;
      for (int k = 0; k < key.length; k++) {
        Object v = r[mine.get(k) - off];
        hasNull |= v == null;
        key[k] = v == null ? null : InternalValues.key(v);
      }
      if (!hasNull) {
        index.computeIfAbsent(java.util.Arrays.asList(key), x -> new ArrayList<>()).add(r);
      }
    }
    for (Object[] p : partial) {
      Object[] key = new Object[theirs.size()];
      boolean hasNull = false;
      for (int k = 0; k < key.length; k++) {
        Object v = p[theirs.get(k)];
        hasNull |= v == null;
        key[k] = v == null ? null : InternalValues.key(v);
      }
      if (hasNull) {
        continue;
      }
      for (Object[] r : index.getOrDefault(java.util.Arrays.asList(key), List.of())) {
        Object[] row = p.clone();
        System.arraycopy(r, 0, row, off, len);
        out.add(row);
      }
    }
    return out;
  }

  /** Applies every conjunct not yet applied whose inputs are all joined. */
  private static List<Object[]> applyReady(List<Object[]> rows, List<Conjunct> conjuncts, boolean[] applied,
      BitSet joined, ExecFrame frame) {
    List<Scalar> ready = new ArrayList<>();
    for (int c = 0; c < conjuncts.size(); c++) {
      Conjunct k = conjuncts.get(c);
      BitSet rest = (BitSet) k.inputs.clone();
      rest.andNot(joined);
      if (!applied[c] && rest.isEmpty()) {
        applied[c] = true;
        ready.add(k.test);
      }
    }
    if (ready.isEmpty()) {
      return rows;
    }
    List<Object[]> out = new ArrayList<>();
    for (Object[] r : rows) {
      boolean keep = true;
      for (Scalar s : ready) {
        if (!Boolean.TRUE.equals(s.eval(r, frame))) {
          keep = false;
          break;
        }
      }
      if (keep) {
        out.add(r);
      }
    }
    return out;
  }
}
