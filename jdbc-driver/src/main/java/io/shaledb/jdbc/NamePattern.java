package io.shaledb.jdbc;

import java.util.Locale;

/**
 * JDBC metadata name patterns: {@code %} any sequence, {@code _} any one character, {@code \}
 * escapes the next character. Matching ignores case (ShaleDB folds unquoted identifiers to lower
 * case). A null pattern matches everything.
 */
final class NamePattern {
  private NamePattern() {}

  static boolean matches(String pattern, String name) {
    if (pattern == null) {
      return true;
    }
    if (name == null) {
      return false;
    }
    return match(pattern.toLowerCase(Locale.ROOT), 0, name.toLowerCase(Locale.ROOT), 0);
  }

  private static boolean match(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '%') {
        while (pi < p.length() && p.charAt(pi) == '%') {
          pi++;
        }
        if (pi == p.length()) {
          return true;
        }
        for (int k = si; k <= s.length(); k++) {
          if (match(p, pi, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length()) {
        return false;
      }
      if (c == '_') {
        pi++;
        si++;
        continue;
      }
      if (c == '\\' && pi + 1 < p.length()) {
        c = p.charAt(++pi);
      }
      if (c != s.charAt(si)) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }

  /** A pattern matching exactly {@code name} (its wildcards escaped). */
  static String quote(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (c == '%' || c == '_' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
