package io.shaledb.replication.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Manual long runs, not a test: {@link MultiRaftSimulation} over seeds {@code [from, to]},
 * printing each seed's summary or failure (with its replay line) and the counters summed over the
 * passing seeds. Arguments:
 * {@code nodes from to [durationMs=5000] [groups=20 for 3 nodes, 30 otherwise] [quiesce=true] [bug=NONE]}
 * (a planted {@link MultiRaftSimulation.Bug}, to see which seeds catch it). Exits with
 * status 1 if any seed failed.
 */
final class MultiRaftSimulationStats {
    public static void main(String[] args) throws IOException {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long from = args.length > 1 ? Long.parseLong(args[1]) : 1;
        long to = args.length > 2 ? Long.parseLong(args[2]) : 5;
        long duration = args.length > 3 ? Long.parseLong(args[3]) : 5_000;
        int groups = args.length > 4 ? Integer.parseInt(args[4]) : MultiRaftSimulation.Options.of(nodes, 0).groups();
        boolean quiesce = args.length <= 5 || Boolean.parseBoolean(args[5]);
        MultiRaftSimulation.Bug bug = args.length > 6 ? MultiRaftSimulation.Bug.valueOf(args[6]) : MultiRaftSimulation.Bug.NONE;
        int failures = 0;
        java.util.Map<String, Long> totals = new java.util.TreeMap<>();
        for (long seed = from; seed <= to; seed++) {
            Path dir = Files.createTempDirectory("shale-msim-");
            try {
                MultiRaftSimulation.Summary s = new MultiRaftSimulation(
                        new MultiRaftSimulation.Options(nodes, groups, seed, duration, quiesce, bug), dir).run();
                System.out.println(s);
                s.counts().forEach((k, v) -> totals.merge(k, v, Long::sum));
            } catch (AssertionError e) {
                failures++;
                System.out.println("FAIL " + e.getMessage());
            } finally {
                delete(dir);
            }
        }
        System.out.println("totals over the passing seeds: " + totals);
        System.out.println("seeds " + from + ".." + to + " on " + nodes + " nodes: failures " + failures);
        if (failures > 0) {
            System.exit(1);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
