package io.shaledb.tests.slt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The text of one suite file, indexed by record: where each {@code statement}/{@code query}
 * record's SQL appears (the 1-based line of its header), for reports and for checking the known
 * differences. Immutable.
 */
public final class SltSource {
  private final Map<String, Integer> firstLine = new HashMap<>();
  private final Map<String, String> kind = new HashMap<>();

  private SltSource(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String header = lines[i].strip();
      boolean statement = header.startsWith("statement ");
      if (!statement && !header.startsWith("query ")) {
        continue;
      }
      StringBuilder sql = new StringBuilder();
      int j = i + 1;
      for (; j < lines.length; j++) {
        String l = lines[j];
        if (l.isBlank() || l.strip().equals("----")) {
          break;
        }
        sql.append(l).append('\n');
      }
      String key = KnownDifferences.normalize(sql.toString());
      firstLine.putIfAbsent(key, i + 1);
      kind.putIfAbsent(key, statement ? "statement" : "query");
      i = j - 1;
    }
  }

  /** Indexes {@code text}, the contents of a suite file. */
  public static SltSource parse(String text) {
    return new SltSource(text);
  }

  /** Reads a suite file ({@code test/...}) from the class path (the harness jar). */
  public static SltSource load(String file) {
    String resource = file.startsWith("test/") ? file : "test/" + file;
    try (InputStream in = SltSource.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no suite file " + resource + " on the class path");
      }
      return new SltSource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 1-based header line of the first record whose SQL is {@code sql} (normalised), or 0 if none. */
  public int lineOf(String sql) {
    return firstLine.getOrDefault(KnownDifferences.normalize(sql), 0);
  }

  /** {@code statement} or {@code query} for the first record with this SQL, or null if none. */
  public String kindOf(String sql) {
    return kind.get(KnownDifferences.normalize(sql));
  }
}
