package io.shaledb.sql.schema;

import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A stored view: expanded from its SQL text each time a statement that uses it is planned. */
public final class ViewTable extends AbstractTable implements TranslatableTable {
  private final TableDescriptor view;

  public ViewTable(TableDescriptor view) {
    this.view = view;
  }

  public TableDescriptor descriptor() {
    return view;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (ColumnDescriptor c : view.columns()) {
      b.add(c.name(), TypeMapping.relType(f, c.type(), c.nullable()));
    }
    return b.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelDataType rowType = relOptTable.getRowType();
    RelRoot root = context.expandView(rowType, view.viewSql(), List.of("public"), List.of(view.name()));
    return RelOptUtil.createCastRel(root.rel, rowType, true);
  }
}
