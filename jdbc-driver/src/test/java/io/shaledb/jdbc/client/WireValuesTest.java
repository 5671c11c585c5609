package io.shaledb.jdbc.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.jdbc.proto.Value;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class WireValuesTest {
  @Test
  void canonicalValuesRoundTrip() {
    for (Object v :
        new Object[] {
          42L,
          -1.5d,
          new BigDecimal("-12.3400"),
          "text",
          true,
          LocalDate.of(1900, 3, 1),
          LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)
        }) {
      assertEquals(v, WireValues.fromWire(WireValues.toWire(v)));
    }
    assertArrayEquals(
        new byte[] {0, -1}, (byte[]) WireValues.fromWire(WireValues.toWire(new byte[] {0, -1})));
    assertNull(WireValues.fromWire(WireValues.toWire(null)));
    assertNull(WireValues.fromWire(Value.getDefaultInstance()));
  }

  @Test
  void narrowTypesAreWidened() {
    assertEquals(7L, WireValues.fromWire(WireValues.toWire(7)));
    assertEquals(7L, WireValues.fromWire(WireValues.toWire((short) 7)));
    assertEquals(0.5d, WireValues.fromWire(WireValues.toWire(0.5f)));
    assertThrows(IllegalArgumentException.class, () -> WireValues.toWire(new Object()));
  }

  @Test
  void timestampsAreMicrosecondsAndDatesAreDays() {
    assertEquals(
        -1L,
        WireValues.toWire(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000))
            .getTimestampValue());
    assertEquals(
        1L, WireValues.toWire(LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_999)).getTimestampValue());
    assertEquals(-1, WireValues.toWire(LocalDate.of(1969, 12, 31)).getDateValue());
    assertTrue(WireValues.toWire(null).getNull());
  }

  @Property(tries = 200, seed = "42")
  void epochMicrosRoundTrip(
      @ForAll @LongRange(min = -62_000_000_000_000_000L, max = 250_000_000_000_000_000L)
          long micros) {
    assertEquals(micros, WireValues.toEpochMicros(WireValues.fromEpochMicros(micros)));
  }
}
