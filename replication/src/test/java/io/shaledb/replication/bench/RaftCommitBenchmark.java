package io.shaledb.replication.bench;

import io.shaledb.kv.storage.ColumnFamily;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.replication.raft.EntryType;
import io.shaledb.replication.raft.LogEntry;
import io.shaledb.replication.raft.NodeId;
import io.shaledb.replication.storage.DiskRaftCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Commit throughput and latency of a three-member group over synced RocksDB, against the raw
 * synced-batch rate of the same disk measured in the same run. See the package documentation for
 * how to run it. Arguments: {@code [proposals=2000] [payloadBytes=64] [dir=<new temp dir>]}.
 */
public final class RaftCommitBenchmark {
    private static final EngineOptions SYNCED = new EngineOptions(true, 8L << 20);

    private RaftCommitBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int proposals = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int payload = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Path root = args.length > 2 ? Files.createDirectories(Path.of(args[2]))
                : Files.createTempDirectory("raft-commit-bench");
        System.out.printf(Locale.ROOT, "dir %s, %d proposals of %d bytes, 3 members, synced writes%n",
                root, proposals, payload);
        try {
            double raw = rawSyncedBatchesPerSecond(root.resolve("raw"), proposals, payload);
            System.out.printf(Locale.ROOT, "(a) raw synced batch writes: %.0f/s (one %d-byte put per sync)%n",
                    raw, payload);
            report("(b1) 1 outstanding   ", run(root.resolve("seq"), proposals, payload, 1), raw);
            report("(b2) 64 outstanding  ", run(root.resolve("pipe"), proposals, payload, 64), raw);
        } finally {
            deleteTree(root);
        }
    }

    static double rawSyncedBatchesPerSecond(Path dir, int writes, int payload) {
        try (Engine engine = Engine.open(dir, SYNCED)) {
            byte[] value = new byte[payload];
            for (int i = 0; i < 50; i++) { // warm-up
                writeOne(engine, i, value);
            }
            long start = System.nanoTime();
            for (int i = 0; i < writes; i++) {
                writeOne(engine, i, value);
            }
            return writes / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void writeOne(Engine engine, long i, byte[] value) {
        try (EngineBatch b = engine.newBatch()) {
            b.put(ColumnFamily.RAFT, ByteBuffer.allocate(8).putLong(i).array(), value);
            engine.write(b, true);
        }
    }

    /** Result of one group run. */
    record Result(int committed, double seconds, long[] latenciesNanos, long syncs) {
    }

    static Result run(Path dir, int proposals, int payload, int window) {
        try (DiskRaftCluster c = new DiskRaftCluster(dir, 3, SYNCED, 42)) {
            DiskRaftCluster.Member leader = c.awaitLeader(500);
            NodeId leaderId = leader.node().id();
            Map<Long, Long> started = new HashMap<>();
            long[] latencies = new long[proposals];
            int[] done = {0};
            c.onApply((id, e) -> {
                Long t0 = id.equals(leaderId) && e.type() == EntryType.COMMAND ? started.remove(e.index()) : null;
                if (t0 != null) {
                    latencies[done[0]++] = System.nanoTime() - t0;
                }
            });
            for (int i = 0; i < 20; i++) { // warm-up, not measured
                leader.node().propose(new byte[payload]);
                c.drain(1000);
            }
            long syncsBefore = totalSyncs(c);
            byte[] data = new byte[payload];
            int proposed = 0;
            long start = System.nanoTime();
            while (done[0] < proposals) {
                while (proposed < proposals && proposed - done[0] < window) {
                    LogEntry e = leader.node().propose(data);
                    started.put(e.index(), System.nanoTime());
                    proposed++;
                }
                if (!c.step()) {
                    throw new IllegalStateException("group stalled with " + (proposed - done[0]) + " outstanding");
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(done[0], seconds, latencies, totalSyncs(c) - syncsBefore);
        }
    }

    private static long totalSyncs(DiskRaftCluster c) {
        long n = 0;
        for (NodeId id : c.ids()) {
            n += c.member(id.value()).writer().syncedWrites();
        }
        return n;
    }

    private static void report(String label, Result r, double raw) {
        long[] sorted = r.latenciesNanos().clone();
        Arrays.sort(sorted);
        double rate = r.committed() / r.seconds();
        System.out.printf(Locale.ROOT,
                "%s committed %.0f/s, p50 %.2f ms, p99 %.2f ms, %.2f syncs/commit (all members), ratio to raw %.3f%n",
                label, rate, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                (double) r.syncs() / r.committed(), rate / raw);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
