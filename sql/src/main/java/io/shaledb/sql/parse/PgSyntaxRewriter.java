package io.shaledb.sql.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rewrites PostgreSQL spellings Calcite's grammar lacks before parsing: {@code expr::type} becomes
 * {@code CAST(expr AS type)}, and PostgreSQL type names in casts ({@code text}, {@code int8},
 * {@code bool}, {@code bytea}, ...) become Calcite's. The operand of {@code ::} is the preceding
 * literal, parameter, (qualified) name, or parenthesised group with its function name. An empty
 * IN list ({@code x IN ()}, which SQLite accepts: always false, and NOT IN always true) becomes
 * {@code x IN (shale_empty_in_list())}, a marker the planner replaces by the constant. Pure.
 */
public final class PgSyntaxRewriter {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("text", "VARCHAR"), Map.entry("string", "VARCHAR"), Map.entry("int2", "SMALLINT"),
      Map.entry("int4", "INTEGER"), Map.entry("int", "INTEGER"), Map.entry("int8", "BIGINT"),
      Map.entry("float4", "REAL"), Map.entry("float8", "DOUBLE"), Map.entry("float", "DOUBLE"),
      Map.entry("bool", "BOOLEAN"), Map.entry("bytea", "VARBINARY"), Map.entry("bytes", "VARBINARY"),
      Map.entry("numeric", "DECIMAL"), Map.entry("bpchar", "CHAR"));

  /** The function that stands for the missing element of an empty IN list (see the planner). */
  public static final String EMPTY_IN_MARKER = "shale_empty_in_list";

  private PgSyntaxRewriter() {}

  static String rewrite(String sql) {
    List<Token> toks;
    try {
      toks = Tokenizer.tokenize(sql);
    } catch (RuntimeException e) {
      return sql;
    }
    boolean any = false;
    boolean emptyIn = false;
    for (int i = 0; i < toks.size(); i++) {
      Token t = toks.get(i);
      if (t.isSymbol("::") || t.is("cast")) {
        any = true;
      } else if (t.is("in") && i + 2 < toks.size() && toks.get(i + 1).isSymbol("(")
          && toks.get(i + 2).isSymbol(")")) {
        emptyIn = true;
      }
    }
    if (emptyIn) {
      sql = markEmptyInLists(sql, toks);
    }
    if (!any) {
      return sql;
    }
    // Process the last '::' first so earlier offsets stay valid; repeat until none remain.
    String cur = sql;
    for (int guard = 0; guard < 100; guard++) {
      List<Token> ts = Tokenizer.tokenize(cur);
      int at = -1;
      for (int i = ts.size() - 1; i >= 0; i--) {
        if (ts.get(i).isSymbol("::")) {
          at = i;
          break;
        }
      }
      if (at < 1) {
        break;
      }
      int opStart = operandStart(ts, at - 1);
      int typeEnd = typeEnd(ts, at + 1);
      if (opStart < 0 || typeEnd < 0) {
        break;
      }
      String operand = cur.substring(ts.get(opStart).start(), ts.get(at - 1).end());
      String type = cur.substring(ts.get(at + 1).start(), ts.get(typeEnd).end());
      cur = cur.substring(0, ts.get(opStart).start()) + "CAST(" + operand + " AS " + type + ")"
          + cur.substring(ts.get(typeEnd).end());
    }
    return mapCastTypes(cur);
  }

  private static String markEmptyInLists(String sql, List<Token> toks) {
    StringBuilder b = new StringBuilder();
    int copied = 0;
    for (int i = 0; i + 2 < toks.size(); i++) {
      if (toks.get(i).is("in") && toks.get(i + 1).isSymbol("(") && toks.get(i + 2).isSymbol(")")) {
        b.append(sql, copied, toks.get(i + 1).end()).append(EMPTY_IN_MARKER).append("()");
        copied = toks.get(i + 2).start();
      }
    }
    return b.append(sql.substring(copied)).toString();
  }

  /** Index of the first token of the operand ending at token {@code end}, or -1. */
  private static int operandStart(List<Token> ts, int end) {
    Token t = ts.get(end);
    int i = end;
    if (t.isSymbol(")")) {
      int depth = 0;
      for (; i >= 0; i--) {
        if (ts.get(i).isSymbol(")")) {
          depth++;
        } else if (ts.get(i).isSymbol("(")) {
          depth--;
          if (depth == 0) {
            break;
          }
        }
      }
      if (i < 0) {
        return -1;
      }
      if (i > 0 && ts.get(i - 1).isIdentifier()) {
        i--;
      }
    } else if (!(t.isIdentifier() || t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.NUMBER
        || t.kind() == Token.Kind.PARAM)) {
      return -1;
    }
    while (i >= 2 && ts.get(i - 1).isSymbol(".") && ts.get(i - 2).isIdentifier()) {
      i -= 2;
    }
    return i;
  }

  /** Index of the last token of the type name starting at {@code start}, or -1. */
  private static int typeEnd(List<Token> ts, int start) {
    if (start >= ts.size() || ts.get(start).kind() != Token.Kind.WORD) {
      return -1;
    }
    int i = start;
    String w = ts.get(i).text();
    if ((w.equals("double") && i + 1 < ts.size() && ts.get(i + 1).is("precision"))
        || (w.equals("character") && i + 1 < ts.size() && ts.get(i + 1).is("varying"))) {
      i++;
    }
    if (i + 1 < ts.size() && ts.get(i + 1).isSymbol("(")) {
      int j = i + 1;
      while (j < ts.size() && !ts.get(j).isSymbol(")")) {
        j++;
      }
      if (j >= ts.size()) {
        return -1;
      }
      i = j;
    }
    return i;
  }

  /** Replaces PostgreSQL type names after AS inside CAST( ... ). */
  private static String mapCastTypes(String sql) {
    List<Token> ts = Tokenizer.tokenize(sql);
    StringBuilder b = new StringBuilder();
    int copied = 0;
    Deque<Boolean> castParens = new ArrayDeque<>();
    for (int i = 0; i < ts.size(); i++) {
      Token t = ts.get(i);
      if (t.isSymbol("(")) {
        castParens.push(i > 0 && ts.get(i - 1).is("cast"));
      } else if (t.isSymbol(")")) {
        if (!castParens.isEmpty()) {
          castParens.pop();
        }
      } else if (t.kind() == Token.Kind.WORD && i > 0 && ts.get(i - 1).is("as")
          && !castParens.isEmpty() && castParens.peek()) {
        String mapped = TYPES.get(t.text().toLowerCase(Locale.ROOT));
        if (mapped != null) {
          b.append(sql, copied, t.start()).append(mapped);
          copied = t.end();
        }
      }
    }
    return b.append(sql.substring(copied)).toString();
  }
}
