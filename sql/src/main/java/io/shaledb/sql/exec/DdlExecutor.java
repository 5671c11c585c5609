package io.shaledb.sql.exec;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.StatementResult;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.ColumnSpec;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.TableDescriptor;
import io.shaledb.sql.parse.CalciteParsing;
import io.shaledb.sql.parse.Stmt;
import io.shaledb.sql.plan.QueryPlanner;
import io.shaledb.sql.schema.StatementContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlNode;

/** CREATE/DROP of databases, tables, views and indexes, in the statement's transaction. */
public final class DdlExecutor {
  private final EngineContext ec;

  public DdlExecutor(EngineContext ec) {
    this.ec = ec;
  }

  public StatementResult createTable(StatementContext sc, Stmt.CreateTable ct, String sql) {
    for (ColumnSpec c : ct.spec().columns()) {
      if (c.defaultExpr() != null) {
        int at = sql.indexOf(c.defaultExpr());
        CalciteParsing.parseExpression(c.defaultExpr(), sql, Math.max(0, at));
      }
    }
    if (ct.spec().ifNotExists() && ec.catalog().table(sc.txn(), sc.databaseId(), ct.spec().name()).isPresent()) {
      return StatementResult.ofCount(0, "CREATE TABLE");
    }
    ec.catalog().createTable(sc.txn(), sc.databaseId(), ct.spec());
    return StatementResult.ofCount(0, "CREATE TABLE");
  }

