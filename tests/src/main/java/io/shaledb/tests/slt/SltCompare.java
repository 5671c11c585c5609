package io.shaledb.tests.slt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Side-by-side comparison of two runs over the same selection (ShaleDB and PostgreSQL, as
 * {@code bench/slt.sh --compare-postgres} makes them): reads each run's {@code summary.tsv} and
 * {@code summary.json} ({@code --out} directories) and prints one line per group with both
 * systems' passed/failed/listed/aborted counts, summed file wall time, queries/s, and the ratio of
 * wall times. Everything except {@link #main} and {@link #read} is pure.
 */
public final class SltCompare {
  private SltCompare() {}

  /**
   * One run as read back from its summary files.
   *
   * @param results per file (first failure and now-passing entries are not kept in the TSV)
   * @param elapsedMillis wall clock of the whole run
   */
  public record RunSummary(List<SltFileResult> results, long elapsedMillis) {}

  /**
   * Reads {@code dir/summary.tsv} and {@code dir/summary.json}; when {@code dir} holds no summary
   * but {@code slice-*} directories (an interleaved comparison runs the selection in slices, each
   * system in turn), the run they make together: every slice's files, and the sum of their
   * elapsed times.
   */
  public static RunSummary read(Path dir) throws IOException {
    if (!Files.exists(dir.resolve("summary.tsv"))) {
      List<Path> slices;
      try (Stream<Path> children = Files.list(dir)) {
        slices = children.filter(p -> p.getFileName().toString().startsWith("slice-") && Files.isDirectory(p))
            .sorted().toList();
      }
      if (!slices.isEmpty()) {
        List<SltFileResult> results = new ArrayList<>();
        long elapsed = 0;
        for (Path slice : slices) {
          RunSummary r = read(slice);
          results.addAll(r.results());
          elapsed += r.elapsedMillis();
        }
        return new RunSummary(results, elapsed);
      }
    }
    List<SltFileResult> results = parseTsv(Files.readString(dir.resolve("summary.tsv"), StandardCharsets.UTF_8));
    String json = Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\"elapsed_ms\":\\s*(\\d+)").matcher(json);
    return new RunSummary(results, m.find() ? Long.parseLong(m.group(1)) : 0);
  }

  /** Parses {@link SltSummary#tsv} output. */
  public static List<SltFileResult> parseTsv(String tsv) {
    List<SltFileResult> out = new ArrayList<>();
    String[] lines = tsv.split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] c = lines[i].split("\t", -1);
      out.add(new SltFileResult(c[0], Integer.parseInt(c[2]), Integer.parseInt(c[3]), Integer.parseInt(c[4]),
          Integer.parseInt(c[5]), Boolean.parseBoolean(c[7]), c[9].isEmpty() ? null : c[9], null,
          Long.parseLong(c[8]) * 1_000_000L, List.of(), List.of(), 0));
    }
    return out;
  }

  /** The side-by-side table of {@code a} (named {@code nameA}) and {@code b}. */
  public static String table(String nameA, RunSummary a, String nameB, RunSummary b) {
    Map<String, SltSummary.GroupStats[]> groups = new TreeMap<>();
    for (SltSummary.GroupStats g : SltSummary.byGroup(a.results())) {
      groups.computeIfAbsent(g.group(), k -> new SltSummary.GroupStats[2])[0] = g;
    }
    for (SltSummary.GroupStats g : SltSummary.byGroup(b.results())) {
      groups.computeIfAbsent(g.group(), k -> new SltSummary.GroupStats[2])[1] = g;
    }
    StringBuilder sb = new StringBuilder();
    String fmt = "%-20s | %9s %7s %6s %4s %8s %7s | %9s %7s %6s %4s %8s %7s | %7s%n";
    sb.append(String.format(Locale.ROOT, "%-20s | %-48s | %-48s |%n", "", nameA, nameB));
    sb.append(String.format(Locale.ROOT, fmt, "group", "passed", "failed", "listed", "abrt", "wall s", "q/s",
        "passed", "failed", "listed", "abrt", "wall s", "q/s", "wall A/B"));
    for (Map.Entry<String, SltSummary.GroupStats[]> e : groups.entrySet()) {
      row(sb, fmt, e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
    row(sb, fmt, "TOTAL", SltSummary.total(a.results()), SltSummary.total(b.results()));
    sb.append(String.format(Locale.ROOT, "elapsed: %s %.1f s, %s %.1f s (ratio %s)%n", nameA,
        a.elapsedMillis() / 1e3, nameB, b.elapsedMillis() / 1e3,
        b.elapsedMillis() > 0 ? String.format(Locale.ROOT, "%.2f", (double) a.elapsedMillis() / b.elapsedMillis()) : "-"));
    return sb.toString();
  }

  private static void row(StringBuilder sb, String fmt, String group, SltSummary.GroupStats x,
      SltSummary.GroupStats y) {
    List<Object> cells = new ArrayList<>();
    cells.add(group);
    for (SltSummary.GroupStats g : new SltSummary.GroupStats[] {x, y}) {
      if (g == null) {
        cells.addAll(List.of("-", "-", "-", "-", "-", "-"));
      } else {
        cells.add(g.passed());
        cells.add(g.failed());
        cells.add(g.listed());
        cells.add(g.aborted());
        cells.add(String.format(Locale.ROOT, "%.1f", g.wallNanos() / 1e9));
        cells.add(String.format(Locale.ROOT, "%.0f", g.queriesPerSecond()));
      }
    }
    cells.add(x != null && y != null && y.wallNanos() > 0
        ? String.format(Locale.ROOT, "%.2f", (double) x.wallNanos() / y.wallNanos()) : "-");
    sb.append(String.format(Locale.ROOT, fmt, cells.toArray()));
  }

  /** {@code SltCompare NAME_A DIR_A NAME_B DIR_B}: prints {@link #table}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: SltCompare NAME_A DIR_A NAME_B DIR_B");
      System.exit(2);
    }
    System.out.print(table(args[0], read(Path.of(args[1])), args[2], read(Path.of(args[3]))));
  }
}
