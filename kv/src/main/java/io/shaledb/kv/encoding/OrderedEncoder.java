package io.shaledb.kv.encoding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Appends order-preserving encoded fields to a growable byte buffer. */
public final class OrderedEncoder {
  public OrderedEncoder() {}

  public OrderedEncoder(byte[] prefix) {}

  public OrderedEncoder writeNull(Direction d) { throw new UnsupportedOperationException(); }
  public OrderedEncoder writeLong(long v, Direction d) { throw new UnsupportedOperationException(); }
  public OrderedEncoder writeDouble(double v, Direction d) { throw new UnsupportedOperationException(); }
  public OrderedEncoder writeDecimal(BigDecimal v, Direction d) { throw new UnsupportedOperationException(); }
  public OrderedEncoder writeString(String v, Direction d) { throw new UnsupportedOperationException(); }
  public OrderedEncoder writeBytes(byte[] v, Direction d) { throw new UnsupportedOperationException(); }
  public OrderedEncoder writeBoolean(boolean v, Direction d) { throw new UnsupportedOperationException(); }
  public OrderedEncoder writeDate(LocalDate v, Direction d) { throw new UnsupportedOperationException(); }
  public OrderedEncoder writeTimestamp(LocalDateTime v, Direction d) { throw new UnsupportedOperationException(); }
  public int length() { throw new UnsupportedOperationException(); }
  public byte[] toBytes() { throw new UnsupportedOperationException(); }
}
