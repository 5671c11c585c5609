package io.shaledb.tests.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates per-file results by group and renders them: a readable table, TSV (one line per
 * file), JSON (files and groups) and a failure digest. Pure functions of their input.
 */
public final class SltSummary {
  private SltSummary() {}

  /**
   * Totals over a set of files.
   *
   * @param wallNanos the sum of the files' wall times (with parallel jobs, more than elapsed time)
   */
  public record GroupStats(String group, int files, long passed, long failed, long ignored, long listed,
      int aborted, int clean, long wallNanos) {

    /** Queries run (passed + failed + listed) per second of summed file wall time; 0 without time. */
    public double queriesPerSecond() {
      return wallNanos > 0 ? (passed + failed + listed) / (wallNanos / 1e9) : 0;
    }

    GroupStats plus(SltFileResult r) {
      return new GroupStats(group, files + 1, passed + r.passed(), failed + r.failed(), ignored + r.ignored(),
          listed + r.listed(), aborted + (r.aborted() ? 1 : 0), clean + (r.clean() ? 1 : 0), wallNanos + r.wallNanos());
    }

    GroupStats plus(GroupStats o) {
      return new GroupStats(group, files + o.files, passed + o.passed, failed + o.failed, ignored + o.ignored,
          listed + o.listed, aborted + o.aborted, clean + o.clean, wallNanos + o.wallNanos);
    }

    static GroupStats empty(String group) {
      return new GroupStats(group, 0, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  /** One entry per group, sorted by group name. */
  public static List<GroupStats> byGroup(List<SltFileResult> results) {
    Map<String, GroupStats> groups = new TreeMap<>();
    for (SltFileResult r : results) {
      groups.merge(r.group(), GroupStats.empty(r.group()).plus(r), GroupStats::plus);
    }
    return new ArrayList<>(groups.values());
  }

  /** All files together, named {@code TOTAL}. */
  public static GroupStats total(List<SltFileResult> results) {
    GroupStats t = GroupStats.empty("TOTAL");
    for (SltFileResult r : results) {
      t = t.plus(r);
    }
    return t;
  }

  /** A readable table: one line per group plus a total. */
  public static String table(List<SltFileResult> results) {
    StringBuilder sb = new StringBuilder();
    String fmt = "%-22s %6s %6s %10s %8s %8s %7s %8s %9s %10s%n";
    sb.append(String.format(Locale.ROOT, fmt, "group", "files", "clean", "passed", "failed", "ignored", "listed",
        "aborted", "wall s", "queries/s"));
    for (GroupStats g : byGroup(results)) {
      appendRow(sb, fmt, g);
    }
    appendRow(sb, fmt, total(results));
    return sb.toString();
  }

  private static void appendRow(StringBuilder sb, String fmt, GroupStats g) {
    sb.append(String.format(Locale.ROOT, fmt, g.group(), g.files(), g.clean(), g.passed(), g.failed(), g.ignored(),
        g.listed(), g.aborted(), String.format(Locale.ROOT, "%.1f", g.wallNanos() / 1e9),
        String.format(Locale.ROOT, "%.0f", g.queriesPerSecond())));
  }

  /** Tab-separated, one line per file, with a header: the machine-readable form. */
  public static String tsv(List<SltFileResult> results) {
    StringBuilder sb = new StringBuilder(
        "file\tgroup\tpassed\tfailed\tignored\tlisted\tnow_passing\taborted\twall_ms\tabort_reason\n");
    for (SltFileResult r : results) {
      sb.append(r.file()).append('\t').append(r.group()).append('\t').append(r.passed()).append('\t')
          .append(r.failed()).append('\t').append(r.ignored()).append('\t').append(r.listed()).append('\t')
          .append(r.nowPassing().size()).append('\t').append(r.aborted()).append('\t')
          .append(r.wallNanos() / 1_000_000).append('\t')
          .append(r.abortReason() == null ? "" : oneLine(r.abortReason()))
          .append('\n');
    }
    return sb.toString();
  }

  /** {@code {"files":[...],"groups":[...],"total":{...}}}; {@code elapsedNanos} is the run's wall clock. */
  public static String json(List<SltFileResult> results, long elapsedNanos) {
    StringBuilder sb = new StringBuilder("{\n  \"elapsed_ms\": ").append(elapsedNanos / 1_000_000).append(",\n");
    sb.append("  \"files\": [");
    for (int i = 0; i < results.size(); i++) {
      SltFileResult r = results.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ").append(quote(r.file()))
          .append(", \"group\": ").append(quote(r.group()))
          .append(", \"passed\": ").append(r.passed())
          .append(", \"failed\": ").append(r.failed())
          .append(", \"ignored\": ").append(r.ignored())
          .append(", \"listed\": ").append(r.listed())
          .append(", \"now_passing\": ").append(r.nowPassing().size())
          .append(", \"retries\": ").append(r.retries())
          .append(", \"aborted\": ").append(r.aborted())
          .append(", \"wall_ms\": ").append(r.wallNanos() / 1_000_000)
          .append(", \"abort_reason\": ").append(quote(r.abortReason()))
          .append(", \"first_failure\": ").append(quote(r.firstFailure())).append('}');
    }
    sb.append("\n  ],\n  \"groups\": [");
    List<GroupStats> groups = byGroup(results);
    for (int i = 0; i < groups.size(); i++) {
      sb.append(i == 0 ? "\n    " : ",\n    ").append(json(groups.get(i)));
    }
    sb.append("\n  ],\n  \"total\": ").append(json(total(results))).append("\n}\n");
    return sb.toString();
  }

  private static String json(GroupStats g) {
    return "{\"group\": " + quote(g.group()) + ", \"files\": " + g.files() + ", \"clean\": " + g.clean()
        + ", \"passed\": " + g.passed() + ", \"failed\": " + g.failed() + ", \"ignored\": " + g.ignored()
        + ", \"listed\": " + g.listed() + ", \"aborted\": " + g.aborted() + ", \"wall_ms\": " + g.wallNanos() / 1_000_000
        + ", \"queries_per_s\": " + String.format(Locale.ROOT, "%.1f", g.queriesPerSecond()) + "}";
  }

  /**
   * Each unclean file with its abort reason and first failing query (expected and actual), then the
   * listed records that now pass.
   */
  public static String failures(List<SltFileResult> results) {
    StringBuilder sb = new StringBuilder();
    for (SltFileResult r : results) {
      if (r.clean()) {
        continue;
      }
      sb.append("=== ").append(r.file()).append("  (passed ").append(r.passed()).append(", failed ")
          .append(r.failed()).append(r.aborted() ? ", ABORTED" : "").append(")\n");
      if (r.abortReason() != null) {
        sb.append("abort: ").append(r.abortReason()).append('\n');
      }
      if (r.firstFailure() != null) {
        sb.append(r.firstFailure().strip()).append('\n');
      }
      sb.append('\n');
    }
    String now = nowPassing(results);
    if (!now.isEmpty()) {
      sb.append("=== listed records that now pass (remove them from the known differences)\n").append(now);
    }
    return sb.toString();
  }

  /** Listed records that ran and passed, one {@code file<TAB>sql} line each (empty when none). */
  public static String nowPassing(List<SltFileResult> results) {
    StringBuilder sb = new StringBuilder();
    for (SltFileResult r : results) {
      for (String sql : r.nowPassing()) {
        sb.append(SltFiles.relative(r.file())).append('\t').append(sql).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Every kept unlisted failure in the known-differences format, with the line of its record in the
   * suite file where it can be found and category/reason left to fill in ({@code TODO}).
   */
  public static String unlisted(List<SltFileResult> results) {
    StringBuilder sb = new StringBuilder("# file\tline\tkind\tcategory\tsql\treason (unlisted failures of this run)\n");
    for (SltFileResult r : results) {
      if (r.failures().isEmpty()) {
        continue;
      }
      SltSource source = SltSource.load(r.file());
      for (SltJdbcExecutor.Failure f : r.failures()) {
        String sql = KnownDifferences.normalize(f.sql());
        sb.append(SltFiles.relative(r.file())).append('\t').append(source.lineOf(sql)).append('\t')
            .append(f.kind()).append('\t').append("TODO").append('\t').append(sql).append('\t')
            .append(oneLine(f.detail())).append('\n');
      }
    }
    return sb.toString();
  }

  /** A JSON string literal, or {@code null}. */
  static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static String oneLine(String s) {
    return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }
}
