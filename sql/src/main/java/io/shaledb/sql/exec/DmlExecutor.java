package io.shaledb.sql.exec;

import io.shaledb.sql.ColumnMeta;
import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.StatementResult;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.sql.parse.CalciteParsing;
import io.shaledb.sql.parse.Stmt;
import io.shaledb.sql.plan.PlannedQuery;
import io.shaledb.sql.rowenc.IndexBounds;
import io.shaledb.sql.rowenc.RowCursor;
import io.shaledb.sql.schema.ShaleSchema;
import io.shaledb.sql.schema.StatementContext;
import io.shaledb.sql.schema.TypeMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * INSERT, UPSERT, INSERT ... ON CONFLICT, UPDATE and DELETE, executed outside Calcite's
 * TableModify: rows to change are found by planning a query (so WHERE clauses use index bounds),
 * new values are computed by the query or, for literals and parameters, directly; every value is
 * coerced by {@code RowStore.coerce} and written through {@code RowStore} in the statement's
 * transaction. Thread-safe (stateless apart from the engine context).
 */
public final class DmlExecutor {
  static final SqlParserPos POS = SqlParserPos.ZERO;

  final EngineContext ec;
  final QueryRunner queries;

  public DmlExecutor(EngineContext ec, QueryRunner queries) {
    this.ec = ec;
    this.queries = queries;
  }

  // ------------------------------------------------------------------ INSERT

  /**
   * @param conflict the split-off conflict clause (null for a plain INSERT)
   * @param reparse parses the INSERT text again (plans need fresh SqlNodes)
   */
  public StatementResult insert(StatementContext sc, SqlInsert ins, Stmt.Insert conflict, String sql,
      Supplier<SqlNode> reparse, List<Object> params, ExecOptions opts, List<Object[]> sink) {
    TableDescriptor t = table(sc, ins.getTargetTable());
    List<ColumnDescriptor> targets = targetColumns(t, ins.getTargetColumnList());
    List<Object[]> source = sourceRows(sc, ins, t, targets, sql, reparse, params);
    ConflictHandler handler = conflict == null || (!conflict.doNothing() && !conflict.upsert()
        && conflict.setClause() == null) ? null : new ConflictHandler(this, sc, t, conflict, sql, params);
    List<Object[]> keys = new ArrayList<>();
    long count = 0;
    for (Object[] src : source) {
      if (src.length != targets.size()) {
        throw new SqlError(SqlState.SYNTAX_ERROR, src.length > targets.size()
            ? "INSERT has more expressions than target columns"
            : "INSERT has more target columns than expressions");
      }
      Object[] row = new Object[t.columns().size()];
      boolean[] given = new boolean[row.length];
      for (int i = 0; i < targets.size(); i++) {
        int p = t.columns().indexOf(targets.get(i));
        given[p] = src[i] != ConstantEvaluator.DEFAULT;
        row[p] = given[p] ? src[i] : null;
      }
      for (int p = 0; p < row.length; p++) {
        ColumnDescriptor c = t.columns().get(p);
        Object v = given[p] ? row[p] : defaultValue(sc, c);
        row[p] = v == null ? null : ec.rows().coerce(c, v);
      }
      Object[] written = row;
      if (handler != null) {
        written = handler.apply(row, given);
      } else {
        ec.rows().insert(sc.txn(), t, row);
      }
      if (written != null) {
        count++;
        if (sink != null) {
          sink.add(written);
        }
        if (opts.returnGeneratedKeys()) {
          keys.add(primaryKey(t, written));
        }
      }
    }
    List<ColumnMeta> keyCols = opts.returnGeneratedKeys() ? keyColumns(t) : List.of();
    return new StatementResult(List.of(), List.of(), count, "INSERT 0 " + count, keyCols, keys);
  }

