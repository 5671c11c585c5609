package io.shaledb.sql.plan;

import io.shaledb.sql.parse.PgSyntaxRewriter;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Maps PostgreSQL function spellings onto Calcite's operators before validation
 * ({@code length} -> CHAR_LENGTH, {@code substr} -> SUBSTRING, {@code ceiling} -> CEIL) and
 * drops unary plus ({@code +col} is {@code col}, whatever its type); replaces {@code x IN ()} by
 * FALSE and {@code x NOT IN ()} by TRUE (see {@code PgSyntaxRewriter}).
 */
final class FunctionRewriter extends SqlShuttle {
  /** Reported by {@code version()}. */
  static final String VERSION = "ShaleDB 0.1.0 (PostgreSQL 13 compatible subset)";

  private final String database;

  FunctionRewriter(String database) {
    this.database = database;
  }

  @Override
  public SqlNode visit(SqlCall call) {
    SqlCall c = (SqlCall) super.visit(call);
    if (c == null) {
      return null;
    }
    if ((c.getKind() == SqlKind.IN || c.getKind() == SqlKind.NOT_IN)
        && c.operand(1) instanceof org.apache.calcite.sql.SqlNodeList list && list.size() == 1
        && list.get(0) instanceof SqlCall marker && marker.getOperandList().isEmpty()
        && marker.getOperator().getName().equalsIgnoreCase(PgSyntaxRewriter.EMPTY_IN_MARKER)) {
      // x IN () is false and x NOT IN () true, even for a NULL x (SQLite)
      return SqlLiteral.createBoolean(c.getKind() == SqlKind.NOT_IN, c.getParserPosition());
    }
    if (c.getKind() == SqlKind.PLUS_PREFIX && !(c.operand(0) instanceof org.apache.calcite.sql.SqlNumericLiteral)) {
      // Unary plus is a no-op on the value and its type (SQLite); Calcite's operator only takes
      // numbers and would cast a text operand to a number. Numbers keep it (harmless).
      return c.operand(0);
    }
    SqlOperator op = c.getOperator();
    if (op instanceof SqlUnresolvedFunction || op instanceof SqlFunction f && f.getSqlIdentifier() != null) {
      SqlIdentifier id = ((SqlFunction) op).getSqlIdentifier();
      String name = id == null ? op.getName() : id.getSimple();
      List<SqlNode> ops = c.getOperandList();
      SqlOperator replacement = switch (name.toLowerCase(java.util.Locale.ROOT)) {
        case "length", "char_length", "character_length" -> SqlStdOperatorTable.CHAR_LENGTH;
        case "substr", "substring" -> SqlStdOperatorTable.SUBSTRING;
        case "ceiling" -> SqlStdOperatorTable.CEIL;
        default -> null;
      };
      if (ops.isEmpty()) {
        String constant = switch (name.toLowerCase(java.util.Locale.ROOT)) {
          case "version" -> VERSION;
          case "current_database" -> database;
          case "current_schema" -> "public";
          default -> null;
        };
        if (constant != null) {
          return org.apache.calcite.sql.SqlLiteral.createCharString(constant, c.getParserPosition());
        }
      }
      if (name.equalsIgnoreCase("now") && ops.isEmpty()) {
        return new SqlBasicCall(SqlStdOperatorTable.CURRENT_TIMESTAMP, List.of(), c.getParserPosition());
      }
      if (replacement != null) {
        return new SqlBasicCall(replacement, ops, c.getParserPosition());
      }
    }
    return c;
  }
}
