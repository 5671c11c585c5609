package io.shaledb.shell;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when the typed text is a whole request and where the word under the cursor is.
 * On Enter the text is accepted only when {@link SqlScanner} finds nothing incomplete after the
 * last {@code ;} (or it is a backslash command); otherwise JLine continues on a new line with the
 * continuation prompt. Words are runs of letters, digits, '_', '.', '$' and '\'.
 */
final class SqlLineParser implements Parser {

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !line.isBlank()
        && !SqlScanner.scan(line).complete()) {
      throw new EOFError(-1, -1, "statement not terminated by ;", ";");
    }
    return words(line, cursor);
  }

  @Override
  public boolean isEscapeChar(char ch) {
    return false;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '\\';
  }

  static ParsedLine words(String line, int cursor) {
    List<String> words = new ArrayList<>();
    int wordIndex = -1;
    int wordCursor = 0;
    int i = 0;
    int n = line.length();
    while (i < n) {
      if (!isWordChar(line.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isWordChar(line.charAt(i))) {
        i++;
      }
      if (cursor >= start && cursor <= i) {
        wordIndex = words.size();
        wordCursor = cursor - start;
      }
      words.add(line.substring(start, i));
    }
    if (wordIndex < 0) {
      // The cursor is not touching a word: complete an empty word inserted at the cursor.
      int before = 0;
      for (int j = 0; j < words.size(); j++) {
        if (line.indexOf(words.get(j)) < cursor) {
          before = j + 1;
        }
      }
      words.add(before, "");
      wordIndex = before;
      wordCursor = 0;
    }
    final int wi = wordIndex;
    final int wc = wordCursor;
    final List<String> ws = List.copyOf(words);
    return new CompletingParsedLine() {
      @Override
      public CharSequence escape(CharSequence candidate, boolean complete) {
        return candidate; // names are completed as they are; nothing to escape
      }

      @Override
      public int rawWordCursor() {
        return wc;
      }

      @Override
      public int rawWordLength() {
        return ws.get(wi).length();
      }

      @Override
      public String word() {
        return ws.get(wi);
      }

      @Override
      public int wordCursor() {
        return wc;
      }

      @Override
      public int wordIndex() {
        return wi;
      }

      @Override
      public List<String> words() {
        return ws;
      }

      @Override
      public String line() {
        return line;
      }

      @Override
      public int cursor() {
        return cursor;
      }
    };
  }
}
