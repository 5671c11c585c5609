package io.shaledb.server.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shaledb.jdbc.proto.Value;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ValueCodecTest {
  @Test
  void canonicalJavaTypesEncodeToTheirWireKinds() {
    assertEquals(7, ValueCodec.toWire(7).getIntValue());
    assertEquals(7, ValueCodec.toWire((short) 7).getIntValue());
    assertEquals(1.5, ValueCodec.toWire(1.5f).getDoubleValue());
    assertEquals("1E+3", ValueCodec.toWire(new BigDecimal("1E+3")).getDecimalValue());
    assertEquals(-1, ValueCodec.toWire(LocalDate.of(1969, 12, 31)).getDateValue());
    assertEquals(1_500_000L,
        ValueCodec.toWire(LocalDateTime.of(1970, 1, 1, 0, 0, 1, 500_000_999)).getTimestampValue(),
        "sub-microsecond digits are dropped");
    assertEquals(Value.KindCase.NULL, ValueCodec.toWire(null).getKindCase());
    assertThrows(IllegalArgumentException.class, () -> ValueCodec.toWire(new Object()));
  }

  @Test
  void wireValuesDecodeToCanonicalJavaTypes() {
    BigDecimal d = (BigDecimal) ValueCodec.fromWire(
        Value.newBuilder().setDecimalValue("1E+3").build());
    assertEquals(0, d.compareTo(new BigDecimal("1000")), d.toString());
    assertEquals(new BigDecimal("12.50"),
        ValueCodec.fromWire(Value.newBuilder().setDecimalValue("12.50").build()), "scale kept");
    assertEquals(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000),
        ValueCodec.fromWire(Value.newBuilder().setTimestampValue(-1).build()));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) ValueCodec.fromWire(ValueCodec.toWire(new byte[] {1, 2})));
    assertNull(ValueCodec.fromWire(Value.newBuilder().setNull(true).build()));
    assertThrows(MalformedMessageException.class,
        () -> ValueCodec.fromWire(Value.newBuilder().setDecimalValue("abc").build()));
    assertThrows(MalformedMessageException.class, () -> ValueCodec.fromWire(Value.getDefaultInstance()));
  }

  @Property(tries = 200)
  void timestampsRoundTripAtMicrosecondPrecision(
      @ForAll @LongRange(min = -62_135_596_800_000_000L, max = 253_402_300_799_999_999L) long micros) {
    LocalDateTime ts = ValueCodec.fromMicros(micros);
    assertEquals(micros, ValueCodec.toMicros(ts));
    assertEquals(ts, ValueCodec.fromWire(ValueCodec.toWire(ts)));
  }
}
