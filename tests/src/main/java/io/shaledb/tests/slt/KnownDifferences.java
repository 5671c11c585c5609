package io.shaledb.tests.slt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checked-in list of sqllogictest statements and queries whose failure is known and explained
 * ({@code slt/known-differences.tsv} on the class path). A listed failure is reported as
 * "listed", not as a failure; a listed entry that passes is reported as "now passing" so the list
 * only shrinks.
 *
 * <p>Format: UTF-8, one entry per line, {@code #} starts a comment line, six tab-separated columns:
 * {@code file line kind category sql reason}, where {@code file} is the path inside the suite
 * without {@code test/} ({@code evidence/in1.test}), {@code line} the 1-based line of the record's
 * {@code statement}/{@code query} header (for readers; matching is by SQL), {@code kind} is
 * {@code statement} or {@code query}, {@code category} is {@code postgresql-differs} (ShaleDB
 * follows PostgreSQL, the reason says how PostgreSQL behaves) or {@code shaledb-bug}, and
 * {@code sql} is the statement text with every run of white space collapsed to one space.
 *
 * <p>Immutable and thread-safe.
 */
public final class KnownDifferences {
  /** The class-path resource holding the project's list. */
  public static final String RESOURCE = "slt/known-differences.tsv";

  /** The categories an entry may have. */
  public static final Set<String> CATEGORIES = Set.of("postgresql-differs", "shaledb-bug");

  /** No entries: every failure counts (the PostgreSQL baseline runs this way). */
  public static final KnownDifferences NONE = new KnownDifferences(List.of());

  /**
   * One listed statement or query.
   *
   * @param file suite path without {@code test/}
   * @param line 1-based line of the record header
   * @param kind {@code statement} or {@code query}
   * @param category one of {@link #CATEGORIES}
   * @param sql normalised SQL text ({@link #normalize})
   * @param reason why it differs; for {@code postgresql-differs}, how PostgreSQL behaves
   */
  public record Entry(String file, int line, String kind, String category, String sql, String reason) {
    public Entry {
      file = SltFiles.relative(file);
      if (line < 1) {
        throw new IllegalArgumentException("line must be positive: " + line);
      }
      if (!kind.equals("statement") && !kind.equals("query")) {
        throw new IllegalArgumentException("kind must be statement or query: " + kind);
      }
      if (!CATEGORIES.contains(category)) {
        throw new IllegalArgumentException("unknown category " + category + " (expected one of " + CATEGORIES + ")");
      }
      sql = normalize(sql);
      if (sql.isEmpty() || reason.isBlank()) {
        throw new IllegalArgumentException("sql and reason must not be empty");
      }
    }

    /** The entry as one line of the file. */
    public String toTsv() {
      return file + '\t' + line + '\t' + kind + '\t' + category + '\t' + sql + '\t' + reason;
    }
  }

  private final List<Entry> entries;
  private final Map<String, Map<String, Entry>> byFile = new LinkedHashMap<>();

  private KnownDifferences(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Entry e : this.entries) {
      Entry previous = byFile.computeIfAbsent(e.file(), f -> new LinkedHashMap<>()).putIfAbsent(e.sql(), e);
      if (previous != null) {
        throw new IllegalArgumentException("listed twice in " + e.file() + ": lines " + previous.line() + " and "
            + e.line() + " (the same SQL is matched wherever it occurs in the file; list it once)");
      }
    }
  }

  /** Every entry, in file order. */
  public List<Entry> entries() {
    return entries;
  }

  /** Whether {@code sql} of {@code file} (resource path, with or without {@code test/}) is listed. */
  public boolean lists(String file, String sql) {
    return entry(file, sql) != null;
  }

  /** The entry for {@code sql} of {@code file}, or null. */
  public Entry entry(String file, String sql) {
    Map<String, Entry> m = byFile.get(SltFiles.relative(file));
    return m == null ? null : m.get(normalize(sql));
  }

  /** The entries of one file. */
  public List<Entry> entriesOf(String file) {
    Map<String, Entry> m = byFile.get(SltFiles.relative(file));
    return m == null ? List.of() : List.copyOf(m.values());
  }

  /** SQL with leading/trailing white space removed and every inner run of it replaced by one space. */
  public static String normalize(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }

  /** Parses the file format (see the class comment); throws with the line number on bad input. */
  public static KnownDifferences parse(String text) {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 6) {
        throw new IllegalArgumentException("known differences line " + (i + 1) + ": expected 6 tab-separated columns, got "
            + cols.length);
      }
      try {
        entries.add(new Entry(cols[0], Integer.parseInt(cols[1].strip()), cols[2].strip().toLowerCase(Locale.ROOT),
            cols[3].strip(), cols[4], cols[5].strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("known differences line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new KnownDifferences(entries);
  }

  /** Reads a list from a file. */
  public static KnownDifferences load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** The project's list ({@link #RESOURCE}), or {@link #NONE} if the resource is absent. */
  public static KnownDifferences bundled() throws IOException {
    try (InputStream in = KnownDifferences.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? NONE : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
