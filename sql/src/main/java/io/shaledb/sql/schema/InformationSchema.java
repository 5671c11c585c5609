package io.shaledb.sql.schema;

import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.TableDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code information_schema.tables}, {@code .columns} and {@code .statistics} (one row per key
 * column of every index, as in MySQL and CockroachDB; the JDBC driver builds getPrimaryKeys and
 * getIndexInfo from it), computed from the catalog at execution time through the statement's
 * transaction.
 */
public final class InformationSchema extends AbstractSchema {

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of("tables", new TablesTable(), "columns", new ColumnsTable(), "statistics", new StatisticsTable());
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  private static RelDataType varchar(RelDataTypeFactory f, boolean nullable) {
    return f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), nullable);
  }

  private static final class TablesTable extends AbstractTable implements ScannableTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("table_catalog", varchar(f, false))
          .add("table_schema", varchar(f, false))
          .add("table_name", varchar(f, false))
          .add("table_type", varchar(f, false))
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      StatementContext sc = StatementContext.of(root);
      List<Object[]> rows = new ArrayList<>();
      for (TableDescriptor t : sc.catalog().tables(sc.txn(), sc.databaseId())) {
        rows.add(new Object[] {sc.database(), "public", t.name(), t.isView() ? "VIEW" : "BASE TABLE"});
      }
      return Linq4j.asEnumerable(rows);
    }
  }

  private static final class ColumnsTable extends AbstractTable implements ScannableTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("table_catalog", varchar(f, false))
          .add("table_schema", varchar(f, false))
          .add("table_name", varchar(f, false))
          .add("column_name", varchar(f, false))
          .add("ordinal_position", f.createSqlType(SqlTypeName.INTEGER))
          .add("data_type", varchar(f, false))
          .add("is_nullable", varchar(f, false))
          .add("column_default", varchar(f, true))
          .add("character_maximum_length", f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER), true))
          .add("numeric_precision", f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER), true))
          .add("numeric_scale", f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER), true))
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      StatementContext sc = StatementContext.of(root);
      List<Object[]> rows = new ArrayList<>();
      for (TableDescriptor t : sc.catalog().tables(sc.txn(), sc.databaseId())) {
        int pos = 0;
        for (ColumnDescriptor c : t.visibleColumns()) {
          pos++;
          rows.add(new Object[] {sc.database(), "public", t.name(), c.name(), pos,
              TypeMapping.dataTypeName(c.type()), c.nullable() ? "YES" : "NO", c.defaultExpr(),
              characterLength(c.type()), numericPrecision(c.type()), numericScale(c.type())});
        }
      }
      return Linq4j.asEnumerable(rows);
    }
  }

  private static Integer characterLength(SqlType t) {
    return switch (t.kind()) {
      case CHAR, VARCHAR -> t.precision() > 0 ? t.precision() : null;
      default -> null;
    };
  }

  private static Integer numericPrecision(SqlType t) {
    return switch (t.kind()) {
      case SMALLINT -> 16;
      case INTEGER -> 32;
      case BIGINT -> 64;
      case REAL -> 24;
      case DOUBLE -> 53;
      case DECIMAL -> t.precision() > 0 ? t.precision() : null;
      default -> null;
    };
  }

  private static Integer numericScale(SqlType t) {
    return switch (t.kind()) {
      case SMALLINT, INTEGER, BIGINT -> 0;
      case DECIMAL -> t.precision() > 0 ? t.scale() : null;
      default -> null;
    };
  }

  /** One row per key column of every index of every table (views have none). */
  private static final class StatisticsTable extends AbstractTable implements ScannableTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("table_catalog", varchar(f, false))
          .add("table_schema", varchar(f, false))
          .add("table_name", varchar(f, false))
          .add("non_unique", varchar(f, false))
          .add("index_name", varchar(f, false))
          .add("seq_in_index", f.createSqlType(SqlTypeName.INTEGER))
          .add("column_name", varchar(f, false))
          .add("direction", varchar(f, false))
          .add("is_primary", varchar(f, false))
          .add("implicit", varchar(f, false))
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      StatementContext sc = StatementContext.of(root);
      List<Object[]> rows = new ArrayList<>();
      for (TableDescriptor t : sc.catalog().tables(sc.txn(), sc.databaseId())) {
        if (t.isView()) {
          continue;
        }
        for (IndexDescriptor i : t.indexes()) {
          for (int k = 0; k < i.columnIds().size(); k++) {
            ColumnDescriptor c = t.columnById(i.columnIds().get(k));
            rows.add(new Object[] {sc.database(), "public", t.name(), i.unique() ? "NO" : "YES", i.name(), k + 1,
                c.name(), i.descending().get(k) ? "DESC" : "ASC", i.isPrimary() ? "YES" : "NO",
                c.hidden() ? "YES" : "NO"});
          }
        }
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
