package io.shaledb.kv.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * For every type and direction: encoding order equals SQL order, decoding round-trips, encodings
 * are prefix-free, NULL sorts first (ASC) / last (DESC), and {@code skipField} consumes exactly
 * one field. Generators are biased towards edge cases and small alphabets so that equal values and
 * prefixes occur often.
 */
class OrderedEncodingPropertiesTest {

  @Property(tries = 1000)
  void longs(@ForAll("longValues") long a, @ForAll("longValues") long b, @ForAll Direction d) {
    checkPair(FieldCodec.LONG, a, b, d);
  }

  @Property(tries = 1000)
  void doubles(@ForAll("doubleValues") double a, @ForAll("doubleValues") double b, @ForAll Direction d) {
    checkPair(FieldCodec.DOUBLE, a, b, d);
  }

  @Property(tries = 1000)
  void decimals(@ForAll("decimalValues") BigDecimal a, @ForAll("decimalValues") BigDecimal b,
      @ForAll Direction d) {
    checkPair(FieldCodec.DECIMAL, a, b, d);
  }

  @Property(tries = 1000)
  void strings(@ForAll("stringValues") String a, @ForAll("stringValues") String b, @ForAll Direction d) {
    checkPair(FieldCodec.STRING, a, b, d);
  }

  @Property(tries = 1000)
  void bytes(@ForAll("byteValues") byte[] a, @ForAll("byteValues") byte[] b, @ForAll Direction d) {
    checkPair(FieldCodec.BYTES, a, b, d);
  }

  @Property(tries = 50)
  void booleans(@ForAll boolean a, @ForAll boolean b, @ForAll Direction d) {
    checkPair(FieldCodec.BOOLEAN, a, b, d);
  }

  @Property(tries = 1000)
  void dates(@ForAll("dateValues") LocalDate a, @ForAll("dateValues") LocalDate b, @ForAll Direction d) {
    checkPair(FieldCodec.DATE, a, b, d);
  }

  @Property(tries = 1000)
  void timestamps(@ForAll("timestampValues") LocalDateTime a,
      @ForAll("timestampValues") LocalDateTime b, @ForAll Direction d) {
    checkPair(FieldCodec.TIMESTAMP, a, b, d);
  }

  @Property(tries = 1000)
  void longStringTuplesCompareLexicographically(
      @ForAll("smallLongs") long a1, @ForAll("stringValues") String a2,
      @ForAll("smallLongs") long b1, @ForAll("stringValues") String b2,
      @ForAll Direction d1, @ForAll Direction d2) {
    byte[] a = new OrderedEncoder().writeLong(a1, d1).writeString(a2, d2).toBytes();
    byte[] b = new OrderedEncoder().writeLong(b1, d1).writeString(b2, d2).toBytes();
    int expected = Long.compare(a1, b1) * sign(d1);
    if (expected == 0) {
      expected = Integer.signum(FieldCodec.compareCodePoints(a2, b2)) * sign(d2);
    }
    assertEquals(Integer.signum(expected), Integer.signum(Keys.compare(a, b)));
    OrderedDecoder dec = new OrderedDecoder(a, 0);
    assertEquals(a1, dec.readLong(d1));
    assertEquals(a2, dec.readString(d2));
    assertFalse(dec.hasRemaining());
  }

  @Property(tries = 500)
  void prefixedTuplesWithNullsCompareLexicographically(
      @ForAll("nullableDecimals") BigDecimal a1, @ForAll("nullableDecimals") BigDecimal b1,
      @ForAll("smallLongs") long a2, @ForAll("smallLongs") long b2, @ForAll Direction d) {
    byte[] prefix = {0x12, 0x34};
    byte[] a = writeNullable(new OrderedEncoder(prefix), a1, d).writeLong(a2, Direction.ASC).toBytes();
    byte[] b = writeNullable(new OrderedEncoder(prefix), b1, d).writeLong(b2, Direction.ASC).toBytes();
    int first = a1 == null ? (b1 == null ? 0 : -1) : (b1 == null ? 1 : a1.compareTo(b1));
    int expected = Integer.signum(first) * sign(d);
    if (expected == 0) {
      expected = Long.compare(a2, b2);
    }
    assertEquals(Integer.signum(expected), Integer.signum(Keys.compare(a, b)));
    OrderedDecoder dec = new OrderedDecoder(a, prefix.length);
    dec.skipField();
    assertEquals(a2, dec.readLong(Direction.ASC));
  }

