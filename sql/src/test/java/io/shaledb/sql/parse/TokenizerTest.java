package io.shaledb.sql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer folds words to lower case through a per-thread table of words seen lately; what
 * comes out must not depend on what that table holds (colliding slots, a word met in another
 * case, non-ASCII letters).
 */
class TokenizerTest {
  private static List<String> texts(String sql) {
    List<String> out = new ArrayList<>();
    for (Token t : Tokenizer.tokenize(sql)) {
      out.add(t.kind() + ":" + t.text() + "@" + t.start() + "-" + t.end());
    }
    return out;
  }

  @Test
  void wordsFoldSymbolsAndLiteralsKeepTheirText() {
    assertEquals(List.of("WORD:select@0-6", "WORD:col0@7-11", "SYMBOL:<>@12-14", "NUMBER:1.5e3@15-20",
            "SYMBOL:||@21-23", "STRING:It's@24-31", "WORD:from@32-36", "QUOTED_IDENT:Tab@37-42",
            "SYMBOL:::@42-44", "WORD:text@44-48", "SYMBOL:!@49-50", "SYMBOL:<=@50-52", "PARAM:?@52-53"),
        texts("SELECT Col0 <> 1.5e3 || 'It''s' FROM \"Tab\"::TEXT !<=?"));
  }

  @Test
  void aWordMetAgainInAnotherCaseIsTheSameString() {
    String a = Tokenizer.tokenize("SELECT x FROM t").get(0).text();
    String b = Tokenizer.tokenize("select y from t").get(0).text();
    assertEquals("select", a);
    assertSame(a, b);
  }

  @Test
  void nonAsciiWordsFoldAsStringToLowerCase() {
    assertEquals("straße", Tokenizer.tokenize("SELECT STRAßE").get(1).text());
    assertEquals("ÉTÉ".toLowerCase(Locale.ROOT), Tokenizer.tokenize("SELECT ÉTÉ").get(1).text());
  }

  /**
   * Many random words (far more than the table's slots, so slots are overwritten and collide)
   * in random case: each token is the word folded by {@link String#toLowerCase}.
   */
  @Test
  void randomWordsInRandomCaseFoldExactly() {
    long seed = 20261122L;
    Random r = new Random(seed);
    String letters = "abcdefghijklmnopqrstuvwxyz_0123456789$";
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < Tokenizer.WORD_SLOTS * 3; i++) {
      StringBuilder w = new StringBuilder().append((char) ('a' + r.nextInt(26)));
      for (int k = r.nextInt(6); k > 0; k--) {
        w.append(letters.charAt(r.nextInt(letters.length())));
      }
      pool.add(w.toString());
    }
    for (int round = 0; round < 2000; round++) {
      StringBuilder sql = new StringBuilder();
      List<String> expected = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        String w = pool.get(r.nextInt(pool.size()));
        StringBuilder mixed = new StringBuilder();
        for (char c : w.toCharArray()) {
          mixed.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        sql.append(mixed).append(' ');
        expected.add(w);
      }
      List<String> got = Tokenizer.tokenize(sql.toString()).stream().map(Token::text).toList();
      assertEquals(expected, got, "seed " + seed + " round " + round + ": " + sql);
    }
  }
}
