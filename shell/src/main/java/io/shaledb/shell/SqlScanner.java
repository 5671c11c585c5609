package io.shaledb.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell input into statements and backslash commands without understanding SQL beyond
 * its lexical structure: a statement ends at a {@code ;} outside string literals ('...'),
 * quoted identifiers ("..."), dollar quotes ($tag$...$tag$), line comments (-- ...) and block
 * comments (nested, as in PostgreSQL). A line whose first non-blank character, at the start of a
 * statement, is a backslash is a backslash command running to the end of that line.
 * Pure and stateless.
 */
public final class SqlScanner {

  /** One unit of work. */
  public record Piece(Kind kind, String text) {
    public enum Kind { STATEMENT, BACKSLASH }
  }

  /**
   * The result of scanning.
   *
   * @param pieces complete statements (without their {@code ;}) and backslash commands, in order
   * @param tail text after the last complete piece
   * @param tailHasContent whether the tail holds more than blanks and comments
   * @param tailOpen whether the tail ends inside a quote or block comment
   */
  public record Scan(List<Piece> pieces, String tail, boolean tailHasContent, boolean tailOpen) {
    /** True when nothing is left over that needs more input. */
    public boolean complete() {
      return !tailHasContent && !tailOpen;
    }
  }

  private SqlScanner() {}

  public static Scan scan(String text) {
    List<Piece> pieces = new ArrayList<>();
    int n = text.length();
    int start = 0; // start of the current piece
    boolean content = false; // the current piece has a non-comment, non-blank character
    int i = 0;
    boolean open = false;
    while (i < n) {
      char c = text.charAt(i);
      if (!content && c == '\\') {
        int eol = text.indexOf('\n', i);
        int end = eol < 0 ? n : eol;
        pieces.add(new Piece(Piece.Kind.BACKSLASH, text.substring(i, end).trim()));
        i = eol < 0 ? n : eol + 1;
        start = i;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = skipBlockComment(text, i);
        if (end < 0) {
          open = true;
          i = n;
          break;
        }
        i = end;
        continue;
      }
      if (c == ';') {
        if (content) {
          pieces.add(new Piece(Piece.Kind.STATEMENT, text.substring(start, i).trim()));
        }
        content = false;
        i++;
        start = i;
        continue;
      }
      if (!content) {
        start = i; // leading blanks and comments are not part of the statement
      }
      content = true;
      int end;
      if (c == '\'' || c == '"') {
        end = skipQuoted(text, i, c);
      } else if (c == '$' && dollarTag(text, i) != null) {
        end = skipDollarQuoted(text, i);
      } else {
        i++;
        continue;
      }
      if (end < 0) {
        open = true;
        i = n;
        break;
      }
      i = end;
    }
    String tail = text.substring(Math.min(start, n));
    return new Scan(pieces, tail, content, open);
  }

  /** Returns the index after the closing quote, or -1 if unterminated. Doubled quotes escape. */
  private static int skipQuoted(String s, int at, char quote) {
    int i = at + 1;
    while (i < s.length()) {
      if (s.charAt(i) == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return -1;
  }

  private static int skipBlockComment(String s, int at) {
    int depth = 0;
    int i = at;
    while (i + 1 < s.length()) {
      if (s.charAt(i) == '/' && s.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else if (s.charAt(i) == '*' && s.charAt(i + 1) == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return -1;
  }

  /** The "$tag$" opening at {@code at}, or null if none (e.g. a "$1" parameter). */
  private static String dollarTag(String s, int at) {
    int i = at + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '$') {
        return s.substring(at, i + 1);
      }
      if (!(Character.isLetter(c) || c == '_' || (i > at + 1 && Character.isDigit(c)))) {
        return null;
      }
      i++;
    }
    return null;
  }

  private static int skipDollarQuoted(String s, int at) {
    String tag = dollarTag(s, at);
    int close = s.indexOf(tag, at + tag.length());
    return close < 0 ? -1 : close + tag.length();
  }
}
