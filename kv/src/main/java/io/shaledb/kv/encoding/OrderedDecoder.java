package io.shaledb.kv.encoding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Reads fields written by {@link OrderedEncoder} back in the same order. */
public final class OrderedDecoder {
  public OrderedDecoder(byte[] key, int offset) {}

  public boolean hasRemaining() { throw new UnsupportedOperationException(); }
  public int position() { throw new UnsupportedOperationException(); }
  public boolean tryReadNull(Direction d) { throw new UnsupportedOperationException(); }
  public long readLong(Direction d) { throw new UnsupportedOperationException(); }
  public double readDouble(Direction d) { throw new UnsupportedOperationException(); }
  public BigDecimal readDecimal(Direction d) { throw new UnsupportedOperationException(); }
  public String readString(Direction d) { throw new UnsupportedOperationException(); }
  public byte[] readBytes(Direction d) { throw new UnsupportedOperationException(); }
  public boolean readBoolean(Direction d) { throw new UnsupportedOperationException(); }
  public LocalDate readDate(Direction d) { throw new UnsupportedOperationException(); }
  public LocalDateTime readTimestamp(Direction d) { throw new UnsupportedOperationException(); }
  public void skipField() { throw new UnsupportedOperationException(); }
}
