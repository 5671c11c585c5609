package io.shaledb.sql.bind;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;

/**
 * For plans SqlToRelConverter made (the validator path): CASE arms whose WHEN is a constant that
 * {@link ConstantCondition} decides are resolved, dead arms dropped, and aggregate calls only
 * those arms used removed, as {@link DirectConverter} does while it converts. Stateless; one call
 * per plan.
 */
public final class DeadCaseArms {
  private DeadCaseArms() {}

  /** {@code root} with decided CASE arms resolved in its Projects and Filters; itself if none. */
  public static RelNode apply(RelNode root, RexBuilder rb) {
    Arms arms = new Arms(rb);
    return root.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode r = super.visit(other);
        if (r instanceof Filter f) {
          RexNode c = f.getCondition().accept(arms);
          if (c != f.getCondition()) {
            r = f.copy(f.getTraitSet(), f.getInput(), c);
          }
        } else if (r instanceof Project p) {
          List<RexNode> exprs = new ArrayList<>();
          boolean changed = false;
          for (RexNode e : p.getProjects()) {
            RexNode x = e.accept(arms);
            changed |= x != e;
            exprs.add(x);
          }
          if (changed) {
            r = p.copy(p.getTraitSet(), p.getInput(), exprs, p.getRowType());
          }
          if (arms.decided) {
            r = AggregateBinder.withoutUnusedCalls(r);
          }
        }
        return r;
      }
    });
  }

  /** Rewrites CASE calls whose WHEN conditions are decidable constants. */
  private static final class Arms extends RexShuttle {
    private final RexBuilder rb;
    /** Whether some WHEN was decided (in this plan so far). */
    boolean decided;

    Arms(RexBuilder rb) {
      this.rb = rb;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      RexNode visited = super.visitCall(call);
      if (visited.getKind() != SqlKind.CASE) {
        return visited;
      }
      List<RexNode> ops = ((RexCall) visited).getOperands();
      List<RexNode> out = new ArrayList<>();
      RexNode otherwise = ops.get(ops.size() - 1);
      boolean changed = false;
      for (int i = 0; i + 1 < ops.size(); i += 2) {
        ConstantCondition.Outcome o = ConstantCondition.decide(ops.get(i));
        if (o == ConstantCondition.Outcome.UNDECIDED) {
          out.add(ops.get(i));
          out.add(ops.get(i + 1));
          continue;
        }
        changed = true;
        if (o == ConstantCondition.Outcome.TRUE) {
          otherwise = ops.get(i + 1); // taken whenever reached: later arms and ELSE are dead
          break;
        }
      }
      if (!changed) {
        return visited;
      }
      decided = true;
      if (out.isEmpty()) {
        // the CASE's own type, nullability included (ensureType drops a cast that only widens it)
        return otherwise.getType().equals(call.getType()) ? otherwise
            : rb.makeAbstractCast(call.getType(), otherwise, false);
      }
      out.add(otherwise);
      return rb.makeCall(call.getType(), call.getOperator(), out);
    }
  }
}
