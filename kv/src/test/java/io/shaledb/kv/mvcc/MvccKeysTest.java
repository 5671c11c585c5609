package io.shaledb.kv.mvcc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.kv.Timestamp;
import io.shaledb.kv.encoding.Keys;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MvccKeysTest {

  @Property(tries = 500)
  void encodingOrdersByUserKeyThenNewestFirst(@ForAll("userKeys") byte[] k1, @ForAll("timestamps") Timestamp t1,
      @ForAll("userKeys") byte[] k2, @ForAll("timestamps") Timestamp t2) {
    byte[] a = MvccKeys.encode(k1, t1);
    byte[] b = MvccKeys.encode(k2, t2);
    int expected = Arrays.compareUnsigned(k1, k2);
    if (expected == 0) {
      expected = -t1.compareTo(t2);
    }
    assertEquals(Integer.signum(expected), Integer.signum(Keys.compare(a, b)));
    assertEquals(new MvccKey(k1, t1), MvccKeys.decode(a));
    assertArrayEquals(k1, MvccKeys.userKey(a));
    assertEquals(t1.compareTo(t2) > 0, MvccKeys.newerThan(a, MvccKeys.timestampSuffix(t2)));
    assertTrue(Keys.compare(MvccKeys.versionPrefix(k1), a) < 0);
    assertTrue(Keys.compare(a, MvccKeys.versionsEnd(k1)) < 0);
    if (!Arrays.equals(k1, k2)) {
      boolean bInsideA = Keys.compare(MvccKeys.versionPrefix(k1), b) <= 0
          && Keys.compare(b, MvccKeys.versionsEnd(k1)) < 0;
      assertFalse(bInsideA, "another key's version inside this key's version span");
    }
  }

  @Test
  void decodeRejectsGarbage() {
    assertThrows(IllegalArgumentException.class, () -> MvccKeys.decode(new byte[] {1, 2, 3}));
    assertThrows(IllegalArgumentException.class, () -> MvccKeys.decode(MvccKeys.versionPrefix(new byte[] {1})));
  }

  @Test
  void valuesDistinguishTombstoneFromEmpty() {
    assertTrue(MvccValues.isTombstone(MvccValues.tombstone()));
    assertFalse(MvccValues.isTombstone(MvccValues.value(new byte[0])));
    assertArrayEquals(new byte[0], MvccValues.userValue(MvccValues.value(new byte[0])));
    assertArrayEquals(new byte[] {0}, MvccValues.userValue(MvccValues.value(new byte[] {0})));
    assertThrows(IllegalArgumentException.class, () -> MvccValues.userValue(MvccValues.tombstone()));
    assertThrows(IllegalArgumentException.class, () -> MvccValues.isTombstone(new byte[0]));
  }

  @Provide
  Arbitrary<byte[]> userKeys() {
    return Arbitraries.of((byte) 0, (byte) 1, (byte) 0xFF, (byte) 'a').list().ofMaxSize(4)
        .map(l -> {
          byte[] out = new byte[l.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i);
          }
          return out;
        });
  }

  @Provide
  Arbitrary<Timestamp> timestamps() {
    return Combinators.combine(
            Arbitraries.oneOf(Arbitraries.longs().between(0, 3), Arbitraries.longs().greaterOrEqual(0),
                Arbitraries.of(Long.MAX_VALUE)),
            Arbitraries.oneOf(Arbitraries.integers().between(0, 2), Arbitraries.of(Integer.MAX_VALUE)))
        .as(Timestamp::new);
  }

}
