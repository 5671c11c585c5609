package io.shaledb.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL-flavoured type derivation: DECIMAL up to 38 digits, SUM of SMALLINT/INTEGER is
 * BIGINT, AVG of an integer type is DECIMAL.
 */
public final class ShaleTypeSystem extends RelDataTypeSystemImpl {
  public static final ShaleTypeSystem INSTANCE = new ShaleTypeSystem();

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return 38;
    }
    return super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return 38;
    }
    return super.getMaxScale(typeName);
  }

  @SuppressWarnings("deprecation")
  @Override
  public int getMaxNumericPrecision() {
    return 38;
  }

  @SuppressWarnings("deprecation")
  @Override
  public int getMaxNumericScale() {
    return 38;
  }

  /** CASE/UNION over strings of different lengths yield VARCHAR, not blank-padded CHAR. */
  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argType) {
    SqlTypeName n = argType.getSqlTypeName();
    if (n == SqlTypeName.TINYINT || n == SqlTypeName.SMALLINT || n == SqlTypeName.INTEGER) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), argType.isNullable());
    }
    if (n == SqlTypeName.DECIMAL) {
      return f.createTypeWithNullability(
          f.createSqlType(SqlTypeName.DECIMAL, 38, argType.getScale()), argType.isNullable());
    }
    return super.deriveSumType(f, argType);
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argType) {
    SqlTypeName n = argType.getSqlTypeName();
    if (n == SqlTypeName.TINYINT || n == SqlTypeName.SMALLINT || n == SqlTypeName.INTEGER
        || n == SqlTypeName.BIGINT) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, 38, 6), argType.isNullable());
    }
    if (n == SqlTypeName.DECIMAL) {
      return f.createTypeWithNullability(
          f.createSqlType(SqlTypeName.DECIMAL, 38, Math.max(6, argType.getScale())), argType.isNullable());
    }
    return super.deriveAvgAggType(f, argType);
  }
}
