package io.shaledb.kv.encoding;

/** Byte-key arithmetic. */
public final class Keys {
  private Keys() {}

  public static int compare(byte[] a, byte[] b) { throw new UnsupportedOperationException(); }
  public static byte[] prefixEnd(byte[] prefix) { throw new UnsupportedOperationException(); }
  public static byte[] next(byte[] key) { throw new UnsupportedOperationException(); }
  public static String pretty(byte[] key) { throw new UnsupportedOperationException(); }
}
