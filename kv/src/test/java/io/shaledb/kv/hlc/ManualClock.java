package io.shaledb.kv.hlc;

import java.util.concurrent.atomic.AtomicLong;

/** A physical clock that only moves when told to. Thread-safe. */
public final class ManualClock implements PhysicalClock {
  private final AtomicLong nanos;

  public ManualClock(long startNanos) {
    nanos = new AtomicLong(startNanos);
  }

  @Override
  public long nowNanos() {
    return nanos.get();
  }

  public void set(long value) {
    nanos.set(value);
  }

  public void advance(long delta) {
    nanos.addAndGet(delta);
  }
}
