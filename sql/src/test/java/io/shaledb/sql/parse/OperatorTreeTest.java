package io.shaledb.sql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.sql.parser.SqlParserUtil.ToTreeListItem;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;

/**
 * {@link OperatorTree} must reduce every operand/operator list to the tree Calcite's
 * {@link SqlParserUtil#toTree} makes of it: same shape, operators, folded signs and positions.
 * Random well-formed lists over the operators the fast parser emits, including BETWEEN (which
 * goes to Calcite's reducer) and sign chains over numeric literals.
 */
class OperatorTreeTest {
  private static final SqlOperator[] PREFIX = {
      SqlStdOperatorTable.UNARY_MINUS, SqlStdOperatorTable.UNARY_PLUS, SqlStdOperatorTable.NOT,
      SqlStdOperatorTable.EXISTS};
  private static final SqlOperator[] BINARY = {
      SqlStdOperatorTable.EQUALS, SqlStdOperatorTable.GREATER_THAN, SqlStdOperatorTable.LESS_THAN,
      SqlStdOperatorTable.LESS_THAN_OR_EQUAL, SqlStdOperatorTable.GREATER_THAN_OR_EQUAL,
      SqlStdOperatorTable.NOT_EQUALS, SqlStdOperatorTable.PLUS, SqlStdOperatorTable.MINUS,
      SqlStdOperatorTable.MULTIPLY, SqlStdOperatorTable.DIVIDE, SqlStdOperatorTable.PERCENT_REMAINDER,
      SqlStdOperatorTable.CONCAT, SqlStdOperatorTable.AND, SqlStdOperatorTable.OR,
      SqlStdOperatorTable.IS_DISTINCT_FROM, SqlStdOperatorTable.IS_NOT_DISTINCT_FROM,
      SqlStdOperatorTable.IN, SqlStdOperatorTable.NOT_IN};
  private static final SqlOperator[] POSTFIX = {
      SqlStdOperatorTable.IS_NULL, SqlStdOperatorTable.IS_NOT_NULL, SqlStdOperatorTable.IS_TRUE,
      SqlStdOperatorTable.IS_NOT_FALSE, SqlStdOperatorTable.IS_UNKNOWN};

  private int column;

  private SqlParserPos next() {
    column += 2;
    return new SqlParserPos(1, column - 1, 1, column);
  }

  private SqlNode atom(Random r) {
    SqlParserPos pos = next();
    return switch (r.nextInt(4)) {
      case 0 -> new SqlIdentifier("col" + r.nextInt(5), pos);
      case 1 -> SqlLiteral.createExactNumeric(String.valueOf(r.nextInt(100)), pos);
      case 2 -> SqlLiteral.createApproxNumeric(new BigDecimal(r.nextInt(100)).movePointLeft(1) + "E0", pos);
      default -> SqlLiteral.createNull(pos);
    };
  }

  private ToTreeListItem op(SqlOperator op) {
    return new ToTreeListItem(op, next());
  }

  /** Prefix operators, then an atom, as Calcite's AddExpression2b. */
  private void operand(Random r, List<Object> list) {
    while (r.nextInt(3) == 0) {
      list.add(op(PREFIX[r.nextInt(PREFIX.length)]));
    }
    list.add(atom(r));
  }

  private List<Object> randomList(Random r) {
    column = 0;
    List<Object> list = new ArrayList<>();
    operand(r, list);
    for (int n = r.nextInt(7); n > 0; n--) {
      int what = r.nextInt(10);
      if (what < 6) {
        SqlOperator op = BINARY[r.nextInt(BINARY.length)];
        list.add(op(op));
        if (op == SqlStdOperatorTable.IN || op == SqlStdOperatorTable.NOT_IN) {
          list.add(new SqlNodeList(List.of(atom(r), atom(r)), next()));
        } else {
          operand(r, list);
        }
      } else if (what < 9) {
        list.add(op(POSTFIX[r.nextInt(POSTFIX.length)]));
      } else {
        list.add(op(r.nextBoolean() ? SqlStdOperatorTable.BETWEEN : SqlStdOperatorTable.NOT_BETWEEN));
        operand(r, list);
        list.add(op(SqlStdOperatorTable.AND));
        operand(r, list);
      }
    }
    return list;
  }

  @Test
  void reducesRandomListsExactlyAsCalcite() {
    long seed = 20261123L;
    Random r = new Random(seed);
    int lists = 0;
    int reducedHere = 0;
    for (int i = 0; i < 20_000; i++) {
      List<Object> list = randomList(r);
      String text = list.toString();
      SqlNode expected;
      try {
        expected = SqlParserUtil.toTree(new ArrayList<>(list));
      } catch (RuntimeException | AssertionError e) {
        continue; // Calcite rejects it (e.g. BETWEEN without a reducible bound): the parser falls back
      }
      lists++;
      if (OperatorTree.reduce(new ArrayList<>(list)) != null) {
        reducedHere++;
      }
      SqlNode got = OperatorTree.toTree(new ArrayList<>(list));
      int n = i;
      assertTrue(expected.equalsDeep(got, Litmus.IGNORE),
          () -> "seed " + seed + " list " + n + " " + text + "\n calcite: " + expected + "\n ours:    " + got);
      assertEquals(expected.toString(), got.toString(), text);
      assertEquals(positions(expected), positions(got), text);
    }
    // most lists must take the precedence-climbing path, or this compares Calcite with itself
    assertTrue(reducedHere * 2 > lists, reducedHere + " of " + lists + " reduced without Calcite");
  }

  @Test
  void signsFoldIntoNumericLiteralsAsInCalcite() {
    column = 0;
    List<Object> list = new ArrayList<>(List.of(op(SqlStdOperatorTable.UNARY_MINUS), op(SqlStdOperatorTable.UNARY_MINUS),
        SqlLiteral.createExactNumeric("7", next()), op(SqlStdOperatorTable.MULTIPLY),
        op(SqlStdOperatorTable.UNARY_PLUS), SqlLiteral.createExactNumeric("3", next())));
    SqlNode expected = SqlParserUtil.toTree(new ArrayList<>(list));
    SqlNode got = OperatorTree.toTree(list);
    assertEquals(expected.toString(), got.toString());
    assertEquals(positions(expected), positions(got));
  }

  /** Every node's position, depth first. */
  private static String positions(SqlNode node) {
    StringBuilder b = new StringBuilder();
    node.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override
      public Void visit(org.apache.calcite.sql.SqlCall call) {
        b.append(call.getOperator().getName()).append('@').append(call.getParserPosition()).append(' ');
        return super.visit(call);
      }

      @Override
      public Void visit(SqlLiteral literal) {
        b.append(literal).append('@').append(literal.getParserPosition()).append(' ');
        return null;
      }

      @Override
      public Void visit(SqlIdentifier id) {
        b.append(id).append('@').append(id.getParserPosition()).append(' ');
        return null;
      }
    });
    return b.toString();
  }
}
