package io.shaledb.sql.exec;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.sql.parse.CalciteParsing;
import io.shaledb.sql.parse.Stmt;
import io.shaledb.sql.plan.PlannedQuery;
import io.shaledb.sql.schema.StatementContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * ON CONFLICT DO NOTHING / DO UPDATE and UPSERT for one INSERT statement: finds an existing row
 * that conflicts on the arbiter index(es) and either skips the new row, replaces the given
 * columns (UPSERT) or evaluates the SET assignments over the existing row and {@code excluded}
 * (through a planned query with the excluded values and key as parameters). Lives for one
 * statement.
 */
final class ConflictHandler {
  private final DmlExecutor dml;
  private final EngineContext ec;
  private final QueryRunner queries;
  private final StatementContext sc;
  private final TableDescriptor t;
  private final Stmt.Insert clause;
  private final List<IndexDescriptor> arbiters = new ArrayList<>();
  private final String sql;
  private final List<Object> params;
  private SqlUpdate assignments;

  ConflictHandler(DmlExecutor dml, StatementContext sc, TableDescriptor t, Stmt.Insert clause, String sql,
      List<Object> params) {
    this.dml = dml;
    this.ec = dml.ec;
    this.queries = dml.queries;
    this.sc = sc;
    this.t = t;
    this.clause = clause;
    this.sql = sql;
    this.params = params;
    if (clause.conflictColumns().isEmpty()) {
      arbiters.add(t.primaryIndex());
      if (clause.doNothing()) {
        t.secondaryIndexes().stream().filter(IndexDescriptor::unique).forEach(arbiters::add);
      }
    } else {
      Set<Integer> wanted = new HashSet<>();
      for (String name : clause.conflictColumns()) {
        wanted.add(t.column(name).orElseThrow(() -> new SqlError(SqlState.UNDEFINED_COLUMN,
            "column \"" + name + "\" does not exist")).id());
      }
      for (IndexDescriptor i : t.indexes()) {
        if (i.unique() && new HashSet<>(i.columnIds()).equals(wanted)) {
          arbiters.add(i);
          break;
        }
      }
      if (arbiters.isEmpty()) {
        throw new SqlError(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
            "there is no unique or exclusion constraint matching the ON CONFLICT specification");
      }
    }
    if (clause.setClause() != null) {
      SqlNode n = CalciteParsing.parseStatement("UPDATE \"" + t.name().replace("\"", "\"\"") + "\" SET "
          + clause.setClause(), sql, 0);
      assignments = (SqlUpdate) n;
    }
  }

  /** Returns the row written, or null if nothing was written (DO NOTHING). */
  Object[] apply(Object[] row, boolean[] given) {
    Object[] existing = null;
    for (IndexDescriptor i : arbiters) {
      existing = dml.existingOn(sc, t, i, row);
      if (existing != null) {
        break;
      }
    }
    if (existing == null) {
      ec.rows().insert(sc.txn(), t, row);
      return row;
    }
    if (clause.doNothing()) {
      return null;
    }
    Object[] neu = existing.clone();
    if (clause.upsert()) {
      for (int p = 0; p < row.length; p++) {
        if (given[p]) {
          neu[p] = row[p];
        }
      }
    } else {
      Object[] vals = evalAssignments(existing, row);
      if (vals == null) {
        return null; // the DO UPDATE ... WHERE excluded it
      }
      List<ColumnDescriptor> targets = DmlExecutor.targetColumns(t, assignments.getTargetColumnList());
      for (int i = 0; i < targets.size(); i++) {
        ColumnDescriptor c = targets.get(i);
        neu[t.columns().indexOf(c)] = vals[i] == null ? null : ec.rows().coerce(c, vals[i]);
      }
    }
    ec.rows().update(sc.txn(), t, existing, neu);
    return neu;
  }

