package io.shaledb.tests.slt;

import java.util.List;

/**
 * The outcome of one sqllogictest file.
 *
 * @param file resource path inside the sql-logic-test jar, e.g. {@code test/select1.test}
 * @param passed queries whose results matched, plus {@code statement error} lines that failed as expected
 * @param failed unlisted queries whose results differed or that raised an error, plus unlisted
 *     {@code statement error} lines that succeeded
 * @param ignored queries the harness skipped
 * @param listed executions of records listed in {@link KnownDifferences} that failed (not failures)
 * @param aborted whether the file stopped early (an unlisted failed {@code statement ok}, a timeout
 *     or a harness error); an aborted file counts as a failure whatever its query counts say
 * @param abortReason why it aborted, or null
 * @param firstFailure the first failing query with its expected and actual results, or null
 * @param wallNanos time spent on the file
 * @param nowPassing listed records (normalised SQL) that ran and passed: to be removed from the list
 * @param failures the unlisted failures kept (at most {@link SltJdbcExecutor#MAX_KEPT_FAILURES})
 * @param retries statements and queries re-run after a 40001 serialization failure
 */
public record SltFileResult(
    String file, int passed, int failed, int ignored, int listed, boolean aborted, String abortReason,
    String firstFailure, long wallNanos, List<String> nowPassing, List<SltJdbcExecutor.Failure> failures,
    int retries) {

  public SltFileResult {
    nowPassing = List.copyOf(nowPassing);
    failures = List.copyOf(failures);
  }

  /** A result without listed records. */
  public SltFileResult(String file, int passed, int failed, int ignored, boolean aborted, String abortReason,
      String firstFailure, long wallNanos) {
    this(file, passed, failed, ignored, 0, aborted, abortReason, firstFailure, wallNanos, List.of(), List.of(), 0);
  }

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

  /** Neither aborted nor holding an unlisted failure (listed failures and now-passing entries aside). */
  public boolean clean() {
    return !aborted && failed == 0;
  }
}