  public StatementResult createView(StatementContext sc, Stmt.CreateView cv, String sql) {
    SqlNode q = CalciteParsing.parseQuery(cv.query(), sql, cv.queryOffset());
    RelDataType rowType;
    try {
      rowType = new QueryPlanner(ec.catalog(), sc.txn(), sc.databaseId(), sc.database()).validateQuery(q);
    } catch (RuntimeException e) {
      throw ErrorTranslator.translate(e, cv.query(), cv.queryOffset());
    }
    List<RelDataTypeField> fields = rowType.getFieldList();
    if (!cv.columnNames().isEmpty() && cv.columnNames().size() != fields.size()) {
      throw new SqlError(SqlState.SYNTAX_ERROR, "CREATE VIEW names " + cv.columnNames().size()
          + " columns but the query returns " + fields.size());
    }
    List<ColumnDescriptor> cols = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = cv.columnNames().isEmpty() ? fields.get(i).getName() : cv.columnNames().get(i);
      cols.add(new ColumnDescriptor(i + 1, name, sqlType(fields.get(i).getType()),
          fields.get(i).getType().isNullable(), null, false));
    }
    ec.catalog().createView(sc.txn(), sc.databaseId(), cv.name(), cv.query(), cols, cv.orReplace());
    return StatementResult.ofCount(0, "CREATE VIEW");
  }

  /** The catalog type closest to a Calcite type (for view columns). */
  static SqlType sqlType(RelDataType t) {
    return switch (t.getSqlTypeName()) {
      case TINYINT, SMALLINT -> SqlType.of(SqlType.Kind.SMALLINT);
      case INTEGER -> SqlType.of(SqlType.Kind.INTEGER);
      case BIGINT -> SqlType.of(SqlType.Kind.BIGINT);
      case DECIMAL -> new SqlType(SqlType.Kind.DECIMAL, t.getPrecision(), Math.max(0, t.getScale()));
      case REAL -> SqlType.of(SqlType.Kind.REAL);
      case FLOAT, DOUBLE -> SqlType.of(SqlType.Kind.DOUBLE);
      case CHAR -> new SqlType(SqlType.Kind.CHAR, t.getPrecision(), 0);
      case VARCHAR -> t.getPrecision() > 0 && t.getPrecision() < 1_000_000
          ? new SqlType(SqlType.Kind.VARCHAR, t.getPrecision(), 0) : SqlType.of(SqlType.Kind.TEXT);
      case BOOLEAN -> SqlType.of(SqlType.Kind.BOOLEAN);
      case DATE -> SqlType.of(SqlType.Kind.DATE);
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> SqlType.of(SqlType.Kind.TIMESTAMP);
      case BINARY, VARBINARY -> SqlType.of(SqlType.Kind.BYTEA);
      default -> SqlType.of(SqlType.Kind.TEXT);
    };
  }

  public StatementResult createIndex(StatementContext sc, Stmt.CreateIndex ci) {
    TableDescriptor t = ec.catalog().table(sc.txn(), sc.databaseId(), ci.table())
        .orElseThrow(() -> new SqlError(SqlState.UNDEFINED_TABLE, "relation \"" + ci.table() + "\" does not exist"));
    if (t.isView()) {
      throw new SqlError(SqlState.WRONG_OBJECT_TYPE, "\"" + t.name() + "\" is a view; indexes need a table");
    }
    for (String c : ci.columns()) {
      if (t.column(c).isEmpty()) {
        throw new SqlError(SqlState.UNDEFINED_COLUMN, "column \"" + c + "\" does not exist");
      }
    }
    ec.catalog().createIndex(sc.txn(), t, ci.name(), ci.unique(), ci.columns(), ci.descending(), ci.ifNotExists());
    return StatementResult.ofCount(0, "CREATE INDEX");
  }

  public StatementResult dropIndex(StatementContext sc, Stmt.DropIndex di) {
    ec.catalog().dropIndex(sc.txn(), sc.databaseId(), di.name(), di.ifExists());
    return StatementResult.ofCount(0, "DROP INDEX");
  }

  /**
   * REINDEX checks that the index or table exists and does nothing else: index entries are
   * written in the same transaction as their rows, so there is nothing to rebuild.
   */
  public StatementResult reindex(StatementContext sc, Stmt.Reindex ri) {
    if (ri.name() == null || "database".equals(ri.kind())) {
      return StatementResult.ofCount(0, "REINDEX");
    }
    boolean tableOk = !"index".equals(ri.kind());
    boolean indexOk = !"table".equals(ri.kind());
    for (TableDescriptor t : ec.catalog().tables(sc.txn(), sc.databaseId())) {
      if (t.isView()) {
        continue;
      }
      if (tableOk && t.name().equals(ri.name())) {
        return StatementResult.ofCount(0, "REINDEX");
      }
      if (indexOk && (t.primaryIndex().name().equals(ri.name())
          || t.secondaryIndexes().stream().anyMatch(i -> i.name().equals(ri.name())))) {
        return StatementResult.ofCount(0, "REINDEX");
      }
    }
    if ("table".equals(ri.kind())) {
      throw new SqlError(SqlState.UNDEFINED_TABLE, "relation \"" + ri.name() + "\" does not exist");
    }
    throw new SqlError(SqlState.UNDEFINED_OBJECT, ("index".equals(ri.kind()) ? "index \"" : "index or table \"")
        + ri.name() + "\" does not exist");
  }

  public StatementResult dropTables(StatementContext sc, Stmt.DropTable dt) {
    String kind = dt.view() ? "view" : "table";
    for (String name : dt.names()) {
      Optional<TableDescriptor> t = ec.catalog().table(sc.txn(), sc.databaseId(), name);
      if (t.isEmpty()) {
        if (dt.ifExists()) {
          continue;
        }
        throw new SqlError(SqlState.UNDEFINED_TABLE, (dt.view() ? "view" : "relation") + " \"" + name
            + "\" does not exist");
      }
      if (t.get().isView() != dt.view()) {
        throw new SqlError(SqlState.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a " + kind
            + (dt.view() ? "" : "; use DROP VIEW"));
      }
      ec.catalog().dropTable(sc.txn(), t.get());
    }
    return StatementResult.ofCount(0, dt.view() ? "DROP VIEW" : "DROP TABLE");
  }

  public StatementResult createDatabase(StatementContext sc, Stmt.CreateDatabase cd) {
    ec.catalog().createDatabase(sc.txn(), cd.name(), cd.ifNotExists());
    return StatementResult.ofCount(0, "CREATE DATABASE");
  }

  public StatementResult dropDatabase(StatementContext sc, Stmt.DropDatabase dd, String current) {
    if (dd.name().equals(current)) {
      throw new SqlError(SqlState.INVALID_PARAMETER_VALUE, "cannot drop the currently open database");
    }
    ec.catalog().dropDatabase(sc.txn(), dd.name(), dd.ifExists());
    return StatementResult.ofCount(0, "DROP DATABASE");
  }
}