  private List<Object[]> sourceRows(StatementContext sc, SqlInsert ins, TableDescriptor t,
      List<ColumnDescriptor> targets, String sql, Supplier<SqlNode> reparse, List<Object> params) {
    SqlNode src = ins.getSource();
    if (src.getKind() == SqlKind.VALUES) {
      List<Object[]> rows = new ArrayList<>();
      boolean simple = true;
      for (SqlNode rowNode : ((SqlCall) src).getOperandList()) {
        List<SqlNode> items = rowNode instanceof SqlCall rc && rc.getKind() == SqlKind.ROW
            ? rc.getOperandList() : List.of(rowNode);
        Object[] row = new Object[items.size()];
        for (int i = 0; i < items.size(); i++) {
          row[i] = ConstantEvaluator.eval(items.get(i), params);
          simple &= row[i] != ConstantEvaluator.NOT_CONSTANT;
        }
        rows.add(row);
      }
      if (simple) {
        return rows;
      }
    }
    PlannedQuery plan = queries.plan(sc, "INSERT-SOURCE\u0000" + sql, () -> {
      SqlInsert fresh = (SqlInsert) reparse.get();
      SqlNode s = fresh.getSource();
      if (s.getKind() == SqlKind.VALUES) {
        typeValues((SqlCall) s, targets);
      }
      return s;
    });
    if (plan.rowType().getFieldCount() != targets.size()) {
      throw new SqlError(SqlState.SYNTAX_ERROR, plan.rowType().getFieldCount() > targets.size()
          ? "INSERT has more expressions than target columns"
          : "INSERT has more target columns than expressions");
    }
    return queries.run(sc, plan, params, 0);
  }

  /** Gives bare parameters and NULLs in VALUES the target column's type so Calcite can type them. */
  private static void typeValues(SqlCall values, List<ColumnDescriptor> targets) {
    for (SqlNode rowNode : values.getOperandList()) {
      if (!(rowNode instanceof SqlCall rc) || rc.getKind() != SqlKind.ROW) {
        continue;
      }
      for (int i = 0; i < rc.operandCount() && i < targets.size(); i++) {
        SqlNode item = rc.operand(i);
        if (item instanceof SqlDynamicParam || SqlUtilNull.isNullLiteral(item)) {
          rc.setOperand(i, cast(item, targets.get(i).type()));
        } else if (item.getKind() == SqlKind.DEFAULT) {
          rc.setOperand(i, cast(SqlLiteral.createNull(POS), targets.get(i).type()));
        }
      }
    }
  }

