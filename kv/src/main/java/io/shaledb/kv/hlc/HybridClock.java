package io.shaledb.kv.hlc;

import io.shaledb.kv.Timestamp;
import java.time.Duration;
import java.util.Objects;

/**
 * A hybrid logical clock: timestamps track physical time where possible and fall back to a
 * logical counter when physical time stalls or goes backwards, so that {@link #now()} is strictly
 * increasing and never behind any timestamp passed to {@link #update}.
 *
 * <p>Thread-safe: every method synchronizes on the clock; the critical sections only read the
 * physical clock and compare two numbers.
 */
public final class HybridClock {
  private final PhysicalClock physical;
  private final Duration maxOffset;
  private final long maxOffsetNanos;

  // Guarded by this.
  private long wall;
  private int logical;

  /**
   * @param physical source of wall time (injected; {@link PhysicalClock#SYSTEM} in production)
   * @param maxOffset the largest tolerated clock difference between nodes (callers use 500 ms);
   *     zero disables the check in {@link #update}
   */
  public HybridClock(PhysicalClock physical, Duration maxOffset) {
    this.physical = Objects.requireNonNull(physical, "physical");
    this.maxOffset = Objects.requireNonNull(maxOffset, "maxOffset");
    if (maxOffset.isNegative()) {
      throw new IllegalArgumentException("negative max offset: " + maxOffset);
    }
    this.maxOffsetNanos = maxOffset.toNanos();
  }

  /** A timestamp strictly greater than every timestamp this clock returned or was updated with. */
  public synchronized Timestamp now() {
    long pt = physical.nowNanos();
    if (pt > wall) {
      wall = pt;
      logical = 0;
    } else {
      advanceLogical();
    }
    return new Timestamp(wall, logical);
  }

  /**
   * Forwards the clock to at least {@code remote} (e.g. a timestamp received from another node)
   * and returns {@link #now()}-like timestamp strictly greater than both {@code remote} and every
   * earlier reading.
   *
   * @throws ClockOffsetException if {@code remote} is more than {@link #maxOffset()} ahead of this
   *     node's physical clock; the clock is left unchanged
   */
  public synchronized Timestamp update(Timestamp remote) {
    Objects.requireNonNull(remote, "remote");
    long pt = physical.nowNanos();
    if (maxOffsetNanos > 0 && remote.wallNanos() - pt > maxOffsetNanos) {
      throw new ClockOffsetException("remote wall time " + remote.wallNanos() + " is "
          + Duration.ofNanos(remote.wallNanos() - pt) + " ahead of local physical time " + pt
          + ", beyond the maximum offset " + maxOffset);
    }
    if (pt > wall && pt > remote.wallNanos()) {
      wall = pt;
      logical = 0;
    } else if (remote.wallNanos() > wall) {
      wall = remote.wallNanos();
      logical = remote.logical();
      advanceLogical();
    } else if (remote.wallNanos() == wall) {
      logical = Math.max(logical, remote.logical());
      advanceLogical();
    } else {
      advanceLogical();
    }
    return new Timestamp(wall, logical);
  }

  /**
   * Forwards the clock to at least {@code ts} without the offset check of {@link #update}. Meant
   * for recovery: a node restarting forwards past the highest timestamp it persisted, even if its
   * physical clock is now behind it (readings then advance the logical component until physical
   * time catches up).
   */
  public synchronized void forward(Timestamp ts) {
    Objects.requireNonNull(ts, "ts");
    if (ts.wallNanos() > wall || (ts.wallNanos() == wall && ts.logical() > logical)) {
      wall = ts.wallNanos();
      logical = ts.logical();
    }
  }

  /** The maximum tolerated offset given at construction. */
  public Duration maxOffset() {
    return maxOffset;
  }

  private void advanceLogical() {
    if (logical == Integer.MAX_VALUE) {
      wall++; // 2^31 events within one nanosecond cannot happen; stay strictly increasing anyway
      logical = 0;
    } else {
      logical++;
    }
  }
}
