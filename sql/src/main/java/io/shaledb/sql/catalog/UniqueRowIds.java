package io.shaledb.sql.catalog;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Generates {@code unique_rowid()} values: {@code (10-microsecond units since 2015-01-01) << 15 | nodeId}.
 * Values from one generator strictly increase even if the clock stalls or steps back (the time
 * part is bumped past the last one); generators on different nodes never collide because the low
 * 15 bits differ. Roughly increasing across nodes, as long as clocks roughly agree. Thread-safe.
 */
public final class UniqueRowIds {

  private static final int NODE_BITS = 15;
  private static final int MAX_NODE_ID = (1 << NODE_BITS) - 1;
  private static final long EPOCH_MICROS = 1_420_070_400_000_000L; // 2015-01-01T00:00Z

  private final LongSupplier microsClock;
  private final int nodeId;
  private final AtomicLong lastTicks = new AtomicLong();

  /**
   * @param microsClock microseconds since the Unix epoch
   * @param nodeId 0..32767, unique in the cluster
   */
  public UniqueRowIds(LongSupplier microsClock, int nodeId) {
    if (nodeId < 0 || nodeId > MAX_NODE_ID) {
      throw new IllegalArgumentException("nodeId must be in 0.." + MAX_NODE_ID + ": " + nodeId);
    }
    this.microsClock = microsClock;
    this.nodeId = nodeId;
  }

  /** The next id; positive for clocks before about 2100. */
  public long next() {
    long now = (microsClock.getAsLong() - EPOCH_MICROS) / 10;
    long ticks = lastTicks.updateAndGet(last -> Math.max(last + 1, now));
    return (ticks << NODE_BITS) | nodeId;
  }
}
