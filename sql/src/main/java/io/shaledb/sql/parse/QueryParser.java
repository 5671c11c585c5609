package io.shaledb.sql.parse;

import io.shaledb.sql.SqlError;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.sql.parser.ddl.SqlDdlParserImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A hand-written parser for the common shapes of SELECT statements that builds exactly the
 * SqlNode tree Calcite's generated parser builds for them (same node classes, operators, literal
 * folding and operator precedence, the latter by handing the flat operand/operator list to
 * Calcite's own {@link SqlParserUtil#toTree}), about ten times faster. Anything outside its subset
 * (other statements, quoted identifiers, row constructors, derived tables, most built-in function
 * syntax, syntax errors) makes {@link #tryParse} return null, and the caller runs Calcite's parser,
 * which also produces the error messages. Tests compare its trees with Calcite's over thousands of
 * sqllogictest queries. Pure; thread-safe.
 */
public final class QueryParser {
  /** Thrown inside the parser when the text leaves the subset; never escapes {@link #tryParse}. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();

  private static final SqlAbstractParserImpl.Metadata METADATA =
      SqlDdlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();

  /** Functions called with the plain name(args) syntax; others may be Calcite built-in syntax. */
  private static final Set<String> PLAIN_FUNCTIONS =
      Set.of("abs", "count", "sum", "avg", "min", "max", "coalesce", "nullif");

  /** Words this parser gives a meaning to wherever they appear. */
  private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "group", "by", "having",
      "order", "limit", "offset", "union", "except", "intersect", "all", "distinct", "as", "on", "join",
      "inner", "left", "right", "full", "outer", "cross", "natural", "using", "and", "or", "not", "is",
      "null", "true", "false", "unknown", "in", "between", "symmetric", "asymmetric", "like", "escape",
      "case", "when", "then", "else", "end", "cast", "exists", "asc", "desc", "nulls", "fetch", "window",
      "qualify", "some", "any", "similar", "values", "table", "with", "lateral", "unnest", "row");

  private static final Pattern EXACT = Pattern.compile("[0-9]+(\\.[0-9]+)?|\\.[0-9]+");
  private static final Pattern APPROX = Pattern.compile("([0-9]+(\\.[0-9]*)?|\\.[0-9]+)[eE][+-]?[0-9]+");

  private final String text;
  private final List<Token> tokens;
  private final int[] lineStarts;
  private int p;
  private int params;

  private QueryParser(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
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

  // ------------------------------------------------------------------ tokens and positions

  private Token peek() {
    return p < tokens.size() ? tokens.get(p) : null;
  }

  private Token peek(int ahead) {
    return p + ahead < tokens.size() ? tokens.get(p + ahead) : null;
  }

  private boolean atWord(String w) {
    Token t = peek();
    return t != null && t.is(w);
  }

  private boolean atWord(int ahead, String w) {
    Token t = peek(ahead);
    return t != null && t.is(w);
  }

  private boolean atSymbol(String s) {
    Token t = peek();
    return t != null && t.isSymbol(s);
  }

  private boolean acceptWord(String w) {
    if (atWord(w)) {
      p++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String s) {
    if (atSymbol(s)) {
      p++;
      return true;
    }
    return false;
  }

  private void expectWord(String w) {
    if (!acceptWord(w)) {
      throw UNSUPPORTED;
    }
  }

  private void expectSymbol(String s) {
    if (!acceptSymbol(s)) {
      throw UNSUPPORTED;
    }
  }

  private int line(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The position from token {@code from} to token {@code to} (inclusive), 1-based as Calcite's. */
  private SqlParserPos pos(int from, int to) {
    int s = tokens.get(from).start();
    int e = tokens.get(Math.max(from, to)).end() - 1;
    int ls = line(s);
    int le = line(e);
    return new SqlParserPos(ls + 1, s - lineStarts[ls] + 1, le + 1, e - lineStarts[le] + 1);
  }

  private SqlParserPos pos(int at) {
    return pos(at, at);
  }

  // ------------------------------------------------------------------ queries

  private SqlNode orderedQuery() {
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

  /** An unquoted word that Calcite would read as an identifier (not reserved, not ours). */
  private static boolean isPlainIdentifier(Token t) {
    return t != null && t.kind() == Token.Kind.WORD && !KEYWORDS.contains(t.text())
        && !METADATA.isReservedWord(t.text().toUpperCase(Locale.ROOT));
  }

  private SqlIdentifier simpleIdentifier() {
    Token t = peek();
    if (!isPlainIdentifier(t)) {
      throw UNSUPPORTED;
    }
    p++;
    return new SqlIdentifier(t.text(), pos(p - 1));
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

  /** name(.name)* and, when {@code star}, a trailing {@code .*}. */
  private SqlIdentifier compoundIdentifier(boolean star) {
    int start = p;
    List<String> names = new ArrayList<>();
    List<SqlParserPos> positions = new ArrayList<>();
    names.add(simpleIdentifier().getSimple());
    positions.add(pos(p - 1));
    while (atSymbol(".")) {
      p++;
      if (atSymbol("*")) {
        if (!star) {
          throw UNSUPPORTED;
        }
        p++;
        names.add("");
        positions.add(pos(p - 1));
        return SqlIdentifier.star(names, pos(start, p - 1), positions);
      }
      names.add(simpleIdentifier().getSimple());
      positions.add(pos(p - 1));
    }
    return new SqlIdentifier(names, null, pos(start, p - 1), positions);
  }

  // ------------------------------------------------------------------ expressions

  private SqlNode expression() {
    List<Object> list = expression2();
    return SqlParserUtil.toTree(list);
  }

  /** The flat operand/operator list Calcite's Expression2 production builds. */
  private List<Object> expression2() {
    List<Object> list = new ArrayList<>();
    addExpression2b(list);
    while (true) {
      int s = p;
      Token t = peek();
      if (t == null) {
        return list;
      }
      if (t.is("in") || t.is("not") && atWord(1, "in")) {
        SqlOperator op = t.is("not") ? SqlStdOperatorTable.NOT_IN : SqlStdOperatorTable.IN;
        p += t.is("not") ? 2 : 1;
        SqlParserPos opPos = pos(s, p - 1);
        SqlNode rhs = parenthesizedQueryOrList();
        list.add(new SqlParserUtil.ToTreeListItem(op, opPos));
        list.add(rhs);
      } else if (t.is("between") || t.is("not") && atWord(1, "between")) {
        SqlOperator op = t.is("not") ? SqlStdOperatorTable.NOT_BETWEEN : SqlStdOperatorTable.BETWEEN;
        p += t.is("not") ? 2 : 1;
        if (atWord("symmetric")) {
          throw UNSUPPORTED;
        }
        acceptWord("asymmetric");
        SqlParserPos opPos = pos(s, p - 1);
        List<Object> rhs = new ArrayList<>();
        addExpression2b(rhs);
        list.add(new SqlParserUtil.ToTreeListItem(op, opPos));
        list.addAll(rhs);
      } else if (t.is("like") || t.is("not") && atWord(1, "like")) {
        SqlOperator op = t.is("not") ? SqlStdOperatorTable.NOT_LIKE : SqlStdOperatorTable.LIKE;
        p += t.is("not") ? 2 : 1;
        SqlParserPos opPos = pos(s, p - 1);
        List<Object> rhs = expression2();
        list.add(new SqlParserUtil.ToTreeListItem(op, opPos));
        list.addAll(rhs);
        if (atWord("escape")) {
          throw UNSUPPORTED;
        }
      } else if (t.is("is")) {
        SqlOperator post = postfix();
        if (post == null) {
          SqlOperator op;
          if (atWord(1, "distinct") && atWord(2, "from")) {
            op = SqlStdOperatorTable.IS_DISTINCT_FROM;
            p += 3;
          } else if (atWord(1, "not") && atWord(2, "distinct") && atWord(3, "from")) {
            op = SqlStdOperatorTable.IS_NOT_DISTINCT_FROM;
            p += 4;
          } else {
            throw UNSUPPORTED;
          }
          list.add(new SqlParserUtil.ToTreeListItem(op, pos(s, p - 1)));
          addExpression2b(list);
        } else {
          list.add(new SqlParserUtil.ToTreeListItem(post, pos(s, p - 1)));
        }
      } else {
        SqlOperator op = binary(t);
        if (op == null) {
          return list;
        }
        p++;
        list.add(new SqlParserUtil.ToTreeListItem(op, pos(s)));
        addExpression2b(list);
      }
    }
  }

  /** IS [NOT] NULL/TRUE/FALSE/UNKNOWN at the cursor (consumed), or null (nothing consumed). */
  private SqlOperator postfix() {
    boolean not = atWord(1, "not");
    Token what = peek(not ? 2 : 1);
    if (what == null) {
      return null;
    }
    SqlOperator op;
    if (what.is("null")) {
      op = not ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL;
    } else if (what.is("true")) {
      op = not ? SqlStdOperatorTable.IS_NOT_TRUE : SqlStdOperatorTable.IS_TRUE;
    } else if (what.is("false")) {
      op = not ? SqlStdOperatorTable.IS_NOT_FALSE : SqlStdOperatorTable.IS_FALSE;
    } else if (what.is("unknown")) {
      op = not ? SqlStdOperatorTable.IS_NOT_UNKNOWN : SqlStdOperatorTable.IS_UNKNOWN;
    } else {
      return null;
    }
    p += not ? 3 : 2;
    return op;
  }

  private static SqlOperator binary(Token t) {
    if (t.kind() == Token.Kind.SYMBOL) {
      switch (t.text()) {
        case "=": return SqlStdOperatorTable.EQUALS;
        case ">": return SqlStdOperatorTable.GREATER_THAN;
        case "<": return SqlStdOperatorTable.LESS_THAN;
        case "<=": return SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
        case ">=": return SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
        case "<>", "!=": return SqlStdOperatorTable.NOT_EQUALS;
        case "+": return SqlStdOperatorTable.PLUS;
        case "-": return SqlStdOperatorTable.MINUS;
        case "*": return SqlStdOperatorTable.MULTIPLY;
        case "/": return SqlStdOperatorTable.DIVIDE;
        case "%": return SqlStdOperatorTable.PERCENT_REMAINDER;
        case "||": return SqlStdOperatorTable.CONCAT;
        default: return null;
      }
    }
    if (t.is("and")) {
      return SqlStdOperatorTable.AND;
    }
    if (t.is("or")) {
      return SqlStdOperatorTable.OR;
    }
    return null;
  }

  /** Prefix operators, then an atom (Calcite's AddExpression2b without dot chains). */
  private void addExpression2b(List<Object> list) {
    while (true) {
      int s = p;
      SqlOperator op;
      if (acceptSymbol("+")) {
        op = SqlStdOperatorTable.UNARY_PLUS;
      } else if (acceptSymbol("-")) {
        op = SqlStdOperatorTable.UNARY_MINUS;
      } else if (acceptWord("not")) {
        op = SqlStdOperatorTable.NOT;
      } else if (acceptWord("exists")) {
        op = SqlStdOperatorTable.EXISTS;
      } else {
        break;
      }
      list.add(new SqlParserUtil.ToTreeListItem(op, pos(s)));
    }
    list.add(expression3());
    if (atSymbol(".") || atSymbol("[") || atSymbol(":") || atSymbol("::")) {
      throw UNSUPPORTED;
    }
  }

  private SqlNode expression3() {
    Token t = peek();
    if (t == null) {
      throw UNSUPPORTED;
    }
    int s = p;
    switch (t.kind()) {
      case NUMBER:
        p++;
        if (EXACT.matcher(t.text()).matches()) {
          return SqlLiteral.createExactNumeric(t.text(), pos(s));
        }
        if (APPROX.matcher(t.text()).matches()) {
          return SqlLiteral.createApproxNumeric(t.text(), pos(s));
        }
        throw UNSUPPORTED;
      case STRING:
        if (text.charAt(t.start()) != '\'') {
          throw UNSUPPORTED;
        }
        p++;
        if (peek() != null && peek().kind() == Token.Kind.STRING) {
          throw UNSUPPORTED;
        }
        return SqlLiteral.createCharString(t.text(), pos(s));
      case PARAM:
        p++;
        return new SqlDynamicParam(params++, pos(s));
      case SYMBOL:
        if (t.isSymbol("(")) {
          return parenthesized();
        }
        throw UNSUPPORTED;
      case QUOTED_IDENT:
        throw UNSUPPORTED;
      case WORD:
        break;
      default:
        throw UNSUPPORTED;
    }
    String w = t.text();
    switch (w) {
      case "null":
        p++;
        return SqlLiteral.createNull(pos(s));
      case "true":
        p++;
        return SqlLiteral.createBoolean(true, pos(s));
      case "false":
        p++;
        return SqlLiteral.createBoolean(false, pos(s));
      case "unknown":
        p++;
        return SqlLiteral.createUnknown(pos(s));
      case "case":
        return caseExpression();
      case "cast":
        return cast();
      default:
        break;
    }
    Token next = peek(1);
    if (next != null && next.isSymbol("(")) {
      return functionCall();
    }
    if (!isPlainIdentifier(t)) {
      throw UNSUPPORTED;
    }
    return compoundIdentifier(true);
  }

  /** ( query ) or ( expression ), as Calcite's single-element RowArgListWithParens. */
  private SqlNode parenthesized() {
    int s = p;
    expectSymbol("(");
    SqlNode e = atWord("select") ? orderedQuery() : expression();
    if (!atSymbol(")")) {
      throw UNSUPPORTED;
    }
    p++;
    return e.clone(pos(s, p - 1));
  }

  /** The right side of IN: a query or a parenthesized comma list. */
  private SqlNode parenthesizedQueryOrList() {
    int s = p;
    expectSymbol("(");
    if (atWord("select")) {
      SqlNode q = orderedQuery();
      expectSymbol(")");
      return q;
    }
    if (atSymbol(")")) {
      throw UNSUPPORTED;
    }
    List<SqlNode> items = new ArrayList<>();
    do {
      items.add(expression());
    } while (acceptSymbol(","));
    expectSymbol(")");
    return new SqlNodeList(items, pos(s, p - 1));
  }

  private SqlNode caseExpression() {
    int s = p;
    expectWord("case");
    SqlNode value = atWord("when") ? null : expression();
    List<SqlNode> whens = new ArrayList<>();
    List<SqlNode> thens = new ArrayList<>();
    int whenStart = p;
    int thenStart = -1;
    while (acceptWord("when")) {
      SqlNode when = expression();
      if (atSymbol(",")) {
        throw UNSUPPORTED;
      }
      whens.add(when);
      if (thenStart < 0) {
        thenStart = p;
      }
      expectWord("then");
      thens.add(expression());
    }
    if (whens.isEmpty()) {
      throw UNSUPPORTED;
    }
    SqlNode elseClause = acceptWord("else") ? expression() : null;
    expectWord("end");
    return SqlCase.createSwitched(pos(s, p - 1), value, new SqlNodeList(whens, pos(whenStart, p - 1)),
        new SqlNodeList(thens, pos(thenStart, p - 1)), elseClause);
  }

  private SqlNode cast() {
    int s = p;
    expectWord("cast");
    expectSymbol("(");
    SqlNode e = expression();
    expectWord("as");
    int ts = p;
    Token t = peek();
    SqlTypeName type;
    if (t == null || t.kind() != Token.Kind.WORD) {
      throw UNSUPPORTED;
    }
    switch (t.text()) {
      case "integer", "int" -> type = SqlTypeName.INTEGER;
      case "bigint" -> type = SqlTypeName.BIGINT;
      case "smallint" -> type = SqlTypeName.SMALLINT;
      case "real" -> type = SqlTypeName.REAL;
      case "decimal", "numeric" -> type = SqlTypeName.DECIMAL;
      case "varchar" -> type = SqlTypeName.VARCHAR;
      default -> throw UNSUPPORTED;
    }
    p++;
    if (!atSymbol(")")) {
      throw UNSUPPORTED;
    }
    SqlParserPos typePos = pos(ts);
    SqlDataTypeSpec spec = new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, typePos), typePos);
    p++;
    return SqlStdOperatorTable.CAST.createCall(pos(s, p - 1), e, spec);
  }

  private SqlNode functionCall() {
    int s = p;
    Token name = peek();
    if (name.kind() != Token.Kind.WORD || !PLAIN_FUNCTIONS.contains(name.text())) {
      throw UNSUPPORTED;
    }
    p++;
    SqlIdentifier fn = new SqlIdentifier(name.text(), pos(s));
    expectSymbol("(");
    List<SqlNode> args = new ArrayList<>();
    SqlLiteral quantifier = null;
    if (atSymbol("*") && peek(1) != null && peek(1).isSymbol(")")) {
      args.add(SqlIdentifier.star(pos(p)));
      p += 2;
    } else {
      if (atSymbol(")")) {
        throw UNSUPPORTED;
      }
      if (atWord("distinct")) {
        quantifier = SqlSelectKeyword.DISTINCT.symbol(pos(p));
        p++;
      } else if (atWord("all")) {
        quantifier = SqlSelectKeyword.ALL.symbol(pos(p));
        p++;
      }
      do {
        if (atWord("select")) {
          throw UNSUPPORTED;
        }
        args.add(expression());
      } while (acceptSymbol(","));
      expectSymbol(")");
    }
    if (atWord("over") || atWord("filter") || atWord("within") || atWord("respect") || atWord("ignore")) {
      throw UNSUPPORTED;
    }
    SqlOperator fun = new SqlUnresolvedFunction(fn, null, null, null, null,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
    return fun.createCall(quantifier, pos(s, p - 1), args.toArray(new SqlNode[0]));
  }
}
