package io.shaledb.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes SQL keywords, table names and column names ({@code table.col} completes the columns
 * of that table). A lower-case prefix gets lower-case candidates. Candidates are already filtered
 * by the prefix (case-insensitively). Not thread-safe (JLine calls it from the reading thread).
 */
public final class SqlCompleter implements Completer {
  static final List<String> KEYWORDS = List.of(
      "ALL", "ALTER", "AND", "AS", "ASC", "BEGIN", "BETWEEN", "BIGINT", "BOOLEAN", "BY", "BYTEA",
      "CASE", "CAST", "CHAR", "COMMIT", "COUNT", "CREATE", "CROSS", "DATABASE", "DATE", "DECIMAL",
      "DEFAULT", "DELETE", "DESC", "DISTINCT", "DOUBLE", "DROP", "ELSE", "END", "EXISTS",
      "EXPLAIN", "FALSE", "FROM", "FULL", "GROUP", "HAVING", "IN", "INDEX", "INNER", "INSERT",
      "INT", "INTEGER", "INTO", "IS", "JOIN", "KEY", "LEFT", "LIKE", "LIMIT", "NOT", "NULL",
      "NUMERIC", "OFFSET", "ON", "OR", "ORDER", "OUTER", "PRECISION", "PRIMARY", "REAL",
      "REFERENCES", "RIGHT", "ROLLBACK", "SELECT", "SET", "SHOW", "SMALLINT", "TABLE", "TEXT",
      "THEN", "TIMESTAMP", "TRANSACTION", "TRUE", "UNION", "UNIQUE", "UPDATE", "USING", "VALUES",
      "VARCHAR", "VIEW", "WHEN", "WHERE", "WITH");

  private final SchemaNames names;

  public SqlCompleter(SchemaNames names) {
    this.names = names;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    candidates.addAll(candidatesFor(word));
  }

  /** The candidates for the word being typed (the part before the cursor). */
  public List<Candidate> candidatesFor(String word) {
    List<Candidate> out = new ArrayList<>();
    if (word.startsWith("\\")) {
      return out;
    }
    boolean lower = !word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT));
    int dot = word.lastIndexOf('.');
    if (dot >= 0) {
      String table = word.substring(0, dot);
      String prefix = word.substring(dot + 1);
      for (String c : names.columns(table)) {
        add(out, table + ".", c, prefix, lower, "column", false);
      }
      return out;
    }
    for (String k : KEYWORDS) {
      add(out, "", k, word, lower, "keyword", true);
    }
    for (String t : names.tables()) {
      add(out, "", t, word, lower, "table", true);
    }
    for (String c : names.allColumns()) {
      add(out, "", c, word, lower, "column", true);
    }
    return out;
  }

  private static void add(List<Candidate> out, String qualifier, String name, String prefix,
      boolean lower, String group, boolean complete) {
    if (!name.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return;
    }
    String shown = lower ? name.toLowerCase(Locale.ROOT) : name;
    String value = qualifier + shown;
    for (Candidate c : out) {
      if (c.value().equals(value)) {
        return;
      }
    }
    out.add(new Candidate(value, shown, group, null, null, null, complete));
  }
}
