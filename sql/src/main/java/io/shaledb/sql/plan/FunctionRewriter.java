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
 *
 * <p>Use {@link #rewrite}: most queries hold nothing to rewrite, and a read-only look finds that
 * without the shuttle's walk, which allocates an operand array for every call it visits (about 3%
 * of a short query's server time).
 */
final class FunctionRewriter extends SqlShuttle {
  /** Reported by {@code version()}. */
  static final String VERSION = "ShaleDB 0.1.0 (PostgreSQL 13 compatible subset)";

  private final String database;

  FunctionRewriter(String database) {
    this.database = database;
  }

  /**
   * {@code node} with the rewrites applied, made in place where its calls let their operands be
   * set (the parsers' trees belong to the one planning that asked for them); {@code node} itself
   * when nothing applies.
   */
  static SqlNode rewrite(SqlNode node, String database) {
    return node == null || !needsRewrite(node) ? node : new FunctionRewriter(database).inPlace(node);
  }

  /**
   * The result of {@code node.accept(this)}, made by setting changed operands in place; a call
   * whose operands cannot be set is rewritten by the (copying) shuttle instead. The rewrites are
   * idempotent, so a subtree partly rewritten in place before that comes out the same.
   */
  private SqlNode inPlace(SqlNode node) {
    if (node instanceof org.apache.calcite.sql.SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode item = list.get(i);
        if (item != null) {
          SqlNode r = inPlace(item);
          if (r != item) {
            list.set(i, r);
          }
        }
      }
      return list;
    }
    if (!(node instanceof SqlCall call)) {
      return node;
    }
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode operand = operands.get(i);
      if (operand == null) {
        continue;
      }
      SqlNode r = inPlace(operand);
      if (r != operand) {
        try {
          call.setOperand(i, r);
        } catch (UnsupportedOperationException e) {
          return call.accept(this);
        }
      }
    }
    return rewriteCall(call);
  }

  /**
   * Whether {@link #visit(SqlCall)} would change some call in {@code node}. Looks at every operand
   * of every call (a superset of what the shuttle visits), so a false answer is safe.
   */
  static boolean needsRewrite(SqlNode node) {
    if (node instanceof org.apache.calcite.sql.SqlNodeList list) {
      for (SqlNode n : list) {
        if (n != null && needsRewrite(n)) {
          return true;
        }
      }
      return false;
    }
    if (!(node instanceof SqlCall c)) {
      return false;
    }
    if (rewritesItself(c)) {
      return true;
    }
    for (SqlNode operand : c.getOperandList()) {
      if (operand != null && needsRewrite(operand)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the IN or NOT IN call {@code c} has the marker of an empty list ({@code x IN ()}). */
  private static boolean isEmptyInList(SqlCall c) {
    return c.operand(1) instanceof org.apache.calcite.sql.SqlNodeList list && list.size() == 1
        && list.get(0) instanceof SqlCall marker && marker.getOperandList().isEmpty()
        && marker.getOperator().getName().equalsIgnoreCase(PgSyntaxRewriter.EMPTY_IN_MARKER);
  }

  /** Whether {@link #visit(SqlCall)} replaces {@code c} itself (its operands aside). */
  private static boolean rewritesItself(SqlCall c) {
    SqlKind kind = c.getKind();
    if (kind == SqlKind.IN || kind == SqlKind.NOT_IN) {
      return isEmptyInList(c);
    }
    if (kind == SqlKind.PLUS_PREFIX) {
      return true;
    }
    SqlOperator op = c.getOperator();
    if (op instanceof SqlUnresolvedFunction || op instanceof SqlFunction f && f.getSqlIdentifier() != null) {
      SqlIdentifier id = ((SqlFunction) op).getSqlIdentifier();
      String name = (id == null ? op.getName() : id.getSimple()).toLowerCase(java.util.Locale.ROOT);
      return switch (name) {
        case "length", "char_length", "character_length", "substr", "substring", "ceiling" -> true;
        case "version", "current_database", "current_schema", "now" -> c.getOperandList().isEmpty();
        default -> false;
      };
    }
    return false;
  }

  @Override
  public SqlNode visit(SqlCall call) {
    SqlCall c = (SqlCall) super.visit(call);
    return c == null ? null : rewriteCall(c);
  }

  /** What {@code c}, its operands already rewritten, becomes. */
  private SqlNode rewriteCall(SqlCall c) {
    if ((c.getKind() == SqlKind.IN || c.getKind() == SqlKind.NOT_IN) && isEmptyInList(c)) {
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
