/**
 * SQLite's sqllogictest suite ({@code net.hydromatic:sql-logic-test}) run through a JDBC driver —
 * ShaleDB's, or pgjdbc for the PostgreSQL baseline — with the harness's own result conversion,
 * sorting and hashing. {@link io.shaledb.tests.slt.SltJdbcExecutor} runs one file (judging
 * {@code statement error} lines and keeping records listed in
 * {@link io.shaledb.tests.slt.KnownDifferences} apart), {@link io.shaledb.tests.slt.SltRunner}
 * drives the harness per file, {@link io.shaledb.tests.slt.SltMain} runs a selection in parallel
 * jobs and reports per file and per group ({@link io.shaledb.tests.slt.SltSummary}),
 * {@link io.shaledb.tests.slt.SltCompare} sets two runs side by side, and
 * {@link io.shaledb.tests.slt.SltCiSelection} is the rule behind the CI subset that
 * {@code mvn verify} runs. Each file runs on one thread; jobs share nothing but the node.
 */
package io.shaledb.tests.slt;
