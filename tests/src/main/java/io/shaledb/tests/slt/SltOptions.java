package io.shaledb.tests.slt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link SltMain}.
 *
 * @param groups {@code --group G}, repeatable: {@code select}, {@code evidence}, {@code index/<kind>},
 *     {@code random/<kind>} or a path prefix such as {@code index}; empty means every file
 * @param patterns {@code --files PATTERN}, repeatable, all must match (see {@link SltFiles#pattern})
 * @param jobs {@code --jobs N}: files run in parallel, each job in its own database
 * @param url {@code --url}: an existing node's JDBC URL, or null to start a node on a temporary store
 * @param out {@code --out DIR} for the summary files, or null
 * @param list {@code --list}: print the selected files and stop
 * @param timeoutPerFile {@code --timeout-per-file SECONDS}
 */
public record SltOptions(List<String> groups, List<String> patterns, int jobs, String url, Path out, boolean list,
    Duration timeoutPerFile) {

  public static final String USAGE = String.join("\n",
      "usage: slt [--group G]... [--files PATTERN]... [--jobs N] [--url jdbc:shale://HOST:PORT/DB]",
      "           [--out DIR] [--list] [--timeout-per-file SECONDS]",
      "  --group G      select, evidence, index/<kind>, random/<kind>, or a prefix such as index (repeatable)",
      "  --files P      glob (select*.test) or regex (regex:slt_good_1[0-9]) on the resource path (repeatable)",
      "  --jobs N       files run in parallel, each job in its own database (default 2)",
      "  --url U        run against this node instead of starting one on a temporary store",
      "  --out DIR      write summary.tsv, summary.json, summary.txt and failures.txt there",
      "  --list         print the selected files only",
      "  --timeout-per-file S  report a file still running after S seconds as aborted (default 600)");

  public SltOptions {
    groups = List.copyOf(groups);
    patterns = List.copyOf(patterns);
    if (jobs < 1) {
      throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
    }
    if (timeoutPerFile.isNegative() || timeoutPerFile.isZero()) {
      throw new IllegalArgumentException("--timeout-per-file must be positive");
    }
  }

  /** Parses the arguments; throws {@link IllegalArgumentException} with a readable message. */
  public static SltOptions parse(String... args) {
    List<String> groups = new ArrayList<>();
    List<String> patterns = new ArrayList<>();
    int jobs = 2;
    String url = null;
    Path out = null;
    boolean list = false;
    Duration timeout = Duration.ofSeconds(600);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--group" -> groups.add(value(args, ++i, a));
        case "--files" -> patterns.add(value(args, ++i, a));
        case "--jobs" -> jobs = intValue(args, ++i, a);
        case "--url" -> url = value(args, ++i, a);
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--list" -> list = true;
        case "--timeout-per-file" -> timeout = Duration.ofSeconds(intValue(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown argument: " + a);
      }
    }
    return new SltOptions(groups, patterns, jobs, url, out, list, timeout);
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  private static int intValue(String[] args, int i, String name) {
    String v = value(args, i, name);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number, got " + v, e);
    }
  }

  /**
   * {@code url} with its database replaced by {@code db}, keeping any {@code ?query}:
   * {@code jdbc:shale://h:1/defaultdb?x=1} with {@code slt_job_0} gives {@code jdbc:shale://h:1/slt_job_0?x=1}.
   */
  public static String withDatabase(String url, String db) {
    String scheme = "jdbc:shale://";
    if (!url.startsWith(scheme)) {
      throw new IllegalArgumentException("not a jdbc:shale:// URL: " + url);
    }
    int q = url.indexOf('?');
    String query = q < 0 ? "" : url.substring(q);
    String base = q < 0 ? url : url.substring(0, q);
    int slash = base.indexOf('/', scheme.length());
    String hostPort = slash < 0 ? base : base.substring(0, slash);
    return hostPort + "/" + db + query;
  }
}
