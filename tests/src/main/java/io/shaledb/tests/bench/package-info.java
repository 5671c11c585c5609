/**
 * Workload drivers and benchmarks. They measure; they do not assert timings. Each prints its
 * figures and, where a reference system is given, ratios against it measured in the same run.
 */
package io.shaledb.tests.bench;
