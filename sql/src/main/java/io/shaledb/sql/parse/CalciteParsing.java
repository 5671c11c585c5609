package io.shaledb.sql.parse;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.ddl.SqlDdlParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Calcite's parser configured the PostgreSQL way: unquoted identifiers fold to lower case, quoted
 * ones keep their case, matching is case-sensitive, double quotes quote identifiers, and the
 * lenient conformance (LIMIT/OFFSET, {@code !=}). Parse errors become 42601 with a 1-based
 * position in the original statement. Stateless; thread-safe.
 */
public final class CalciteParsing {
  public static final SqlConformanceEnum CONFORMANCE = SqlConformanceEnum.LENIENT;

  public static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(SqlDdlParserImpl.FACTORY)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.TO_LOWER)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withConformance(CONFORMANCE)
      .withIdentifierMaxLength(256);

  /** Statement parses in this JVM: parsing is costly, so tests check it happens only when needed. */
  private static final java.util.concurrent.atomic.LongAdder PARSES = new java.util.concurrent.atomic.LongAdder();

  private CalciteParsing() {}

  /** How many times a statement was parsed in this JVM, by either parser (diagnostics and tests). */
  public static long parseCount() {
    return PARSES.sum();
  }

  /** The fast parser's tree for {@code text}, or null; counted as a parse either way. */
  private static SqlNode fastParse(String text) {
    if (!FAST_PARSE) {
      return null;
    }
    SqlNode n = QueryParser.tryParse(text);
    if (n != null) {
      PARSES.increment();
    }
    return n;
  }

  private static SqlParser parser(String text) {
    PARSES.increment();
    return SqlParser.create(text, CONFIG);
  }

  /**
   * Whether common SELECT shapes are parsed by {@link QueryParser} (the same trees, ~10x faster)
   * before Calcite's parser; {@code -Dshale.fastparse=false} turns it off for comparisons.
   */
  private static final boolean FAST_PARSE = !"false".equals(System.getProperty("shale.fastparse"));

  /** Parses one statement; {@code offset} is where {@code text} starts in the client's statement. */
  public static SqlNode parseStatement(String text, String original, int offset) {
    long t0 = io.shaledb.sql.plan.PlanPhase.start();
    try {
      SqlNode fast = fastParse(text);
      return fast != null ? fast : parser(text).parseStmt();
    } catch (SqlParseException e) {
      throw syntaxError(e, text, original, offset);
    } finally {
      io.shaledb.sql.plan.PlanPhase.PARSE.end(t0);
    }
  }

  /** Parses an expression (a DEFAULT clause, a SET value). */
  public static SqlNode parseExpression(String text, String original, int offset) {
    long t0 = io.shaledb.sql.plan.PlanPhase.start();
    try {
      return parser(text).parseExpression();
    } catch (SqlParseException e) {
      throw syntaxError(e, text, original, offset);
    } finally {
      io.shaledb.sql.plan.PlanPhase.PARSE.end(t0);
    }
  }

  /** Parses a query (SELECT, VALUES, WITH, set operations). */
  public static SqlNode parseQuery(String text, String original, int offset) {
    long t0 = io.shaledb.sql.plan.PlanPhase.start();
    try {
      SqlNode fast = fastParse(text);
      return fast != null ? fast : parser(text).parseQuery();
    } catch (SqlParseException e) {
      throw syntaxError(e, text, original, offset);
    } finally {
      io.shaledb.sql.plan.PlanPhase.PARSE.end(t0);
    }
  }

  /** Parses a comma-separated list of expressions. */
  public static SqlNodeList parseExpressionList(String text, String original, int offset) {
    SqlNode n = parseQuery("SELECT " + text, original, offset - "SELECT ".length());
    return ((org.apache.calcite.sql.SqlSelect) n).getSelectList();
  }

  private static SqlError syntaxError(SqlParseException e, String text, String original, int offset) {
    SqlParserPos pos = e.getPos();
    int position = 0;
    if (pos != null && pos.getLineNum() > 0) {
      position = offset + indexOf(text, pos.getLineNum(), pos.getColumnNum()) + 1;
      if (position < 1 || position > original.length() + 1) {
        position = 0;
      }
    }
    String msg = e.getMessage() == null ? "syntax error" : e.getMessage();
    int nl = msg.indexOf('\n');
    String first = nl > 0 ? msg.substring(0, nl) : msg;
    String near = position > 0 && position <= original.length()
        ? " near \"" + excerpt(original, position - 1) + "\"" : "";
    return new SqlError(SqlState.SYNTAX_ERROR, "syntax error" + near + ": " + first, position, null,
        null, e);
  }

  private static String excerpt(String s, int at) {
    int end = Math.min(s.length(), at + 20);
    return s.substring(at, end).replace('\n', ' ');
  }

  /** 0-based index of (1-based line, 1-based column) in text. */
  private static int indexOf(String text, int line, int column) {
    int idx = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', idx);
      if (nl < 0) {
        return text.length();
      }
      idx = nl + 1;
    }
    return Math.min(text.length(), idx + column - 1);
  }
}
