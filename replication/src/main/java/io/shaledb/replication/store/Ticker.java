package io.shaledb.replication.store;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread calling a store's {@link Store#tick()} every interval until closed. Fixed
 * delay, not fixed rate: a starved ticker never fires a burst of catch-up ticks (which would make
 * a store declare its peers dead and its followers campaign merely because it fell behind).
 */
final class Ticker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ticker.class);

    private final ScheduledThreadPoolExecutor executor;

    Ticker(String threadName, Duration interval, Runnable tick) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("tick interval must be positive: " + interval);
        }
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        long nanos = interval.toNanos();
        executor.scheduleWithFixedDelay(() -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                LOG.error("{}: tick failed", threadName, e); // keep ticking: a lost tick is harmless
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops ticking and waits for the thread to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
