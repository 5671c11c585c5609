package io.shaledb.tests.slt;

/**
 * The outcome of one sqllogictest file.
 *
 * @param file resource path inside the sql-logic-test jar, e.g. {@code test/select1.test}
 * @param passed queries whose results matched, plus {@code statement error} lines that failed as expected
 * @param failed queries whose results differed or that raised an error, plus {@code statement error}
 *     lines that succeeded
 * @param ignored queries the harness skipped
 * @param aborted whether the file stopped early (a failed {@code statement ok}, or a harness error);
 *     an aborted file counts as a failure whatever its query counts say
 * @param abortReason why it aborted, or null
 * @param firstFailure the first failing query with its expected and actual results, or null
 * @param wallNanos time spent on the file
 */
public record SltFileResult(
    String file, int passed, int failed, int ignored, boolean aborted, String abortReason,
    String firstFailure, long wallNanos) {

  /** The group the file belongs to: {@code select*}, {@code evidence}, {@code index/<kind>}, {@code random/<kind>}. */
  public String group() {
    return groupOf(file);
  }

  /** The group of a resource path; see {@link #group()}. */
  public static String groupOf(String file) {
    String rel = file.startsWith("test/") ? file.substring("test/".length()) : file;
    String[] parts = rel.split("/");
    if (parts.length == 1) {
      return parts[0].startsWith("select") ? "select" : parts[0];
    }
    if ((parts[0].equals("index") || parts[0].equals("random")) && parts.length > 2) {
      return parts[0] + "/" + parts[1];
    }
    return parts[0];
  }

  public boolean clean() {
    return !aborted && failed == 0;
  }
}
