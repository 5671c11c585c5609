package io.shaledb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SelectScope;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;

/**
 * Calcite's validator with PostgreSQL's name resolution in GROUP BY: a bare name is an input
 * column when one table of the FROM clause has a column of that name, and only otherwise an
 * output column (select-list alias). Calcite, with GROUP BY aliases allowed, tries the select list
 * first, so {@code SELECT -a AS a ... GROUP BY a} grouped by the expression, and two select items
 * named {@code a} made {@code GROUP BY a} ambiguous (42702) where PostgreSQL groups by the column.
 * The direct binder resolves names PostgreSQL's way already; this keeps the validator path in step.
 * One validation on one thread, like its superclass.
 */
final class ShaleValidator extends SqlValidatorImpl {

  ShaleValidator(SqlOperatorTable opTab, SqlValidatorCatalogReader catalogReader,
      RelDataTypeFactory typeFactory, Config config) {
    super(opTab, catalogReader, typeFactory, config);
  }

  @Override
  protected void validateGroupClause(SqlSelect select) {
    SqlNodeList group = select.getGroup();
    SelectScope scope = getRawSelectScope(select);
    if (group != null && scope != null) {
      List<SqlNode> items = new ArrayList<>(group.size());
      boolean changed = false;
      for (SqlNode item : group) {
        SqlNode q = qualifyInputColumns(item, scope);
        changed |= q != item;
        items.add(q);
      }
      if (changed) {
        select.setGroupBy(new SqlNodeList(items, group.getParserPosition()));
      }
    }
    super.validateGroupClause(select);
  }

  /**
   * {@code item} with each bare name that is a column of exactly one FROM item qualified by that
   * item's alias (so Calcite no longer looks it up among the select-list aliases); the grouping
   * lists of GROUPING SETS, ROLLUP and CUBE and their ROW groups are searched too.
   */
  private SqlNode qualifyInputColumns(SqlNode item, SelectScope scope) {
    if (item instanceof SqlIdentifier id) {
      if (!id.isSimple()) {
        return id;
      }
      Map<String, ?> tables =
          scope.findQualifyingTableNames(id.getSimple(), id, getCatalogReader().nameMatcher());
      if (tables.size() != 1) {
        return id; // an output name, or ambiguous: Calcite reports it as it does now
      }
      String alias = tables.keySet().iterator().next();
      return new SqlIdentifier(List.of(alias, id.getSimple()), id.getParserPosition());
    }
    SqlKind kind = item.getKind();
    if ((kind == SqlKind.GROUPING_SETS || kind == SqlKind.ROLLUP || kind == SqlKind.CUBE
        || kind == SqlKind.ROW) && item instanceof SqlBasicCall call) {
      for (int i = 0; i < call.operandCount(); i++) {
        SqlNode op = call.operand(i);
        SqlNode q = qualifyInputColumns(op, scope);
        if (q != op) {
          call.setOperand(i, q);
        }
      }
    }
    return item;
  }
}
