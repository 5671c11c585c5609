package io.shaledb.sql.parse;

import io.shaledb.sql.SqlError;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;

/**
 * A hand-written parser for the common shapes of SELECT statements that builds exactly the
 * SqlNode tree Calcite's generated parser builds for them (same node classes, operators, literal
 * folding and operator precedence, the latter by reducing the flat operand/operator list as
 * Calcite's {@link SqlParserUtil#toTree} does: {@link OperatorTree}), about ten times faster. Anything outside its subset
 * (other statements, quoted identifiers, row constructors, most built-in function
 * syntax, syntax errors) makes {@link #tryParse} return null, and the caller runs Calcite's parser,
 * which also produces the error messages. Tests compare its trees with Calcite's over thousands of
 * sqllogictest queries. Pure; thread-safe.
 */
public final class QueryParser extends ExpressionParser {
  private QueryParser(String text, List<Token> tokens) {
    super(text, tokens);
  }

  /**
   * The query Calcite's parser would return for {@code text}, or null when the text is outside
   * this parser's subset (then parse it with Calcite).
   */
  public static SqlNode tryParse(String text) {
    List<Token> tokens;
    try {
      tokens = Tokenizer.tokenize(text);
    } catch (SqlError e) {
      return null;
    }
    if (tokens.isEmpty() || !tokens.get(0).is("select")) {
      return null;
    }
    QueryParser q = new QueryParser(text, tokens);
    try {
      SqlNode n = q.orderedQuery();
      return q.p == tokens.size() ? n : null;
    } catch (RuntimeException e) {
      // Unsupported, or Calcite's toTree rejecting an operator sequence: Calcite's parser decides
      return null;
    }
  }

  // ------------------------------------------------------------------ queries

  @Override
  SqlNode orderedQuery() {
    int start = p;
    SqlNode e = queryOrSetOp();
    SqlNodeList orderBy = null;
    SqlNode offset = null;
    SqlNode fetch = null;
    if (atWord("order")) {
      int s = p;
      p++;
      expectWord("by");
      List<SqlNode> items = new ArrayList<>();
      do {
        items.add(orderItem());
      } while (acceptSymbol(","));
      orderBy = new SqlNodeList(items, pos(s, p - 1));
    }
    if (acceptWord("limit")) {
      if (atWord("all")) {
        throw UNSUPPORTED;
      }
      fetch = unsignedNumber();
      if (atSymbol(",")) {
        throw UNSUPPORTED;
      }
      if (acceptWord("offset")) {
        offset = unsignedNumber();
        if (atWord("row") || atWord("rows")) {
          throw UNSUPPORTED;
        }
      }
    } else if (atWord("offset") || atWord("fetch")) {
      throw UNSUPPORTED;
    }
    if (orderBy != null || offset != null || fetch != null) {
      return new SqlOrderBy(pos(start, p - 1), e, orderBy == null ? SqlNodeList.EMPTY : orderBy, offset, fetch);
    }
    return e;
  }

  private SqlNode unsignedNumber() {
    Token t = peek();
    if (t == null || t.kind() != Token.Kind.NUMBER || !EXACT.matcher(t.text()).matches()
        || t.text().contains(".")) {
      throw UNSUPPORTED;
    }
    p++;
    return SqlLiteral.createExactNumeric(t.text(), pos(p - 1));
  }

  private SqlNode orderItem() {
    SqlNode e = expression();
    if (acceptWord("asc")) {
      // no node for ASC
    } else if (atWord("desc")) {
      e = SqlStdOperatorTable.DESC.createCall(pos(p), e);
      p++;
    }
    if (atWord("nulls")) {
      throw UNSUPPORTED;
    }
    return e;
  }

  private SqlNode queryOrSetOp() {
    List<Object> list = new ArrayList<>();
    list.add(select());
    while (true) {
      int at = p;
      SqlOperator op;
      if (acceptWord("union")) {
        op = acceptWord("all") ? SqlStdOperatorTable.UNION_ALL : SqlStdOperatorTable.UNION;
      } else if (acceptWord("except")) {
        op = acceptWord("all") ? SqlStdOperatorTable.EXCEPT_ALL : SqlStdOperatorTable.EXCEPT;
      } else if (acceptWord("intersect")) {
        op = acceptWord("all") ? SqlStdOperatorTable.INTERSECT_ALL : SqlStdOperatorTable.INTERSECT;
      } else {
        break;
      }
      if (atWord("distinct")) {
        throw UNSUPPORTED;
      }
      if (!atWord("select")) {
        throw UNSUPPORTED;
      }
      list.add(new SqlParserUtil.ToTreeListItem(op, pos(at, p - 1)));
      list.add(select());
    }
    return list.size() == 1 ? (SqlNode) list.get(0) : SqlParserUtil.toTree(list);
  }

