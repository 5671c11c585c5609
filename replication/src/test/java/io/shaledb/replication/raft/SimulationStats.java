package io.shaledb.replication.raft;

/**
 * Manual diagnostics, not a test: runs seeds {@code [from, to]} for a group size and prints each
 * run's summary or failure. Arguments: nodes from to [duration].
 */
final class SimulationStats {
    public static void main(String[] args) {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long from = args.length > 1 ? Long.parseLong(args[1]) : 1;
        long to = args.length > 2 ? Long.parseLong(args[2]) : 5;
        long duration = args.length > 3 ? Long.parseLong(args[3]) : 6_000;
        int failures = 0;
        for (long seed = from; seed <= to; seed++) {
            long t0 = System.nanoTime();
            try {
                RaftSimulation.Summary s = new RaftSimulation(
                        new RaftSimulation.Options(nodes, seed, duration, true, RaftFaults.NONE)).run();
                System.out.println(nodes + " nodes seed " + seed + ": " + s + " in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
            } catch (AssertionError e) {
                failures++;
                System.out.println("FAIL " + e.getMessage());
            }
        }
        System.out.println("failures: " + failures);
    }
}
