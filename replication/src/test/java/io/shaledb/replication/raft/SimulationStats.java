package io.shaledb.replication.raft;

/** Prints run summaries of a few seeds (manual diagnostics, not a test). */
final class SimulationStats {
    public static void main(String[] args) {
        for (int nodes : new int[] {3, 5}) {
            for (long seed = 1; seed <= 5; seed++) {
                long t0 = System.nanoTime();
                RaftSimulation.Summary s = new RaftSimulation(RaftSimulation.Options.of(nodes, seed)).run();
                System.out.println(nodes + " nodes seed " + seed + ": " + s + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
        }
    }
}
