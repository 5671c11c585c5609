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
 * or simply {@code bench/raft.sh commit [proposals]} from the repository root.
 * The {@code dir} argument picks the disk (default: a new directory under {@code java.io.tmpdir},
 * deleted afterwards).
 *
 * <p>One run (2026-11-21, 2 shared vCPUs, virtual disk under /tmp, 10000 proposals of 64 bytes):
 * raw 13862 synced batches/s; 1 outstanding 3294 commits/s, p50 0.28 ms, p99 0.70 ms, 3.00
 * fsyncs per commit, 0.24 of raw; 64 outstanding 29096 commits/s, p50 1.92 ms, p99 4.76 ms, 0.17
 * fsyncs per commit, 2.1 times raw (Raft batches the proposals that arrive between Readys). The
 * disk acknowledges fsyncs in ~70 µs, so it likely has a volatile write cache; on a disk with
 * honest multi-millisecond fsyncs the ratios hold but the absolute figures drop.
 *
 * <p>{@link io.shaledb.replication.bench.StoreBenchmark} ({@code bench/raft.sh store [groups=1000]
 * [seconds=5] [idleGroups=10000] [idleSeconds=20] [tickMs=100] [dir]}) measures the multi-raft
 * {@code Store}: three stores in one JVM over a direct in-memory network, each with its own synced
 * engine, a worker pool of 2 and a 100 ms ticker. It prints the raw synced batch rate before and
 * after the load; committed proposals/s, p50/p99 commit latency (propose to applied on the leader)
 * and fsyncs per commit over {@code groups} groups with 1 and with 64 concurrent proposers (closed
 * loops, each proposal to a random group); and the process CPU, as % of one core, of
 * {@code idleGroups} quiesced groups per store over {@code idleSeconds}, with the Raft ticks and
 * messages seen in that window (0 when quiescence works) and the stores' own threads' share.
 *
 * <p>One run (2026-11-21, 2 shared vCPUs under a load average of ~15-20 from other jobs, so the
 * figures are noisy): raw 2067 then 3446 synced batches/s; 1000 groups elected in 2.9 s; 1
 * proposer 335 commits/s, p50 0.91 ms, p99 30 ms, 2.98 fsyncs per commit; 64 proposers 2053
 * commits/s, p50 19.5 ms, p99 155 ms, 0.34 fsyncs per commit (one group commit per worker pass
 * covers many groups); 10,000 idle groups per store: 0.80% of one core for the whole process
 * (0 Raft ticks, 0 Raft messages, the tickers 0.37%, workers 0.00%).
 * <p>{@link io.shaledb.replication.bench.TransportBenchmark} ({@code bench/raft.sh transport})
 * measures batches/s and messages/s from one {@code GrpcRaftTransport} to another on loopback in
 * one JVM, windowed so the send queue never overflows. One run (2026-11-21, 2 vCPUs shared with
 * other jobs, 100000 batches of 16 messages): AppendEntries with one 64-byte entry each 11191
 * batches/s = 179054 messages/s (40 batches per frame); heartbeats 20264 batches/s = 324218
 * messages/s (35 batches per frame).
 */
package io.shaledb.replication.bench;
