package io.shaledb.replication.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.shaledb.replication.check.CheckResult.Verdict;
import io.shaledb.replication.check.RegisterWorkloadSimulation.Options;
import io.shaledb.replication.check.RegisterWorkloadSimulation.Bug;
import io.shaledb.replication.check.RegisterWorkloadSimulation.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Replicated registers on Raft under faults must be linearizable; with reads served locally
 * without ReadIndex they must not be, for at least one of a fixed set of seeds.
 */
class RegisterWorkloadTest {
    private static Result runAndCheck(Options options) {
        Result r = new RegisterWorkloadSimulation(options).run();
        if (r.check().verdict() != Verdict.LINEARIZABLE) {
            fail(r.report() + "\nfull history: " + dump(r));
        }
        // Guard against a vacuous pass: the workload must actually have done things.
        assertTrue(r.okWrites() >= 20 && r.okReads() >= 20, () -> "too little completed: " + r.report());
        System.out.println(r.summary());
        return r;
    }

    /** Writes the whole history of a failed run under target/ for inspection; returns the path. */
    private static String dump(Result r) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "linearizability"));
            Path file = dir.resolve("register-" + r.options().nodes() + "n-seed" + r.options().seed() + ".history");
            Files.writeString(file, r.history().toString());
            return file.toAbsolutePath().toString();
        } catch (IOException e) {
            return "(not written: " + e + ")";
        }
    }

    @Test
    void threeMembersFixedSeeds() {
        for (long seed : new long[] {1, 2, 3}) {
            runAndCheck(Options.of(3, seed));
        }
    }

    @Test
    void fiveMembersFixedSeeds() {
        for (long seed : new long[] {11, 12}) {
            runAndCheck(Options.of(5, seed));
        }
    }

    @Property(tries = 4)
    void randomSeedsAreLinearizable(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2) int half) {
        runAndCheck(Options.of(2 * half + 1, seed));
    }

    @Test
    void readsWithoutReadIndexAreCaught() {
        assertSomeSeedCaught(Bug.LOCAL_READS);
    }

    @Test
    void snapshotThatLosesARegisterIsCaught() {
        assertSomeSeedCaught(Bug.SNAPSHOT_LOSES_KEY);
    }

    /** The planted bug must be flagged NOT_LINEARIZABLE for one of the seeds 1..8 (stops there). */
    private static void assertSomeSeedCaught(Bug bug) {
        List<String> missed = new ArrayList<>();
        for (long seed = 1; seed <= 8; seed++) {
            Result r = new RegisterWorkloadSimulation(Options.of(3, seed).withBug(bug)).run();
            if (r.check().verdict() == Verdict.NOT_LINEARIZABLE) {
                System.out.println(bug + " caught at seed " + seed + ":\n" + r.report());
                return;
            }
            missed.add(r.summary());
        }
        fail(bug + " went unnoticed: " + missed);
    }

    @Test
    void sameOptionsReplayTheSameHistory() {
        Options options = Options.of(3, 99);
        String first = new RegisterWorkloadSimulation(options).run().history().toString();
        String second = new RegisterWorkloadSimulation(options).run().history().toString();
        assertEquals(first, second);
        assertTrue(first.length() > 1_000, "a non-trivial history");
    }

    /** Reruns one simulation from a failure's replay line (edit the options). */
    @Test
    void replayOneSeed() {
        Result r = new RegisterWorkloadSimulation(new Options(3, 7L, 6, 2, 4_000, true, Bug.NONE)).run();
        assertEquals(Verdict.LINEARIZABLE, r.check().verdict(), r::report);
    }
}
