/**
 * Clusters for tests: ShaleDB nodes in their own processes ({@link io.shaledb.tests.cluster.NodeProcess}),
 * started from this JVM's class path, so kill -9, restarts and (later) partitions act on real processes.
 */
package io.shaledb.tests.cluster;
