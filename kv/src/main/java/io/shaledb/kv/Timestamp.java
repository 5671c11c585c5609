package io.shaledb.kv;

/**
 * A hybrid-logical-clock timestamp: physical wall time in nanoseconds since the Unix epoch plus a
 * logical counter that orders events within the same wall time.
 *
 * <p>Timestamps are totally ordered by (wallNanos, logical). {@link #MIN} sorts before every
 * timestamp a clock can produce and {@link #MAX} after.
 *
 * @param wallNanos physical component, nanoseconds since 1970-01-01T00:00Z; never negative
 * @param logical logical component; never negative
 */
public record Timestamp(long wallNanos, int logical) implements Comparable<Timestamp> {

  public static final Timestamp MIN = new Timestamp(0, 0);
  public static final Timestamp MAX = new Timestamp(Long.MAX_VALUE, Integer.MAX_VALUE);

  public Timestamp {
    if (wallNanos < 0) {
      throw new IllegalArgumentException("negative wall time: " + wallNanos);
    }
    if (logical < 0) {
      throw new IllegalArgumentException("negative logical: " + logical);
    }
  }

  public static Timestamp ofWall(long wallNanos) {
    return new Timestamp(wallNanos, 0);
  }

  /** The smallest timestamp strictly greater than this one. */
  public Timestamp next() {
    if (logical == Integer.MAX_VALUE) {
      return new Timestamp(Math.addExact(wallNanos, 1), 0);
    }
    return new Timestamp(wallNanos, logical + 1);
  }

  /** The larger of this and {@code other}. */
  public Timestamp forward(Timestamp other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public boolean isBefore(Timestamp other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(Timestamp o) {
    int c = Long.compare(wallNanos, o.wallNanos);
    return c != 0 ? c : Integer.compare(logical, o.logical);
  }

  @Override
  public String toString() {
    return wallNanos + "," + logical;
  }
}
