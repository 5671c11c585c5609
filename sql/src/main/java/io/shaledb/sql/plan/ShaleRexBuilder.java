package io.shaledb.sql.plan;

import java.math.BigDecimal;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's RexBuilder, except that a numeric literal cast to REAL whose value REAL cannot hold
 * stays a cast. Calcite folds {@code CAST(1e300 AS REAL)} into a REAL literal holding 1e300,
 * which reads as Infinity; PostgreSQL raises 22003 ("value out of range: overflow", or
 * "underflow" for a non-zero value that rounds to zero). Left as a cast, the interpreter's REAL
 * conversion raises it. Used by every planning cluster, so the direct and validator paths agree.
 */
final class ShaleRexBuilder extends RexBuilder {
  ShaleRexBuilder(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  @Override
  public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability,
      boolean safe, RexLiteral format) {
    if (!safe && type.getSqlTypeName() == SqlTypeName.REAL && exp instanceof RexLiteral literal
        && !fitsReal(literal)) {
      RelDataType target = matchNullability ? matchNullability(type, exp) : type;
      return makeAbstractCast(pos, target, exp, false);
    }
    return super.makeCast(pos, type, exp, matchNullability, safe, format);
  }

  /** Whether a numeric literal's value is a REAL (or not numeric: nothing to check). */
  static boolean fitsReal(RexLiteral literal) {
    SqlTypeName from = literal.getType().getSqlTypeName();
    if (!SqlTypeName.EXACT_TYPES.contains(from) && !SqlTypeName.APPROX_TYPES.contains(from)) {
      return true;
    }
    BigDecimal value = literal.getValueAs(BigDecimal.class);
    if (value == null) {
      return true;
    }
    float f = value.floatValue();
    return !Float.isInfinite(f) && (f != 0.0f || value.signum() == 0);
  }
}
