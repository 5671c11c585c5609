package io.shaledb.sql.schema;

import io.shaledb.sql.catalog.ColumnDescriptor;
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
 * {@code information_schema.tables} and {@code information_schema.columns}, computed from the
 * catalog at execution time through the statement's transaction.
 */
public final class InformationSchema extends AbstractSchema {

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of("tables", new TablesTable(), "columns", new ColumnsTable());
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
              TypeMapping.dataTypeName(c.type()), c.nullable() ? "YES" : "NO", c.defaultExpr()});
        }
      }
      return Linq4j.asEnumerable(rows);
    }
  }
}
