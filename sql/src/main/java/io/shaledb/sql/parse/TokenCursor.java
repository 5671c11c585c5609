package io.shaledb.sql.parse;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The token cursor under {@link QueryParser}: tokens of one statement, the read position, and
 * Calcite-style (1-based line/column) positions of token ranges. Not thread-safe; one per parse.
 */
abstract class TokenCursor {
  /** Thrown inside the parser when the text leaves the subset; never escapes {@link QueryParser#tryParse}. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  static final Unsupported UNSUPPORTED = new Unsupported();

  final String text;
  final List<Token> tokens;
  private final int[] lineStarts;
  int p;

  TokenCursor(String text, List<Token> tokens) {
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

  // ------------------------------------------------------------------ tokens and positions

  Token peek() {
    return p < tokens.size() ? tokens.get(p) : null;
  }

  Token peek(int ahead) {
    return p + ahead < tokens.size() ? tokens.get(p + ahead) : null;
  }

  boolean atWord(String w) {
    Token t = peek();
    return t != null && t.is(w);
  }

  boolean atWord(int ahead, String w) {
    Token t = peek(ahead);
    return t != null && t.is(w);
  }

  boolean atSymbol(String s) {
    Token t = peek();
    return t != null && t.isSymbol(s);
  }

  boolean acceptWord(String w) {
    if (atWord(w)) {
      p++;
      return true;
    }
    return false;
  }

  boolean acceptSymbol(String s) {
    if (atSymbol(s)) {
      p++;
      return true;
    }
    return false;
  }

  void expectWord(String w) {
    if (!acceptWord(w)) {
      throw UNSUPPORTED;
    }
  }

  void expectSymbol(String s) {
    if (!acceptSymbol(s)) {
      throw UNSUPPORTED;
    }
  }

  int line(int offset) {
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
  SqlParserPos pos(int from, int to) {
    int s = tokens.get(from).start();
    int e = tokens.get(Math.max(from, to)).end() - 1;
    int ls = line(s);
    int le = line(e);
    return new SqlParserPos(ls + 1, s - lineStarts[ls] + 1, le + 1, e - lineStarts[le] + 1);
  }

  SqlParserPos pos(int at) {
    return pos(at, at);
  }

}
