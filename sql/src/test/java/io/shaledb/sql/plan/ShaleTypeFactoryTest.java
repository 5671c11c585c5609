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

  @Test
  void recordTypesAreCalcitesCanonicalInstancesAndKeyedByEveryPart() {
    RelDataType integer = memo.createSqlType(SqlTypeName.INTEGER);
    RelDataType dbl = memo.createTypeWithNullability(memo.createSqlType(SqlTypeName.DOUBLE), true);
    java.util.ArrayList<String> names = new java.util.ArrayList<>(List.of("a", "b"));
    java.util.ArrayList<RelDataType> types = new java.util.ArrayList<>(List.of(integer, dbl));
    for (int round = 0; round < 2; round++) {
      RelDataType row = memo.createStructType(types, names);
      assertSame(calcite.createStructType(List.of(integer, dbl), List.of("a", "b")), row);
      RelDataType nullable = memo.createTypeWithNullability(row, true);
      assertTrue(nullable.isNullable());
      assertSame(calcite.createTypeWithNullability(row, true), nullable);
      // Calcite's answer here is a new instance each time (fields stay nullable): equal is all
      // it promises.
      RelDataType back = memo.createTypeWithNullability(nullable, false);
      assertEquals(calcite.createTypeWithNullability(nullable, false), back);
      assertEquals("RecordType(INTEGER a, DOUBLE b) NOT NULL", back.getFullTypeString());
    }
    // The memo copied the caller's lists: changing them afterwards changes nothing it returns.
    names.set(1, "c");
    RelDataType renamed = memo.createStructType(types, names);
    assertEquals(List.of("a", "c"), renamed.getFieldNames());
    assertEquals(List.of("a", "b"),
        memo.createStructType(List.of(integer, dbl), List.of("a", "b")).getFieldNames());
    // Each part of the key counts: field type, field name, kind.
    RelDataType other = memo.createStructType(List.of(integer, integer), List.of("a", "b"));
    assertEquals(integer, other.getFieldList().get(1).getType());
    RelDataType peek = memo.createStructType(org.apache.calcite.rel.type.StructKind.PEEK_FIELDS,
        List.of(integer, dbl), List.of("a", "b"));
    assertEquals(org.apache.calcite.rel.type.StructKind.PEEK_FIELDS, peek.getStructKind());
    assertSame(calcite.createStructType(org.apache.calcite.rel.type.StructKind.PEEK_FIELDS,
        List.of(integer, dbl), List.of("a", "b")), peek);
  }
}
