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
  /**
   * Per-thread memory: the last text and its tokens, and the lower-case words seen lately in a
   * direct-mapped table ({@link #WORD_SLOTS} slots by hash), so that a keyword or name met again
   * is the same String as before, with its hash already computed (the parsers and Calcite's
   * name lookups hash them), instead of two new Strings per word.
   */
  private static final class Memory {
    String lastSql;
    List<Token> lastTokens;
    final String[] words = new String[WORD_SLOTS];
  }

  /** Slots of each thread's word table (a power of two). */
  static final int WORD_SLOTS = 2048;

  private static final ThreadLocal<Memory> MEMORY = ThreadLocal.withInitial(Memory::new);

  /** One-character symbols, so that each is one shared String. */
  private static final String[] SYMBOLS = new String[128];

  static {
    for (char c = 0; c < SYMBOLS.length; c++) {
      SYMBOLS[c] = String.valueOf(c).intern();
    }
  }

  private Tokenizer() {}

  public static List<Token> tokenize(String sql) {
    Memory m = MEMORY.get();
    if (m.lastSql != null && (m.lastSql == sql || m.lastSql.equals(sql))) {
      return m.lastTokens;
    }
    List<Token> tokens = Collections.unmodifiableList(scan(sql, m.words));
    m.lastSql = sql;
    m.lastTokens = tokens;
    return tokens;
  }

  /**
   * The word {@code sql[s, e)} folded to lower case: from the table when it holds it, else a new
   * String (remembered in its slot). Words with characters outside ASCII are folded by
   * {@link String#toLowerCase} and not remembered.
   */
  private static String word(String sql, int s, int e, String[] words) {
    int h = 0;
    for (int k = s; k < e; k++) {
      char c = sql.charAt(k);
      if (c >= 128) {
        return sql.substring(s, e).toLowerCase(java.util.Locale.ROOT);
      }
      h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    int slot = (h ^ (h >>> 11)) & (WORD_SLOTS - 1);
    String w = words[slot];
    if (w != null && w.length() == e - s && w.regionMatches(true, 0, sql, s, e - s)) {
      return w;
    }
    w = sql.substring(s, e).toLowerCase(java.util.Locale.ROOT);
    words[slot] = w;
    return w;
  }

  private static List<Token> scan(String sql, String[] words) {
    List<Token> out = new ArrayList<>(sql.length() / 4 + 4);
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
        out.add(new Token(Token.Kind.WORD, word(sql, s, i, words), s, i));
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
        String two = i + 1 < n ? twoCharSymbol(c, sql.charAt(i + 1)) : null;
        if (two != null) {
          out.add(new Token(Token.Kind.SYMBOL, two, i, i + 2));
          i += 2;
        } else {
          out.add(new Token(Token.Kind.SYMBOL, c < SYMBOLS.length ? SYMBOLS[c] : String.valueOf(c), i, i + 1));
          i++;
        }
      }
    }
    return out;
  }

  /** The two-character operator {@code c d}, or null. */
  private static String twoCharSymbol(char c, char d) {
    return switch (c) {
      case '<' -> d == '=' ? "<=" : d == '>' ? "<>" : null;
      case '>' -> d == '=' ? ">=" : null;
      case '!' -> d == '=' ? "!=" : null;
      case '|' -> d == '|' ? "||" : null;
      case ':' -> d == ':' ? "::" : null;
      default -> null;
    };
  }
}
