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
 * @param fileLists {@code --files-from FILE}, repeatable, or {@code --ci} (the bundled
 *     {@value #CI_FILES}): the selection starts from the files they list instead of the whole suite
 * @param knownDifferences {@code --known-differences FILE}, {@code none}, or null for the bundled
 *     {@link KnownDifferences#RESOURCE}
 * @param user {@code --user} for the JDBC connections (default {@code root})
 * @param password {@code --password} (default empty)
 */
public record SltOptions(List<String> groups, List<String> patterns, int jobs, String url, Path out, boolean list,
    Duration timeoutPerFile, List<String> fileLists, String knownDifferences, String user, String password) {

  /** The class-path resource listing the CI subset (see {@link SltCiSelection}). */
  public static final String CI_FILES = "slt/ci-files.txt";

  /** The {@link #fileLists} entry that stands for the bundled {@link #CI_FILES}. */
  public static final String CI_LIST = "classpath:" + CI_FILES;

  public static final String USAGE = String.join("\n",
      "usage: slt [--group G]... [--files PATTERN]... [--jobs N] [--url jdbc:shale://HOST:PORT/DB]",
      "           [--out DIR] [--list] [--timeout-per-file SECONDS]",
      "  --group G      select, evidence, index/<kind>, random/<kind>, or a prefix such as index (repeatable)",
      "  --files P      glob (select*.test) or regex (regex:slt_good_1[0-9]) on the resource path (repeatable)",
      "  --jobs N       files run in parallel, each job in its own database (default 2)",
      "  --url U        run against this node instead of starting one on a temporary store",
      "  --out DIR      write summary.tsv, summary.json, summary.txt and failures.txt there",
      "  --list         print the selected files only",
      "  --timeout-per-file S  report a file still running after S seconds as aborted (default 600)",
      "  --ci           start from the CI subset (slt/ci-files.txt) instead of the whole suite",
      "  --files-from F start from the files listed in F, one per line (repeatable)",
      "  --known-differences F|none  the list of known differences (default: the bundled slt/known-differences.tsv)",
      "  --user U, --password P      JDBC credentials (default root, empty)");

  public SltOptions {
    groups = List.copyOf(groups);
    patterns = List.copyOf(patterns);
    fileLists = List.copyOf(fileLists);
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
    List<String> fileLists = new ArrayList<>();
    String known = null;
    String user = "root";
    String password = "";
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
        case "--ci" -> fileLists.add(CI_LIST);
        case "--files-from" -> fileLists.add(value(args, ++i, a));
        case "--known-differences" -> known = value(args, ++i, a);
        case "--user" -> user = value(args, ++i, a);
        case "--password" -> password = value(args, ++i, a);
        default -> throw new IllegalArgumentException("unknown argument: " + a);
      }
    }
    return new SltOptions(groups, patterns, jobs, url, out, list, timeout, fileLists, known, user, password);
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
   * {@code jdbc:shale://h:1/defaultdb?x=1} with {@code slt_job_0} gives {@code jdbc:shale://h:1/slt_job_0?x=1}
   * (any {@code jdbc:<driver>://} URL, e.g. {@code jdbc:postgresql://}).
   */
  public static String withDatabase(String url, String db) {
    int sep = url.indexOf("://");
    if (!url.startsWith("jdbc:") || sep < 0) {
      throw new IllegalArgumentException("not a jdbc:<driver>://host/db URL: " + url);
    }
    String scheme = url.substring(0, sep + 3);
    int q = url.indexOf('?');
    String query = q < 0 ? "" : url.substring(q);
    String base = q < 0 ? url : url.substring(0, q);
    int slash = base.indexOf('/', scheme.length());
    String hostPort = slash < 0 ? base : base.substring(0, slash);
    return hostPort + "/" + db + query;
  }
}