  /** CAST(node AS the Calcite type of t). */
  static SqlNode cast(SqlNode node, SqlType t) {
    SqlBasicTypeNameSpec spec = switch (t.kind()) {
      case SMALLINT -> new SqlBasicTypeNameSpec(SqlTypeName.SMALLINT, POS);
      case INTEGER -> new SqlBasicTypeNameSpec(SqlTypeName.INTEGER, POS);
      case BIGINT -> new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, POS);
      case DECIMAL -> t.precision() > 0
          ? new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, t.precision(), t.scale(), POS)
          : new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, TypeMapping.MAX_DECIMAL_PRECISION, 10, POS);
      case REAL -> new SqlBasicTypeNameSpec(SqlTypeName.REAL, POS);
      case DOUBLE -> new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, POS);
      case CHAR, VARCHAR, TEXT -> new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, POS);
      case BOOLEAN -> new SqlBasicTypeNameSpec(SqlTypeName.BOOLEAN, POS);
      case DATE -> new SqlBasicTypeNameSpec(SqlTypeName.DATE, POS);
      case TIMESTAMP -> new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, 3, POS);
      case BYTEA -> new SqlBasicTypeNameSpec(SqlTypeName.VARBINARY, POS);
    };
    return SqlStdOperatorTable.CAST.createCall(POS, node, new SqlDataTypeSpec(spec, POS));
  }

  /** The value of a column's DEFAULT (NULL if none) for one new row. */
  Object defaultValue(StatementContext sc, ColumnDescriptor c) {
    String expr = c.defaultExpr();
    if (expr == null) {
      return null;
    }
    String norm = expr.trim().toLowerCase(Locale.ROOT);
    if (norm.equals("unique_rowid()")) {
      return ec.catalog().uniqueRowId();
    }
    SqlNode n = CalciteParsing.parseExpression(expr, expr, 0);
    Object v = ConstantEvaluator.eval(n, List.of());
    if (v != ConstantEvaluator.NOT_CONSTANT && v != ConstantEvaluator.DEFAULT) {
      return v;
    }
    PlannedQuery plan = queries.plan(sc, "DEFAULT\u0000" + expr,
        () -> CalciteParsing.parseQuery("SELECT " + expr, expr, -7));
    List<Object[]> rows = queries.run(sc, plan, List.of(), 1);
    return rows.isEmpty() ? null : rows.get(0)[0];
  }

  // ------------------------------------------------------------------ UPDATE / DELETE

  public StatementResult update(StatementContext sc, SqlUpdate up, String sql, Supplier<SqlNode> reparse,
      List<Object> params, List<Object[]> sink) {
    TableDescriptor t = table(sc, up.getTargetTable());
    List<ColumnDescriptor> targets = targetColumns(t, up.getTargetColumnList());
    List<SqlNode> exprs = up.getSourceExpressionList().getList();
    Object[] constants = new Object[exprs.size()];
    for (int i = 0; i < exprs.size(); i++) {
      constants[i] = ConstantEvaluator.eval(exprs.get(i), params);
    }
    PlannedQuery plan = queries.plan(sc, "UPDATE\u0000" + sql,
        () -> updateQuery((SqlUpdate) reparse.get(), t));
    List<Object[]> rows = queries.run(sc, plan, params, 0);
    int n = t.columns().size();
    for (Object[] r : rows) {
      Object[] old = asStored(sc, t, java.util.Arrays.copyOf(r, n));
      Object[] neu = old.clone();
      int k = n;
      for (int i = 0; i < targets.size(); i++) {
        ColumnDescriptor c = targets.get(i);
        int p = t.columns().indexOf(c);
        Object v = constants[i];
        if (v == ConstantEvaluator.NOT_CONSTANT) {
          v = r[k++];
        } else if (v == ConstantEvaluator.DEFAULT) {
          v = defaultValue(sc, c);
        }
        neu[p] = v == null ? null : ec.rows().coerce(c, v);
      }
      ec.rows().update(sc.txn(), t, old, neu);
      if (sink != null) {
        sink.add(neu);
      }
    }
    return StatementResult.ofCount(rows.size(), "UPDATE " + rows.size());
  }

  private SqlSelect updateQuery(SqlUpdate up, TableDescriptor t) {
    String alias = up.getAlias() != null ? up.getAlias().getSimple() : t.name();
    SqlNodeList select = allColumns(t, alias);
    for (SqlNode e : up.getSourceExpressionList()) {
      if (!ConstantEvaluator.isConstant(e)) {
        select.add(e);
      }
    }
    return new SqlSelect(POS, null, select, hiddenFrom(t, alias), up.getCondition(), null, null, null,
        null, null, null, null, null);
  }

  public StatementResult delete(StatementContext sc, SqlDelete del, String sql, Supplier<SqlNode> reparse,
      List<Object> params, List<Object[]> sink) {
    TableDescriptor t = table(sc, del.getTargetTable());
    PlannedQuery plan = queries.plan(sc, "DELETE\u0000" + sql, () -> {
      SqlDelete d = (SqlDelete) reparse.get();
      String alias = d.getAlias() != null ? d.getAlias().getSimple() : t.name();
      return new SqlSelect(POS, null, allColumns(t, alias), hiddenFrom(t, alias), d.getCondition(), null,
          null, null, null, null, null, null, null);
    });
    List<Object[]> rows = queries.run(sc, plan, params, 0);
    for (Object[] r : rows) {
      Object[] stored = asStored(sc, t, r);
      ec.rows().delete(sc.txn(), t, stored);
      if (sink != null) {
        sink.add(stored);
      }
    }
    return StatementResult.ofCount(rows.size(), "DELETE " + rows.size());
  }

  /**
   * The row exactly as stored. Rows read through Calcite carry TIMESTAMPs at millisecond
   * precision, while storage keeps microseconds; index maintenance needs the stored values, so the
   * row is read again by primary key (unless the key itself holds a TIMESTAMP).
   */
  private Object[] asStored(StatementContext sc, TableDescriptor t, Object[] row) {
    boolean hasTimestamp = false;
    for (ColumnDescriptor c : t.columns()) {
      hasTimestamp |= c.type().kind() == SqlType.Kind.TIMESTAMP;
    }
    if (!hasTimestamp) {
      return row;
    }
    for (int id : t.primaryIndex().columnIds()) {
      if (t.columnById(id).type().kind() == SqlType.Kind.TIMESTAMP) {
        return row;
      }
    }
    return ec.rows().get(sc.txn(), t, primaryKey(t, row)).orElse(row);
  }

  /** The table an INSERT, UPDATE or DELETE writes. */
  public TableDescriptor targetOf(StatementContext sc, SqlNode dml) {
    SqlNode target = dml instanceof SqlInsert i ? i.getTargetTable()
        : dml instanceof SqlUpdate u ? u.getTargetTable() : ((SqlDelete) dml).getTargetTable();
    return table(sc, target);
  }

  /** The query an UPDATE or DELETE reads its rows through (for EXPLAIN). */
  public PlannedQuery planFor(StatementContext sc, SqlNode dml, String sql, Supplier<SqlNode> reparse,
      List<Object> params, boolean forExplain) {
    if (dml instanceof SqlUpdate up) {
      TableDescriptor t = table(sc, up.getTargetTable());
      return queries.plan(sc, "UPDATE\u0000" + sql, () -> updateQuery((SqlUpdate) reparse.get(), t), forExplain);
    }
    SqlDelete del = (SqlDelete) dml;
    TableDescriptor t = table(sc, del.getTargetTable());
    return queries.plan(sc, "DELETE\u0000" + sql, () -> {
      SqlDelete d = (SqlDelete) reparse.get();
      String alias = d.getAlias() != null ? d.getAlias().getSimple() : t.name();
      return new SqlSelect(POS, null, allColumns(t, alias), hiddenFrom(t, alias), d.getCondition(), null,
          null, null, null, null, null, null, null);
    }, forExplain);
  }

  private static SqlNodeList allColumns(TableDescriptor t, String alias) {
    SqlNodeList select = new SqlNodeList(POS);
    for (ColumnDescriptor c : t.columns()) {
      select.add(new SqlIdentifier(List.of(alias, c.name()), POS));
    }
    return select;
  }

  static SqlNode hiddenFrom(TableDescriptor t, String alias) {
    return SqlStdOperatorTable.AS.createCall(POS,
        new SqlIdentifier(List.of("public", t.name() + ShaleSchema.WITH_HIDDEN_SUFFIX), POS),
        new SqlIdentifier(alias, POS));
  }

  /**
   * Types of parameters that stand alone as an INSERT value or an UPDATE SET value (they take
   * the target column's type), by parameter index.
   */
  public java.util.Map<Integer, ColumnMeta> directParamTypes(StatementContext sc, SqlNode dml) {
    java.util.Map<Integer, ColumnMeta> out = new java.util.HashMap<>();
    if (dml instanceof SqlInsert ins) {
      TableDescriptor t = table(sc, ins.getTargetTable());
      List<ColumnDescriptor> targets = targetColumns(t, ins.getTargetColumnList());
      if (ins.getSource().getKind() == SqlKind.VALUES) {
        for (SqlNode rowNode : ((SqlCall) ins.getSource()).getOperandList()) {
          List<SqlNode> items = rowNode instanceof SqlCall rc && rc.getKind() == SqlKind.ROW
              ? rc.getOperandList() : List.of(rowNode);
          for (int i = 0; i < items.size() && i < targets.size(); i++) {
            if (items.get(i) instanceof SqlDynamicParam p) {
              ColumnDescriptor c = targets.get(i);
              out.put(p.getIndex(), TypeMapping.meta(c.name(), t.name(), c.type(), c.nullable()));
            }
          }
        }
      }
    } else if (dml instanceof SqlUpdate up) {
      TableDescriptor t = table(sc, up.getTargetTable());
      List<ColumnDescriptor> targets = targetColumns(t, up.getTargetColumnList());
      List<SqlNode> exprs = up.getSourceExpressionList().getList();
      for (int i = 0; i < exprs.size() && i < targets.size(); i++) {
        if (exprs.get(i) instanceof SqlDynamicParam p) {
          ColumnDescriptor c = targets.get(i);
          out.put(p.getIndex(), TypeMapping.meta(c.name(), t.name(), c.type(), c.nullable()));
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ shared

  /** The table a DML statement names: 42P01 if absent, 42809 for a view. */
  TableDescriptor table(StatementContext sc, SqlNode target) {
    SqlIdentifier id = (SqlIdentifier) target;
    String name = id.names.get(id.names.size() - 1);
    if (id.names.size() > 1 && !id.names.get(id.names.size() - 2).equals("public")) {
      throw new SqlError(SqlState.UNDEFINED_TABLE, "relation \"" + id + "\" does not exist");
    }
    TableDescriptor t = ec.catalog().table(sc.txn(), sc.databaseId(), name)
        .orElseThrow(() -> new SqlError(SqlState.UNDEFINED_TABLE, "relation \"" + name + "\" does not exist",
            id.getParserPosition().getColumnNum(), null, null, null));
    if (t.isView()) {
      throw new SqlError(SqlState.WRONG_OBJECT_TYPE, "cannot modify view \"" + name + "\"");
    }
    return t;
  }

  static List<ColumnDescriptor> targetColumns(TableDescriptor t, SqlNodeList names) {
    if (names == null || names.isEmpty()) {
      return t.visibleColumns();
    }
    List<ColumnDescriptor> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SqlNode n : names) {
      SqlIdentifier id = (SqlIdentifier) n;
      String name = id.names.get(id.names.size() - 1);
      ColumnDescriptor c = t.column(name).orElseThrow(() -> new SqlError(SqlState.UNDEFINED_COLUMN,
          "column \"" + name + "\" of relation \"" + t.name() + "\" does not exist"));
      if (!seen.add(name)) {
        throw new SqlError(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
      }
      out.add(c);
    }
    return out;
  }

  static Object[] primaryKey(TableDescriptor t, Object[] row) {
    List<Integer> ids = t.primaryIndex().columnIds();
    Object[] key = new Object[ids.size()];
    for (int i = 0; i < key.length; i++) {
      key[i] = row[t.columns().indexOf(t.columnById(ids.get(i)))];
    }
    return key;
  }

  static List<ColumnMeta> keyColumns(TableDescriptor t) {
    List<ColumnMeta> out = new ArrayList<>();
    for (int id : t.primaryIndex().columnIds()) {
      ColumnDescriptor c = t.columnById(id);
      out.add(TypeMapping.meta(c.name(), t.name(), c.type(), false));
    }
    return out;
  }

  /** Finds an existing row that conflicts with a new one on the given unique index. */
  Object[] existingOn(StatementContext sc, TableDescriptor t, IndexDescriptor idx, Object[] row) {
    List<Object> key = new ArrayList<>();
    for (int id : idx.columnIds()) {
      Object v = row[t.columns().indexOf(t.columnById(id))];
      if (v == null) {
        return null; // NULLs never conflict
      }
      key.add(v);
    }
    if (idx.isPrimary()) {
      return ec.rows().get(sc.txn(), t, key.toArray()).orElse(null);
    }
    try (RowCursor c = ec.rows().scan(sc.txn(), t, idx, new IndexBounds(key, null, false, null, false), false)) {
      return c.hasNext() ? c.next() : null;
    }
  }

  /** NULL literal test. */
  private static final class SqlUtilNull {
    static boolean isNullLiteral(SqlNode n) {
      return n instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.NULL;
    }
  }
}