  private SqlSelect select() {
    int start = p;
    expectWord("select");
    List<SqlNode> keywords = new ArrayList<>();
    if (atWord("distinct")) {
      keywords.add(SqlSelectKeyword.DISTINCT.symbol(pos(p)));
      p++;
    } else if (atWord("all")) {
      keywords.add(SqlSelectKeyword.ALL.symbol(pos(p)));
      p++;
    }
    SqlNodeList keywordList = new SqlNodeList(keywords, keywords.isEmpty() ? pos(start) : pos(start, p - 1));
    int itemsStart = p;
    List<SqlNode> items = new ArrayList<>();
    do {
      items.add(selectItem());
    } while (acceptSymbol(","));
    SqlNodeList selectList = new SqlNodeList(items, pos(itemsStart, p - 1));
    SqlNode from = null;
    SqlNode where = null;
    SqlNodeList groupBy = null;
    SqlNode having = null;
    if (acceptWord("from")) {
      from = fromClause();
      if (acceptWord("where")) {
        where = expression();
      }
      if (atWord("group")) {
        int s = p;
        p++;
        expectWord("by");
        if (atWord("distinct") || atWord("all") || atSymbol("(") && peek(1) != null && peek(1).isSymbol(")")
            || atWord("grouping") || atWord("rollup") || atWord("cube")) {
          throw UNSUPPORTED;
        }
        List<SqlNode> keys = new ArrayList<>();
        do {
          keys.add(expression());
        } while (acceptSymbol(","));
        groupBy = new SqlNodeList(keys, pos(s, p - 1));
      }
      if (acceptWord("having")) {
        having = expression();
      }
      if (atWord("window") || atWord("qualify")) {
        throw UNSUPPORTED;
      }
    }
    return new SqlSelect(pos(start, p - 1), keywordList, selectList, from, where, groupBy, having, null, null,
        null, null, null, new SqlNodeList(pos(p - 1)));
  }

  private SqlNode selectItem() {
    if (atSymbol("*")) {
      p++;
      return SqlIdentifier.star(pos(p - 1));
    }
    int start = p;
    SqlNode e = expression();
    boolean as = acceptWord("as");
    if (as || isPlainIdentifier(peek())) {
      SqlIdentifier alias = simpleIdentifier();
      return SqlStdOperatorTable.AS.createCall(pos(start, p - 1), e, alias);
    }
    return e;
  }

  // ------------------------------------------------------------------ FROM

  private SqlNode fromClause() {
    SqlNode e = tableRef();
    while (true) {
      if (atSymbol(",")) {
        SqlParserPos at = pos(p);
        p++;
        SqlNode right = tableRef();
        e = new SqlJoin(at, e, SqlLiteral.createBoolean(false, at), JoinType.COMMA.symbol(at), right,
            JoinConditionType.NONE.symbol(SqlParserPos.ZERO), null);
        continue;
      }
      int s = p;
      JoinType type;
      if (acceptWord("join")) {
        type = JoinType.INNER;
      } else if (atWord("inner") && atWord(1, "join")) {
        p += 2;
        type = JoinType.INNER;
      } else if (atWord("cross") && atWord(1, "join")) {
        p += 2;
        type = JoinType.CROSS;
      } else if (atWord("left") && atWord(1, "join")) {
        p += 2;
        type = JoinType.LEFT;
      } else if (atWord("left") && atWord(1, "outer") && atWord(2, "join")) {
        p += 3;
        type = JoinType.LEFT;
      } else if (atWord("natural") || atWord("right") || atWord("full") || atWord("inner") || atWord("cross")
          || atWord("left")) {
        throw UNSUPPORTED;
      } else {
        return e;
      }
      SqlParserPos typePos = pos(s, p - 1);
      SqlLiteral natural = SqlLiteral.createBoolean(false, typePos);
      SqlLiteral joinType = type.symbol(typePos);
      SqlNode right = tableRef();
      if (atWord("on")) {
        SqlLiteral on = JoinConditionType.ON.symbol(pos(p));
        p++;
        SqlNode cond = expression();
        e = new SqlJoin(typePos, e, natural, joinType, right, on, cond);
      } else if (atWord("using")) {
        throw UNSUPPORTED;
      } else {
        e = new SqlJoin(typePos, e, natural, joinType, right, JoinConditionType.NONE.symbol(typePos), null);
      }
    }
  }

  private SqlNode tableRef() {
    int start = p;
    SqlNode table;
    if (atSymbol("(") && atWord(1, "select")) {
      // a derived table: Calcite's ParenthesizedExpression returns the query itself
      p++;
      table = orderedQuery();
      expectSymbol(")");
    } else if (isPlainIdentifier(peek())) {
      table = compoundIdentifier(false);
    } else {
      throw UNSUPPORTED;
    }
    if (atSymbol("(") || atWord("tablesample") || atWord("for") || atWord("match_recognize")) {
      throw UNSUPPORTED;
    }
    boolean as = acceptWord("as");
    if (as || isPlainIdentifier(peek())) {
      SqlIdentifier alias = simpleIdentifier();
      if (atSymbol("(")) {
        throw UNSUPPORTED;
      }
      return SqlStdOperatorTable.AS.createCall(pos(start, p - 1), table, alias);
    }
    return table;
  }
}
