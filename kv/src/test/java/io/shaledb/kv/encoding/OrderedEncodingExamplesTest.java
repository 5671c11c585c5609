package io.shaledb.kv.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderedEncodingExamplesTest {

  private static byte[] dbl(double v) {
    return new OrderedEncoder().writeDouble(v, Direction.ASC).toBytes();
  }

  private static byte[] dec(String v) {
    return new OrderedEncoder().writeDecimal(new BigDecimal(v), Direction.ASC).toBytes();
  }

  @Test
  void smallLongsAreShort() {
    assertEquals(1, new OrderedEncoder().writeLong(0, Direction.ASC).length());
    assertEquals(2, new OrderedEncoder().writeLong(255, Direction.ASC).length());
    assertEquals(1, new OrderedEncoder().writeLong(-1, Direction.ASC).length());
    assertEquals(2, new OrderedEncoder().writeLong(-256, Direction.ASC).length());
    assertEquals(9, new OrderedEncoder().writeLong(Long.MIN_VALUE, Direction.ASC).length());
  }

  @Test
  void doubleSpecialValuesFollowPostgresOrder() {
    assertArrayEquals(dbl(0.0), dbl(-0.0));
    assertTrue(Keys.compare(dbl(Double.POSITIVE_INFINITY), dbl(Double.NaN)) < 0);
    assertTrue(Keys.compare(dbl(Double.NEGATIVE_INFINITY), dbl(-Double.MAX_VALUE)) < 0);
    assertArrayEquals(dbl(Double.NaN), dbl(Double.longBitsToDouble(0x7ff0000000000001L)));
  }

  @Test
  void decimalsEncodeByValueNotScale() {
    assertArrayEquals(dec("1.0"), dec("1.00"));
    assertArrayEquals(dec("0"), dec("-0.000"));
    assertArrayEquals(dec("100"), dec("1E+2"));
    assertTrue(Keys.compare(dec("-10"), dec("-9.99")) < 0);
    assertTrue(Keys.compare(dec("-1E-1000"), dec("0")) < 0);
    assertTrue(Keys.compare(dec("0"), dec("1E-1000")) < 0);
    assertTrue(Keys.compare(dec("0.12"), dec("0.123")) < 0);
  }

  @Test
  void prefixEndAndNext() {
    assertArrayEquals(new byte[] {1, 3}, Keys.prefixEnd(new byte[] {1, 2}));
    assertArrayEquals(new byte[] {2}, Keys.prefixEnd(new byte[] {1, (byte) 0xFF}));
    assertNull(Keys.prefixEnd(new byte[] {(byte) 0xFF, (byte) 0xFF}));
    assertNull(Keys.prefixEnd(new byte[0]));
    assertArrayEquals(new byte[] {1, 2, 0}, Keys.next(new byte[] {1, 2}));
    assertTrue(Keys.compare(new byte[] {1, (byte) 0x80}, new byte[] {1, 2}) > 0, "unsigned");
  }

  @Test
  void prettyDecodesFieldsAndFallsBackToHex() {
    byte[] key = new OrderedEncoder().writeLong(52, Direction.ASC).writeString("it's", Direction.DESC)
        .writeNull(Direction.ASC).toBytes();
    assertEquals("/52/'it''s'↓/NULL", Keys.pretty(key));
    assertEquals("/7/0xff00", Keys.pretty(new byte[] {0x0d, 7, (byte) 0xff, 0}));
  }

  @Test
  void readingTheWrongTypeFailsWithoutConsuming() {
    byte[] key = new OrderedEncoder().writeString("x", Direction.ASC).toBytes();
    OrderedDecoder dec = new OrderedDecoder(key, 0);
    assertThrows(KeyDecodingException.class, () -> dec.readLong(Direction.ASC));
    assertThrows(KeyDecodingException.class, () -> dec.readString(Direction.DESC));
    assertEquals(0, dec.position());
    assertEquals("x", dec.readString(Direction.ASC));
    OrderedDecoder truncated = new OrderedDecoder(new byte[] {0x40, 'x', 0}, 0);
    assertThrows(KeyDecodingException.class, () -> truncated.readString(Direction.ASC));
  }
}
