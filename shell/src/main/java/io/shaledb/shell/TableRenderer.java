package io.shaledb.shell;

import java.io.PrintWriter;

/**
 * Prints a {@link TextTable} in one of the {@link OutputFormat}s. Stateless.
 *
 * <p>TABLE (psql style): headers centred, numeric columns right-aligned, others left-aligned,
 * columns separated by " | ", a rule of dashes joined by "+", NULL shown as "NULL", line breaks
 * and tabs in values shown as \n and \t, no trailing blanks, then "(N rows)" and an empty line.
 * TSV: header then rows, tab-separated; NULL as "NULL"; backslash, tab, CR and LF escaped as
 * \\, \t, \r, \n. CSV: RFC 4180 quoting (a field containing a comma, quote, CR or LF is quoted
 * and its quotes doubled); NULL as an empty field and the empty string as "".
 */
public final class TableRenderer {
  static final String NULL_TEXT = "NULL";

  private TableRenderer() {}

  public static void render(TextTable t, OutputFormat format, PrintWriter out) {
    switch (format) {
      case TABLE -> renderAligned(t, out);
      case TSV -> renderTsv(t, out);
      case CSV -> renderCsv(t, out);
      default -> throw new IllegalArgumentException(format.toString());
    }
    out.flush();
  }

  private static void renderAligned(TextTable t, PrintWriter out) {
    int cols = t.columns().size();
    int[] width = new int[cols];
    for (int c = 0; c < cols; c++) {
      width[c] = t.columns().get(c).length();
    }
    for (String[] row : t.rows()) {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], cell(row[c]).length());
      }
    }
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cols; c++) {
      String name = t.columns().get(c);
      int left = (width[c] - name.length()) / 2;
      line.append(c == 0 ? " " : " | ").append(" ".repeat(left)).append(name)
          .append(" ".repeat(width[c] - name.length() - left));
    }
    out.println(stripTrailing(line));
    line.setLength(0);
    for (int c = 0; c < cols; c++) {
      line.append(c == 0 ? "-" : "-+-").append("-".repeat(width[c]));
    }
    out.println(line.append('-'));
    for (String[] row : t.rows()) {
      line.setLength(0);
      for (int c = 0; c < cols; c++) {
        String v = cell(row[c]);
        String pad = " ".repeat(width[c] - v.length());
        line.append(c == 0 ? " " : " | ");
        if (t.numeric().get(c)) {
          line.append(pad).append(v);
        } else {
          line.append(v).append(pad);
        }
      }
      out.println(stripTrailing(line));
    }
    int n = t.rows().size();
    out.println("(" + n + (n == 1 ? " row)" : " rows)"));
    out.println();
  }

  private static String cell(String v) {
    if (v == null) {
      return NULL_TEXT;
    }
    if (v.indexOf('\n') < 0 && v.indexOf('\t') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return v.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static String stripTrailing(StringBuilder s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  private static void renderTsv(TextTable t, PrintWriter out) {
    out.println(String.join("\t", t.columns().stream().map(TableRenderer::tsvField).toList()));
    for (String[] row : t.rows()) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          line.append('\t');
        }
        line.append(row[c] == null ? NULL_TEXT : tsvField(row[c]));
      }
      out.println(line);
    }
  }

  static String tsvField(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  private static void renderCsv(TextTable t, PrintWriter out) {
    out.println(String.join(",", t.columns().stream().map(TableRenderer::csvField).toList()));
    for (String[] row : t.rows()) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          line.append(',');
        }
        if (row[c] != null) {
          line.append(row[c].isEmpty() ? "\"\"" : csvField(row[c]));
        }
      }
      out.println(line);
    }
  }

  static String csvField(String v) {
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char ch = v.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
