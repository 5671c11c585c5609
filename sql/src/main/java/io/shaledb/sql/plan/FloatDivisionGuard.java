package io.shaledb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Makes DOUBLE PRECISION division by zero raise (22012) as in PostgreSQL instead of yielding
 * Infinity/NaN: every such divisor is passed through {@link #nonZeroDivisor}, sub-queries'
 * included. (Integer and DECIMAL division by zero already raise.)
 */
public final class FloatDivisionGuard extends RelHomogeneousShuttle {
  private static final SqlUserDefinedFunction CHECK = new SqlUserDefinedFunction(
      new SqlIdentifier("shale_nonzero_divisor", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG0, InferTypes.FIRST_KNOWN, null,
      ScalarFunctionImpl.create(FloatDivisionGuard.class, "nonZeroDivisor"));

  private final RexShuttle rex;

  public FloatDivisionGuard(RexBuilder rexBuilder) {
    this.rex = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        RexCall c = (RexCall) super.visitCall(call);
        if ((c.getKind() == SqlKind.DIVIDE || c.getKind() == SqlKind.CHECKED_DIVIDE)
            && c.getType().getSqlTypeName() == SqlTypeName.DOUBLE) {
          List<RexNode> ops = new ArrayList<>(c.operands);
          RexNode divisor = ops.get(1);
          if (divisor.getType().getSqlTypeName() != SqlTypeName.DOUBLE) {
            divisor = rexBuilder.makeCast(rexBuilder.getTypeFactory().createTypeWithNullability(
                rexBuilder.getTypeFactory().createSqlType(SqlTypeName.DOUBLE), divisor.getType().isNullable()),
                divisor);
          }
          ops.set(1, rexBuilder.makeCall(CHECK, divisor));
          return c.clone(c.getType(), ops);
        }
        return c;
      }

      @Override
      public RexNode visitSubQuery(RexSubQuery subQuery) {
        RexSubQuery withOperands = (RexSubQuery) super.visitSubQuery(subQuery);
        RelNode rel = withOperands.rel.accept(FloatDivisionGuard.this);
        return rel == withOperands.rel ? withOperands : withOperands.clone(rel);
      }
    };
  }

  @Override
  public RelNode visit(RelNode other) {
    return super.visit(other).accept(rex);
  }

  /** The divisor itself; raises "division by zero" for 0. Called by generated code. */
  public static double nonZeroDivisor(double d) {
    if (d == 0) {
      throw new ArithmeticException("division by zero");
    }
    return d;
  }
}
