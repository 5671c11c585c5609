/**
 * SQLite's sqllogictest suite ({@code net.hydromatic:sql-logic-test}) run through ShaleDB's JDBC
 * driver with the harness's own executor classes, so result conversion, sorting and hashing are
 * the reference ones. {@link io.shaledb.tests.slt.SltRunner} runs files and reports per file and
 * per group; the default test run covers a fixed subset, the full suite is a separate command.
 */
package io.shaledb.tests.slt;
