package io.shaledb.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class ShaleTypeFactoryTest {
  private final ShaleTypeFactory memo = new ShaleTypeFactory();
  private final RelDataTypeFactory calcite = new JavaTypeFactoryImpl(ShaleTypeSystem.INSTANCE);

  @Test
  void scalarTypesAreCalcitesCanonicalInstances() {
    for (SqlTypeName name : List.of(SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.DOUBLE,
        SqlTypeName.BOOLEAN, SqlTypeName.VARCHAR, SqlTypeName.DECIMAL, SqlTypeName.DATE,
        SqlTypeName.NULL)) {
      for (int round = 0; round < 2; round++) {
        assertSame(calcite.createSqlType(name), memo.createSqlType(name), name.toString());
      }
    }
    assertSame(calcite.createSqlType(SqlTypeName.VARCHAR, 12),
        memo.createSqlType(SqlTypeName.VARCHAR, 12));
    assertSame(calcite.createSqlType(SqlTypeName.DECIMAL, 10, 3),
        memo.createSqlType(SqlTypeName.DECIMAL, 10, 3));
    assertSame(calcite.createSqlType(SqlTypeName.DECIMAL, 10),
        memo.createSqlType(SqlTypeName.DECIMAL, 10));
  }

  @Test
  void argumentsAreNotConfused() {
    RelDataType d103 = memo.createSqlType(SqlTypeName.DECIMAL, 10, 3);
    RelDataType d104 = memo.createSqlType(SqlTypeName.DECIMAL, 10, 4);
    RelDataType d10 = memo.createSqlType(SqlTypeName.DECIMAL, 10);
    assertEquals(3, d103.getScale());
    assertEquals(4, d104.getScale());
    assertEquals(0, d10.getScale());
    assertEquals("VARCHAR(5)", memo.createSqlType(SqlTypeName.VARCHAR, 5).toString());
    assertEquals("VARCHAR(6)", memo.createSqlType(SqlTypeName.VARCHAR, 6).toString());
  }

  @Test
  void nullabilityVariantsAreCanonicalAndBothWays() {
    RelDataType notNull = memo.createSqlType(SqlTypeName.INTEGER);
    assertFalse(notNull.isNullable());
    for (int round = 0; round < 2; round++) {
      RelDataType nullable = memo.createTypeWithNullability(notNull, true);
      assertTrue(nullable.isNullable());
      assertSame(calcite.createTypeWithNullability(notNull, true), nullable);
      assertSame(notNull, memo.createTypeWithNullability(nullable, false));
      assertSame(nullable, memo.createTypeWithNullability(nullable, true));
      assertSame(notNull, memo.createTypeWithNullability(notNull, false));
    }
    RelDataType text = memo.createTypeWithNullability(
        memo.createSqlType(SqlTypeName.VARCHAR, 3), true);
    assertSame(calcite.createTypeWithNullability(calcite.createSqlType(SqlTypeName.VARCHAR, 3),
        true), text);
    assertEquals(memo.getDefaultCharset(), text.getCharset());
  }

  @Test
  void recordTypesStillWork() {
    RelDataType row = memo.builder()
        .add("a", memo.createSqlType(SqlTypeName.INTEGER))
        .add("b", memo.createTypeWithNullability(memo.createSqlType(SqlTypeName.DOUBLE), true))
        .build();
    RelDataType nullableRow = memo.createTypeWithNullability(row, true);
    assertTrue(nullableRow.isNullable());
    assertEquals(List.of("a", "b"), nullableRow.getFieldNames());
  }
}
