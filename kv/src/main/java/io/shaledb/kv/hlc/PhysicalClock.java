package io.shaledb.kv.hlc;

import java.time.Instant;

/** Source of physical wall time for a {@link HybridClock}. */
@FunctionalInterface
public interface PhysicalClock {
  /** Wall time in nanoseconds since the Unix epoch; may go backwards. */
  long nowNanos();

  /** The system wall clock. */
  PhysicalClock SYSTEM = () -> {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  };
}
