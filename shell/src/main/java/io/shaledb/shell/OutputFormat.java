package io.shaledb.shell;

import java.util.Locale;

/** How result sets are printed. */
public enum OutputFormat {
  /** Aligned columns under a header rule and a "(N rows)" footer, like psql; for people. */
  TABLE,
  /** A header line, then one line per row, tab-separated, NULL as "NULL"; for pipes. */
  TSV,
  /** RFC 4180: fields with commas, quotes or line breaks quoted, quotes doubled; NULL empty. */
  CSV;

  /** Parses "table", "tsv" or "csv" (any case). */
  public static OutputFormat parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown format \"" + name + "\" (expected table, tsv or csv)");
    }
  }

  /** Whether command tags and notices go to standard output (only for people reading a table). */
  boolean tagsOnStdout() {
    return this == TABLE;
  }
}
