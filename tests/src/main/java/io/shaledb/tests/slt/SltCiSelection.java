package io.shaledb.tests.slt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The fixed subset of the suite that CI runs ({@code slt/ci-files.txt}) and the rule that chose it,
 * so the checked-in list can be regenerated and checked:
 * <ol>
 *   <li>{@code select1}–{@code select5} and every {@code evidence} file;</li>
 *   <li>for each {@code index/<kind>} and {@code random/<kind>} group, its cheapest file;</li>
 *   <li>then the cheapest remaining {@code index}/{@code random} files until there are
 *       {@link #INDEX_AND_RANDOM_FILES} of them.</li>
 * </ol>
 * A file's cost is its size in bytes: the SQL text to parse and plan is where the time goes (the
 * {@code index/between} files, for one, hold 10,000 long queries in 4 MB; counting records would
 * rank them as cheap as a file of 10,000 short ones); ties go to the smaller path. Files without a
 * single {@code query} record are never picked (the 0.3 jar has three such {@code index}/{@code
 * random} files; they test nothing). The rule picks small files because CI
 * must stay within about ten minutes on two cores; the rest of the suite is the full-suite command's.
 *
 * <p>{@link #select} is pure; the other methods read the harness jar or a list file.
 */
public final class SltCiSelection {
  /** How many {@code index}/{@code random} files the subset holds. */
  public static final int INDEX_AND_RANDOM_FILES = 40;

  private SltCiSelection() {}

  /**
   * The size of a file.
   *
   * @param queries {@code query} records (lines starting with {@code query})
   * @param statements {@code statement} records
   * @param bytes its length
   */
  public record Cost(int queries, int statements, long bytes) {}

  /** The subset chosen from {@code costs} (every suite file with its cost), in sorted path order. */
  public static List<String> select(Map<String, Cost> costs) {
    Set<String> picked = new LinkedHashSet<>();
    for (String f : costs.keySet()) {
      String rel = SltFiles.relative(f);
      if (rel.matches("select[1-5]\\.test") || rel.startsWith("evidence/")) {
        picked.add(f);
      }
    }
    Comparator<String> cheapest = Comparator.<String>comparingLong(f -> costs.get(f).bytes())
        .thenComparing(Comparator.naturalOrder());
    List<String> candidates = costs.keySet().stream()
        .filter(f -> {
          String rel = SltFiles.relative(f);
          return (rel.startsWith("index/") || rel.startsWith("random/")) && costs.get(f).queries() > 0;
        })
        .sorted(cheapest)
        .toList();
    Map<String, String> cheapestOfGroup = new TreeMap<>();
    for (String f : candidates) {
      cheapestOfGroup.putIfAbsent(SltFileResult.groupOf(f), f);
    }
    Set<String> sample = new LinkedHashSet<>(cheapestOfGroup.values());
    for (String f : candidates) {
      if (sample.size() >= INDEX_AND_RANDOM_FILES) {
        break;
      }
      sample.add(f);
    }
    picked.addAll(sample);
    return picked.stream().sorted().toList();
  }

  /** The cost of every suite file in the harness jar (reads the whole jar: several seconds). */
  public static Map<String, Cost> costs(Path jar) throws IOException {
    Map<String, Cost> costs = new LinkedHashMap<>();
    try (JarFile jf = new JarFile(jar.toFile())) {
      for (String name : SltFiles.listJar(jar)) {
        JarEntry e = jf.getJarEntry(name);
        try (InputStream in = jf.getInputStream(e)) {
          costs.put(name, cost(in, e.getSize()));
        }
      }
    }
    return costs;
  }

  private static Cost cost(InputStream in, long bytes) throws IOException {
    int queries = 0;
    int statements = 0;
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.startsWith("query")) {
        queries++;
      } else if (line.startsWith("statement")) {
        statements++;
      }
    }
    return new Cost(queries, statements, bytes);
  }

  /**
   * The files named in a list: one suite path per line (with or without {@code test/}), blank
   * lines and {@code #} comments ignored. {@code source} is a file path or {@code classpath:RESOURCE}.
   */
  public static List<String> readList(String source) throws IOException {
    String text;
    if (source.startsWith("classpath:")) {
      String resource = source.substring("classpath:".length());
      try (InputStream in = SltCiSelection.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("no resource " + resource + " on the class path");
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } else {
      text = Files.readString(Path.of(source), StandardCharsets.UTF_8);
    }
    return parseList(text);
  }

  /** The entries of a list's text (see {@link #readList}), as resource paths starting with {@code test/}. */
  public static List<String> parseList(String text) {
    List<String> files = new ArrayList<>();
    for (String line : text.split("\n")) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      files.add(s.startsWith("test/") ? s : "test/" + s);
    }
    return files;
  }

  /** Prints the subset chosen from the harness jar, in the list-file format. */
  public static void main(String[] args) throws IOException {
    System.out.println("# The sqllogictest files CI runs; regenerate with SltCiSelection (see its javadoc for the rule).");
    for (String f : select(costs(SltFiles.harnessJar()))) {
      System.out.println(SltFiles.relative(f));
    }
  }
}
