package io.shaledb.sql.parse;

/**
 * One lexical token of a statement.
 *
 * @param kind what sort of token
 * @param text identifier (folded to lower case unless quoted), keyword, literal body or symbol
 * @param start 0-based offset of the token's first character in the statement
 * @param end 0-based offset just after the token
 */
public record Token(Kind kind, String text, int start, int end) {
  /** Token kinds. */
  public enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, SYMBOL, PARAM }

  /**
   * Whether this is the unquoted word {@code w}, given in lower case: words are folded to lower
   * case when tokenized, so this is an exact comparison (the parsers ask it of every token).
   */
  public boolean is(String w) {
    return kind == Kind.WORD && text.equals(w);
  }

  public boolean isSymbol(String s) {
    return kind == Kind.SYMBOL && text.equals(s);
  }

  /** An identifier: a word folded to lower case, or a quoted identifier as written. */
  public boolean isIdentifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
  }
}