  private static OrderedEncoder writeNullable(OrderedEncoder e, BigDecimal v, Direction d) {
    return v == null ? e.writeNull(d) : e.writeDecimal(v, d);
  }

  private static <T> void checkPair(FieldCodec<T> codec, T a, T b, Direction d) {
    byte[] ea = codec.encode(a, d);
    byte[] eb = codec.encode(b, d);
    int sql = Integer.signum(codec.sqlOrder().compare(a, b)) * sign(d);
    assertEquals(sql, Integer.signum(Keys.compare(ea, eb)),
        () -> codec.name() + " " + d + " order of " + show(a) + " vs " + show(b)
            + ": " + Keys.pretty(ea) + " vs " + Keys.pretty(eb));
    if (sql == 0) {
      assertArrayEquals(ea, eb, "equal values encode equal");
    } else {
      assertFalse(isPrefix(ea, eb) || isPrefix(eb, ea), "prefix-free");
    }
    checkRoundTrip(codec, a, ea, d);
    checkRoundTrip(codec, b, eb, d);
    byte[] nul = new OrderedEncoder().writeNull(d).toBytes();
    assertEquals(d == Direction.ASC ? -1 : 1, Integer.signum(Keys.compare(nul, ea)), "NULL placement");
  }

  private static <T> void checkRoundTrip(FieldCodec<T> codec, T v, byte[] enc, Direction d) {
    byte[] withTail = Arrays.copyOf(enc, enc.length + 1);
    withTail[enc.length] = 0x7f;
    OrderedDecoder dec = new OrderedDecoder(withTail, 0);
    assertFalse(dec.tryReadNull(d));
    T back = codec.reader().apply(dec, d);
    assertEquals(enc.length, dec.position(), "decoder consumes exactly the field");
    T expected = codec.normalise().apply(v);
    if (expected instanceof byte[] bytes) {
      assertArrayEquals(bytes, (byte[]) back);
    } else {
      assertEquals(expected, back, () -> codec.name() + " round trip of " + show(v));
    }
    OrderedDecoder skipper = new OrderedDecoder(withTail, 0);
    skipper.skipField();
    assertEquals(enc.length, skipper.position(), "skipField consumes exactly the field");
  }

  private static boolean isPrefix(byte[] p, byte[] k) {
    return p.length < k.length && Arrays.equals(p, 0, p.length, k, 0, p.length);
  }

  private static int sign(Direction d) {
    return d == Direction.ASC ? 1 : -1;
  }

