package io.shaledb.sql.parse;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.sql.parser.ddl.SqlDdlParserImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Expressions for {@link QueryParser}: Calcite's Expression2 flat lists of prefix operators,
 * atoms, binary and postfix operators, IN/BETWEEN/LIKE, reduced as Calcite's
 * {@code SqlParserUtil.toTree} does ({@link OperatorTree}); literals, CASE, CAST, plain function
 * calls and identifiers. Sub-queries inside expressions come from the subclass's {@link #orderedQuery()}.
 */
abstract class ExpressionParser extends TokenCursor {
  static final SqlAbstractParserImpl.Metadata METADATA =
      SqlDdlParserImpl.FACTORY.getParser(new StringReader("")).getMetadata();

  /** Functions called with the plain name(args) syntax; others may be Calcite built-in syntax. */
  static final Set<String> PLAIN_FUNCTIONS =
      Set.of("abs", "count", "sum", "avg", "min", "max", "coalesce", "nullif");

  /** Words this parser gives a meaning to wherever they appear. */
  static final Set<String> KEYWORDS = Set.of("select", "from", "where", "group", "by", "having",
      "order", "limit", "offset", "union", "except", "intersect", "all", "distinct", "as", "on", "join",
      "inner", "left", "right", "full", "outer", "cross", "natural", "using", "and", "or", "not", "is",
      "null", "true", "false", "unknown", "in", "between", "symmetric", "asymmetric", "like", "escape",
      "case", "when", "then", "else", "end", "cast", "exists", "asc", "desc", "nulls", "fetch", "window",
      "qualify", "some", "any", "similar", "values", "table", "with", "lateral", "unnest", "row");

  static final Pattern EXACT = Pattern.compile("[0-9]+(\\.[0-9]+)?|\\.[0-9]+");
  static final Pattern APPROX = Pattern.compile("([0-9]+(\\.[0-9]*)?|\\.[0-9]+)[eE][+-]?[0-9]+");

  private int params;

  ExpressionParser(String text, List<Token> tokens) {
    super(text, tokens);
  }

  /** A query with optional ORDER BY / LIMIT (Calcite's OrderedQueryOrExpr for queries). */
  abstract SqlNode orderedQuery();

  /** An unquoted word that Calcite would read as an identifier (not reserved, not ours). */
  static boolean isPlainIdentifier(Token t) {
    return t != null && t.kind() == Token.Kind.WORD && !KEYWORDS.contains(t.text())
        && !METADATA.isReservedWord(t.text().toUpperCase(Locale.ROOT));
  }

  SqlIdentifier simpleIdentifier() {
    Token t = peek();
    if (!isPlainIdentifier(t)) {
      throw UNSUPPORTED;
    }
    p++;
    return new SqlIdentifier(t.text(), pos(p - 1));
  }

  /** name(.name)* and, when {@code star}, a trailing {@code .*}. */
  SqlIdentifier compoundIdentifier(boolean star) {
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

  SqlNode expression() {
    List<Object> list = expression2();
    return OperatorTree.toTree(list);
  }

  /** The flat operand/operator list Calcite's Expression2 production builds. */
  List<Object> expression2() {
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
  SqlOperator postfix() {
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

  static SqlOperator binary(Token t) {
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
  void addExpression2b(List<Object> list) {
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

  SqlNode expression3() {
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
  SqlNode parenthesized() {
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
  SqlNode parenthesizedQueryOrList() {
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

  SqlNode caseExpression() {
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

  SqlNode cast() {
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

  SqlNode functionCall() {
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
