package io.shaledb.shell;

import java.util.Locale;

/**
 * Derives a PostgreSQL-style command tag ("INSERT 0 3", "UPDATE 2", "CREATE TABLE") from a
 * statement's text and its JDBC update count, since JDBC itself does not carry the tag.
 */
public final class CommandTags {
  private CommandTags() {}

  public static String of(String sql, long updateCount) {
    String[] words = leadingWords(sql, 4);
    if (words.length == 0) {
      return "";
    }
    String first = words[0];
    switch (first) {
      case "INSERT":
        return "INSERT 0 " + updateCount;
      case "UPDATE":
      case "DELETE":
      case "MERGE":
      case "UPSERT":
        return first + " " + updateCount;
      case "CREATE":
      case "DROP":
      case "ALTER":
        if (words.length > 1) {
          String object = words[1];
          if (object.equals("UNIQUE") && words.length > 2) {
            object = words[2]; // CREATE UNIQUE INDEX
          } else if (object.equals("OR") && words.length > 3) {
            object = words[3]; // CREATE OR REPLACE VIEW
          }
          return first + " " + object;
        }
        return first;
      case "START":
        return "BEGIN";
      default:
        return first;
    }
  }

  /** Whether the statement may change the schema (so cached names must be reloaded). */
  public static boolean isDdl(String sql) {
    String[] words = leadingWords(sql, 1);
    return words.length > 0
        && (words[0].equals("CREATE") || words[0].equals("DROP") || words[0].equals("ALTER"));
  }

  private static String[] leadingWords(String sql, int max) {
    String s = stripLeadingComments(sql).toUpperCase(Locale.ROOT);
    String[] all = s.split("[^A-Z_]+");
    int n = 0;
    String[] out = new String[Math.min(max, all.length)];
    for (String w : all) {
      if (w.isEmpty()) {
        if (n == 0) {
          continue;
        }
        break;
      }
      if (n == out.length) {
        break;
      }
      out[n++] = w;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static String stripLeadingComments(String sql) {
    String s = sql.stripLeading();
    while (true) {
      if (s.startsWith("--")) {
        int eol = s.indexOf('\n');
        s = eol < 0 ? "" : s.substring(eol + 1).stripLeading();
      } else if (s.startsWith("/*")) {
        int end = s.indexOf("*/");
        s = end < 0 ? "" : s.substring(end + 2).stripLeading();
      } else {
        while (s.startsWith("(")) {
          s = s.substring(1).stripLeading();
        }
        return s;
      }
    }
  }
}
