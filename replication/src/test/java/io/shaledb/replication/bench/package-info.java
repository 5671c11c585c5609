/**
 * Benchmarks run by hand (mains, not tests; surefire never runs them).
 *
 * <p>{@link io.shaledb.replication.bench.RaftCommitBenchmark} measures, in one run on one disk:
 * (a) raw synced RocksDB batch writes per second (one small put per fsync), and (b) a
 * three-member Raft group in one JVM — three engines in temp directories, synced, each member
 * persisting through {@code RocksRaftStorage} and {@code RaftLogWriter}, messages delivered
 * directly on one thread by {@code DiskRaftCluster} — committing N proposals with one
 * outstanding at a time and with 64 outstanding. It prints committed proposals/s, p50/p99 commit
 * latency (propose to applied on the leader), fsyncs per commit over all members, and the ratio
 * to (a). All members share one thread and one disk, so each commit pays the leader's and both
 * followers' fsyncs in sequence; a real cluster overlaps them.
 *
 * <p>Run from the worktree root (no exec plugin needed):
 * <pre>
 *   mvn -o -q -B -pl replication -am test-compile dependency:build-classpath \
 *       -Dmdep.outputFile=/tmp/shale-replication.cp
 *   java -cp replication/target/test-classes:replication/target/classes:$(cat /tmp/shale-replication.cp) \
 *       io.shaledb.replication.bench.RaftCommitBenchmark [proposals=2000] [payloadBytes=64] [dir]
 * </pre>
 * The {@code dir} argument picks the disk (default: a new directory under {@code java.io.tmpdir},
 * deleted afterwards).
 */
package io.shaledb.replication.bench;