  private static String show(Object v) {
    return v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v);
  }

  // ---- generators ----

  @Provide
  Arbitrary<Long> longValues() {
    return weighted(
        3, Arbitraries.longs(),
        3, Arbitraries.longs().between(-300, 300),
        2, Arbitraries.integers().between(0, 63).flatMap(
            bit -> Arbitraries.of(1L << bit, (1L << bit) - 1, -(1L << bit), -(1L << bit) - 1)),
        1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L));
  }

  @Provide
  Arbitrary<Long> smallLongs() {
    return Arbitraries.longs().between(-3, 3);
  }

  @Provide
  Arbitrary<Double> doubleValues() {
    return weighted(
        3, Arbitraries.doubles(),
        3, Arbitraries.longs().map(Double::longBitsToDouble), // any bit pattern, NaN payloads
        2, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            1.0, -1.0, Double.MIN_NORMAL, Double.longBitsToDouble(0xfff8000000000001L)));
  }

  @Provide
  Arbitrary<BigDecimal> decimalValues() {
    Arbitrary<BigDecimal> random = Combinators.combine(
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)),
            Arbitraries.integers().between(-60, 60))
        .as(BigDecimal::new);
    Arbitrary<BigDecimal> small = Combinators.combine(
            Arbitraries.integers().between(-1100, 1100), Arbitraries.integers().between(-3, 4))
        .as((u, s) -> BigDecimal.valueOf(u, s));
    Arbitrary<BigDecimal> edges = Arbitraries.of(
        BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("-0.0"), BigDecimal.ONE,
        new BigDecimal("1.0"), new BigDecimal("1.00"), new BigDecimal("-1"), new BigDecimal("10"),
        new BigDecimal("1E+1"), new BigDecimal("0.1"), new BigDecimal("0.01"), new BigDecimal("99"),
        new BigDecimal("100"), new BigDecimal("1E-1000"), new BigDecimal("-1E-1000"),
        new BigDecimal("9.99E+999"), new BigDecimal("-9.99E+999"),
        new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE), new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE),
        new BigDecimal(BigInteger.valueOf(-123), Integer.MIN_VALUE),
        new BigDecimal("123456789012345678901234567890.123456789"));
    return weighted(4, random, 4, small, 2, edges);
  }

  @Provide
  Arbitrary<BigDecimal> nullableDecimals() {
    return Arbitraries.integers().between(-20, 20)
        .map(i -> BigDecimal.valueOf(i, 1)).injectNull(0.2);
  }

  @Provide
  Arbitrary<String> stringValues() {
    Arbitrary<String> small = Arbitraries.of("", "\u0000", "a", "b", "\u00ff", "\uffff", "😀", "\u0001")
        .list().ofMaxSize(4).map(l -> String.join("", l));
    Arbitrary<String> codePoints = Arbitraries.integers().between(0, 0x10FFFF)
        .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
        .list().ofMaxSize(12)
        .map(l -> l.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
            StringBuilder::append).toString());
    return weighted(3, small, 2, codePoints);
  }

  @Provide
  Arbitrary<byte[]> byteValues() {
    Arbitrary<byte[]> small = Arbitraries.of((byte) 0, (byte) 1, (byte) 0xFF, (byte) 0x7F, (byte) 0x80)
        .list().ofMaxSize(5).map(OrderedEncodingPropertiesTest::toArray);
    Arbitrary<byte[]> random = Arbitraries.bytes().list().ofMaxSize(20)
        .map(OrderedEncodingPropertiesTest::toArray);
    return weighted(3, small, 2, random);
  }

  @Provide
  Arbitrary<LocalDate> dateValues() {
    return weighted(
        3, Arbitraries.longs().between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
            .map(LocalDate::ofEpochDay),
        3, Arbitraries.longs().between(-400, 400).map(LocalDate::ofEpochDay),
        1, Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH));
  }

  @Provide
  Arbitrary<LocalDateTime> timestampValues() {
    long maxSeconds = 9_000_000_000_000L; // about +/-285,000 years, inside the microsecond range
    return weighted(
        3, Combinators.combine(Arbitraries.longs().between(-maxSeconds, maxSeconds),
                Arbitraries.integers().between(0, 999_999_999))
            .as((s, n) -> LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC)),
        3, Combinators.combine(Arbitraries.longs().between(-2, 2),
                Arbitraries.of(0, 1, 999, 1000, 1999, 999_999_999))
            .as((s, n) -> LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC)));
  }

  private static byte[] toArray(List<Byte> l) {
    byte[] out = new byte[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = l.get(i);
    }
    return out;
  }

  /** {@code Arbitraries.frequencyOf} with plain weights. */
  private static <T> Arbitrary<T> weighted(Object... weightsAndArbitraries) {
    List<Tuple2<Integer, Arbitrary<T>>> choices = new java.util.ArrayList<>();
    for (int i = 0; i < weightsAndArbitraries.length; i += 2) {
      @SuppressWarnings("unchecked")
      Arbitrary<T> a = (Arbitrary<T>) weightsAndArbitraries[i + 1];
      choices.add(Tuple.of((Integer) weightsAndArbitraries[i], a));
    }
    return Arbitraries.frequencyOf(choices);
  }
}
