package io.shaledb.kv.hlc;

/** A remote timestamp lies further in the future than the maximum tolerated clock offset. */
public final class ClockOffsetException extends RuntimeException {
  public ClockOffsetException(String message) {
    super(message);
  }
}
