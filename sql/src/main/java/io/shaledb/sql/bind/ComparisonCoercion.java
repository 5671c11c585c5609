package io.shaledb.sql.bind;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlCastFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The implicit casts the validator's type coercion puts on the operands of comparisons, BETWEEN
 * and IN lists ({@code commonTypeForBinaryComparison}), for the type pairs the direct binder
 * supports: same-named types, numbers of different kinds (approximate wins over exact; exact
 * numbers widen, to DECIMAL when either is DECIMAL) and strings where one side has no length.
 * Anything else is refused. Pure; stateless.
 */
final class ComparisonCoercion {
  private ComparisonCoercion() {}

  /** The type both operands are cast to. */
  static RelDataType commonType(RelDataTypeFactory tf, RelDataType t1, RelDataType t2) {
    if (t1.equals(t2)) {
      return t1;
    }
    boolean anyNullable = t1.isNullable() || t2.isNullable();
    if (SqlTypeUtil.sameNamedType(t1, t2)) {
      RelDataType t = tf.leastRestrictive(List.of(t1, t2));
      if (t == null) {
        throw new UnsupportedQueryException("no common type");
      }
      if (SqlTypeUtil.inCharFamily(t) && t1.getPrecision() != t2.getPrecision()) {
        throw new UnsupportedQueryException("strings of different lengths");
      }
      return t;
    }
    if (SqlTypeUtil.isCharacter(t1) && SqlTypeUtil.isCharacter(t2)) {
      if (t1.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED) {
        return tf.createTypeWithNullability(t1, anyNullable);
      }
      if (t2.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED) {
        return tf.createTypeWithNullability(t2, anyNullable);
      }
      throw new UnsupportedQueryException("strings of different lengths");
    }
    boolean approx1 = SqlTypeUtil.isApproximateNumeric(t1);
    boolean approx2 = SqlTypeUtil.isApproximateNumeric(t2);
    boolean exact1 = SqlTypeUtil.isExactNumeric(t1);
    boolean exact2 = SqlTypeUtil.isExactNumeric(t2);
    if (approx1 && approx2) {
      return tf.createTypeWithNullability(t1.getPrecision() > t2.getPrecision() ? t1 : t2, anyNullable);
    }
    if (approx1 && exact2) {
      return tf.createTypeWithNullability(t1, anyNullable);
    }
    if (approx2 && exact1) {
      return tf.createTypeWithNullability(t2, anyNullable);
    }
    if (exact1 && exact2) {
      if (SqlTypeUtil.isDecimal(t1) || SqlTypeUtil.isDecimal(t2)) {
        int maxScale = Math.max(t1.getScale(), t2.getScale());
        RelDataType d = tf.createSqlType(SqlTypeName.DECIMAL,
            Math.max(t1.getPrecision() - t1.getScale(), t2.getPrecision() - t2.getScale()) + maxScale,
            maxScale);
        return tf.createTypeWithNullability(d, anyNullable);
      }
      return tf.createTypeWithNullability(t1.getPrecision() > t2.getPrecision() ? t1 : t2, anyNullable);
    }
    throw new UnsupportedQueryException("comparison coercion");
  }

  /** {@code e} cast to {@code target} (keeping its nullability) unless it already has that type. */
  static RexNode coerce(RexBuilder rb, RexNode e, RelDataType target) {
    RelDataTypeFactory tf = rb.getTypeFactory();
    if (SqlTypeUtil.equalSansNullability(tf, e.getType(), target)) {
      return e;
    }
    if (SqlTypeUtil.inCharFamily(e.getType()) && SqlTypeUtil.inCharFamily(target)
        && target.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED) {
      return e; // the validator does not cast between strings and unlimited VARCHAR
    }
    RelDataType type = SqlCastFunction.deriveType(tf, e.getType(), target, false);
    return rb.makeCast(SqlParserPos.ZERO, type, e, false, false,
        (RexLiteral) rb.makeNullLiteral(tf.createSqlType(SqlTypeName.NULL)));
  }
}
