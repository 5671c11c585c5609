package io.shaledb.sql.parse;

import java.util.List;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlPostfixOperator;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.sql.parser.SqlParserUtil.ToTreeListItem;

/**
 * Reduces a flat Expression2 list (operands and {@link ToTreeListItem operators}) to a tree, as
 * {@link SqlParserUtil#toTree} does, in one left-to-right pass of precedence climbing instead of
 * Calcite's repeated search for the highest reducible operator over a linked token list (that
 * search and its bookkeeping were ~30% of the fast parser's time). Lists holding an operator
 * other than a prefix, postfix or binary one (BETWEEN, LIKE: Calcite's special operators), and
 * lists that are not operand/operator sequences, go to Calcite's reducer. The trees are Calcite's
 * exactly (same operators, operands, positions, and the same folding of a sign into a numeric
 * literal); {@code OperatorTreeTest} compares the two on random lists.
 *
 * <p>Precedences use Calcite's encoding: a prefix operator binds to its right with twice its left
 * precedence, a postfix operator to its left with twice its right precedence, a binary operator
 * with 2p on its left and 2p+1 on its right (left-associative when its left precedence is below
 * its right one, else the other way round). The operand of a prefix or binary operator takes in
 * the operators after it that bind more tightly than it does on its right. Where two operators
 * could bind equally tightly (EXISTS and binary +, both 80), Calcite's choice depends on the rest
 * of the list, and such lists go to Calcite's reducer.
 * Pure; thread-safe.
 */
final class OperatorTree {
  private OperatorTree() {}

  /** The tree of {@code list}; the list is modified only when Calcite's reducer takes it. */
  static SqlNode toTree(List<Object> list) {
    SqlNode tree = reduce(list);
    return tree != null ? tree : SqlParserUtil.toTree(list);
  }

  /** The tree of {@code list} by precedence climbing; null when Calcite's reducer must decide. */
  static SqlNode reduce(List<Object> list) {
    if (list.size() == 1 && list.get(0) instanceof SqlNode node) {
      return node;
    }
    long rights = 0;
    long lefts = 0;
    for (Object o : list) {
      if (o instanceof ToTreeListItem item) {
        SqlOperator op = item.getOperator();
        Kind kind = kind(op);
        if (kind == Kind.OTHER) {
          return null;
        }
        if (kind != Kind.POSTFIX) {
          rights |= 1L << ((kind == Kind.PREFIX ? op.getLeftPrec() * 2 : right(op)) & 63);
        }
        if (kind != Kind.PREFIX) {
          lefts |= 1L << (left(op, kind) & 63);
        }
      }
    }
    if ((rights & lefts) != 0) {
      // two operators may bind equally tightly to the operand between them: which one Calcite
      // reduces first then depends on the rest of the list (EXISTS a + NOT b), so it decides
      return null;
    }
    Reducer r = new Reducer(list);
    SqlNode tree = r.operand(-1);
    return r.at == list.size() ? tree : null;
  }

  private enum Kind { PREFIX, POSTFIX, BINARY, OTHER }

  private static Kind kind(SqlOperator op) {
    if (op instanceof SqlPrefixOperator) {
      return Kind.PREFIX;
    }
    if (op instanceof SqlPostfixOperator) {
      return Kind.POSTFIX;
    }
    if (op instanceof SqlBinaryOperator) {
      return Kind.BINARY;
    }
    return Kind.OTHER;
  }

  /** How tightly an operator binds to the operand on its left (postfix and binary). */
  private static int left(SqlOperator op, Kind kind) {
    if (kind == Kind.POSTFIX) {
      return op.getRightPrec() * 2;
    }
    return op.getLeftPrec() * 2 + (leftAssociative(op) ? 0 : 1);
  }

  /** How tightly a binary operator binds to the operand on its right. */
  private static int right(SqlOperator op) {
    return op.getLeftPrec() * 2 + (leftAssociative(op) ? 1 : 0);
  }

  private static boolean leftAssociative(SqlOperator op) {
    return op.getLeftPrec() < op.getRightPrec();
  }

  private static final class Reducer {
    private final List<Object> list;
    int at;

    Reducer(List<Object> list) {
      this.list = list;
    }

    /**
     * An operand and the operators after it that bind more tightly than {@code limit}; null
     * when the list is not well formed here.
     */
    SqlNode operand(int limit) {
      SqlNode node = unary();
      while (node != null && at < list.size()) {
        if (!(list.get(at) instanceof ToTreeListItem item)) {
          return null; // two operands in a row
        }
        SqlOperator op = item.getOperator();
        Kind kind = kind(op);
        if (kind == Kind.PREFIX) {
          return null; // a prefix operator after an operand
        }
        if (left(op, kind) < limit) {
          break; // (no ties: toTree hands lists with equal precedences to Calcite)
        }
        at++;
        if (kind == Kind.POSTFIX) {
          node = call(item, List.of(node));
        } else {
          SqlNode rhs = operand(right(op));
          if (rhs == null) {
            return null;
          }
          node = call(item, List.of(node, rhs));
        }
      }
      return node;
    }

    /** Prefix operators and the operand they apply to. */
    private SqlNode unary() {
      if (at >= list.size()) {
        return null;
      }
      Object o = list.get(at++);
      if (o instanceof SqlNode node) {
        return node;
      }
      ToTreeListItem item = (ToTreeListItem) o;
      if (kind(item.getOperator()) != Kind.PREFIX) {
        return null;
      }
      SqlNode operand = operand(item.getOperator().getLeftPrec() * 2);
      return operand == null ? null : call(item, List.of(operand));
    }
  }

  /** What Calcite's reducer makes of an operator applied to converted operands. */
  private static SqlNode call(ToTreeListItem item, List<SqlNode> operands) {
    SqlOperator op = item.getOperator();
    if (operands.size() == 1 && operands.get(0) instanceof SqlNumericLiteral literal) {
      if (op == SqlStdOperatorTable.UNARY_MINUS) {
        return SqlLiteral.createNegative(literal, item.getPos().plusAll(operands));
      }
      if (op == SqlStdOperatorTable.UNARY_PLUS) {
        return literal;
      }
    }
    return op.createCall(item.getPos().plusAll(operands), operands);
  }
}
