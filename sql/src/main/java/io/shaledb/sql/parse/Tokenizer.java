package io.shaledb.sql.parse;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a statement into tokens the PostgreSQL way, skipping whitespace and comments
 * ({@code --}, nested-free {@code /* *}{@code /}); words fold to lower case, double-quoted
 * identifiers keep case ({@code ""} escapes a quote), single-quoted strings use {@code ''}.
 * Pure; thread-safe. The result is unmodifiable and remembered per thread for the last text: one
 * statement passes through several token-level stages (classification, PostgreSQL syntax rewriting,
 * reserved-word quoting, the fast query parser) that mostly leave its text unchanged, and each used
 * to tokenize it again.
 */
public final class Tokenizer {
  private record Last(String sql, List<Token> tokens) {}

  private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

  private Tokenizer() {}

  public static List<Token> tokenize(String sql) {
    Last last = LAST.get();
    if (last != null && (last.sql == sql || last.sql.equals(sql))) {
      return last.tokens;
    }
    List<Token> tokens = Collections.unmodifiableList(scan(sql));
    LAST.set(new Last(sql, tokens));
    return tokens;
  }

  private static List<Token> scan(String sql) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int e = sql.indexOf("*/", i + 2);
        if (e < 0) {
          throw new SqlError(SqlState.SYNTAX_ERROR, "unterminated /* comment", i + 1, null, null, null);
        }
        i = e + 2;
      } else if (c == '\'' || (c == 'E' || c == 'e' || c == 'X' || c == 'x') && i + 1 < n && sql.charAt(i + 1) == '\'') {
        int s = i;
        int j = c == '\'' ? i + 1 : i + 2;
        StringBuilder b = new StringBuilder();
        while (true) {
          if (j >= n) {
            throw new SqlError(SqlState.SYNTAX_ERROR, "unterminated quoted string", s + 1, null, null, null);
          }
          char d = sql.charAt(j);
          if (d == '\'') {
            if (j + 1 < n && sql.charAt(j + 1) == '\'') {
              b.append('\'');
              j += 2;
              continue;
            }
            j++;
            break;
          }
          b.append(d);
          j++;
        }
        out.add(new Token(Token.Kind.STRING, b.toString(), s, j));
        i = j;
      } else if (c == '"') {
        int s = i;
        int j = i + 1;
        StringBuilder b = new StringBuilder();
        while (true) {
          if (j >= n) {
            throw new SqlError(SqlState.SYNTAX_ERROR, "unterminated quoted identifier", s + 1, null, null, null);
          }
          char d = sql.charAt(j);
          if (d == '"') {
            if (j + 1 < n && sql.charAt(j + 1) == '"') {
              b.append('"');
              j += 2;
              continue;
            }
            j++;
            break;
          }
          b.append(d);
          j++;
        }
        out.add(new Token(Token.Kind.QUOTED_IDENT, b.toString(), s, j));
        i = j;
      } else if (Character.isLetter(c) || c == '_') {
        int s = i;
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
          i++;
        }
        out.add(new Token(Token.Kind.WORD, sql.substring(s, i).toLowerCase(java.util.Locale.ROOT), s, i));
      } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        int s = i;
        while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
          i++;
          if (i < n && (sql.charAt(i) == '+' || sql.charAt(i) == '-')) {
            i++;
          }
          while (i < n && Character.isDigit(sql.charAt(i))) {
            i++;
          }
        }
        out.add(new Token(Token.Kind.NUMBER, sql.substring(s, i), s, i));
      } else if (c == '?') {
        out.add(new Token(Token.Kind.PARAM, "?", i, i + 1));
        i++;
      } else {
        String two = i + 1 < n ? sql.substring(i, i + 2) : "";
        if (two.equals("<=") || two.equals(">=") || two.equals("<>") || two.equals("!=")
            || two.equals("||") || two.equals("::")) {
          out.add(new Token(Token.Kind.SYMBOL, two, i, i + 2));
          i += 2;
        } else {
          out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), i, i + 1));
          i++;
        }
      }
    }
    return out;
  }
}