  /** SET values computed over (existing row, excluded row), or null if the WHERE is false. */
  private Object[] evalAssignments(Object[] existing, Object[] excluded) {
    int base = params.size();
    List<Object> all = new ArrayList<>(params);
    for (Object v : excluded) {
      all.add(v);
    }
    Object[] pk = DmlExecutor.primaryKey(t, existing);
    for (Object v : pk) {
      all.add(v);
    }
    PlannedQuery plan = queries.plan(sc, "CONFLICT\u0000" + sql, () -> conflictQuery(base));
    List<Object[]> rows = queries.run(sc, plan, all, 1);
    return rows.isEmpty() ? null : rows.get(0);
  }

  private SqlSelect conflictQuery(int base) {
    SqlUpdate fresh = (SqlUpdate) CalciteParsing.parseStatement("UPDATE \"" + t.name().replace("\"", "\"\"")
        + "\" SET " + clause.setClause(), sql, 0);
    renumberParams(fresh, clause.paramsBeforeSet());
    SqlNodeList select = new SqlNodeList(DmlExecutor.POS);
    select.addAll(fresh.getSourceExpressionList());
    SqlNodeList row = new SqlNodeList(DmlExecutor.POS);
    SqlNodeList names = new SqlNodeList(DmlExecutor.POS);
    int k = base;
    for (ColumnDescriptor c : t.columns()) {
      row.add(DmlExecutor.cast(new SqlDynamicParam(k++, DmlExecutor.POS), c.type()));
      names.add(new SqlIdentifier(c.name(), DmlExecutor.POS));
    }
    SqlNode values = SqlStdOperatorTable.VALUES.createCall(DmlExecutor.POS,
        SqlStdOperatorTable.ROW.createCall(DmlExecutor.POS, row.getList()));
    List<SqlNode> asOperands = new ArrayList<>();
    asOperands.add(values);
    asOperands.add(new SqlIdentifier("excluded", DmlExecutor.POS));
    asOperands.addAll(names.getList());
    SqlNode excludedFrom = SqlStdOperatorTable.AS.createCall(DmlExecutor.POS, asOperands);
    SqlNode join = new org.apache.calcite.sql.SqlJoin(DmlExecutor.POS, DmlExecutor.hiddenFrom(t, t.name()), SqlLiteral.createBoolean(false, DmlExecutor.POS),
        org.apache.calcite.sql.JoinType.COMMA.symbol(DmlExecutor.POS), excludedFrom,
        org.apache.calcite.sql.JoinConditionType.NONE.symbol(DmlExecutor.POS), null);
    SqlNode where = null;
    for (int id : t.primaryIndex().columnIds()) {
      ColumnDescriptor c = t.columnById(id);
      SqlNode eq = SqlStdOperatorTable.EQUALS.createCall(DmlExecutor.POS, new SqlIdentifier(List.of(t.name(), c.name()), DmlExecutor.POS),
          DmlExecutor.cast(new SqlDynamicParam(k++, DmlExecutor.POS), c.type()));
      where = where == null ? eq : SqlStdOperatorTable.AND.createCall(DmlExecutor.POS, where, eq);
    }
    if (fresh.getCondition() != null) {
      where = SqlStdOperatorTable.AND.createCall(DmlExecutor.POS, where, fresh.getCondition());
    }
    return new SqlSelect(DmlExecutor.POS, null, select, join, where, null, null, null, null, null, null, null, null);
  }

/** Shifts parameter numbers in a re-parsed fragment so they match the whole statement's. */
private static void renumberParams(SqlCall call, int shift) {
  if (shift == 0) {
    return;
  }
  for (int i = 0; i < call.operandCount(); i++) {
    SqlNode op = call.operand(i);
    if (op instanceof SqlDynamicParam p) {
      call.setOperand(i, new SqlDynamicParam(p.getIndex() + shift, p.getParserPosition()));
    } else if (op instanceof SqlCall c) {
      renumberParams(c, shift);
    } else if (op instanceof SqlNodeList l) {
      for (int j = 0; j < l.size(); j++) {
        if (l.get(j) instanceof SqlDynamicParam p) {
          l.set(j, new SqlDynamicParam(p.getIndex() + shift, p.getParserPosition()));
        } else if (l.get(j) instanceof SqlCall c) {
          renumberParams(c, shift);
        }
      }
    }
  }
}
}
