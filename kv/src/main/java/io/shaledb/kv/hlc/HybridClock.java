package io.shaledb.kv.hlc;

import io.shaledb.kv.Timestamp;
import java.time.Duration;

/** A hybrid logical clock. */
public final class HybridClock {
  public HybridClock(PhysicalClock physical, Duration maxOffset) {}

  public Timestamp now() { throw new UnsupportedOperationException(); }
  public Timestamp update(Timestamp remote) { throw new UnsupportedOperationException(); }
  public Duration maxOffset() { throw new UnsupportedOperationException(); }
}
