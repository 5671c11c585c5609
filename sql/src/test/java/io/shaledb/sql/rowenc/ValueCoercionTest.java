package io.shaledb.sql.rowenc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.SqlType.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ValueCoercionTest {

  private final RowStore store = new RowStore();

  private Object coerce(SqlType type, Object value) {
    return store.coerce(new ColumnDescriptor(1, "c", type, true, null, false), value);
  }

  private Object coerce(Kind kind, Object value) {
    return coerce(SqlType.of(kind), value);
  }

  private SqlState failure(SqlType type, Object value) {
    return assertThrows(SqlError.class, () -> coerce(type, value)).state();
  }

  private SqlState failure(Kind kind, Object value) {
    return failure(SqlType.of(kind), value);
  }

  @Test
  void nullStaysNull() {
    for (Kind kind : Kind.values()) {
      assertNull(coerce(kind, null));
    }
  }

  @Test
  void integersAreRangeChecked() {
    assertEquals(5, coerce(Kind.INTEGER, 5L));
    assertEquals(5, coerce(Kind.SMALLINT, (short) 5));
    assertEquals(7L, coerce(Kind.BIGINT, 7));
    assertEquals(-32768, coerce(Kind.SMALLINT, -32768));
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(Kind.SMALLINT, 32768));
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(Kind.INTEGER, 1L << 31));
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(Kind.BIGINT, new BigDecimal("9223372036854775808")));
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(Kind.BIGINT, Double.NaN));
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(Kind.INTEGER, "99999999999"));
  }

  @Test
  void numericsRoundHalfAwayFromZeroAndFloatsHalfToEven() {
    assertEquals(3, coerce(Kind.INTEGER, new BigDecimal("2.5")));
    assertEquals(-3, coerce(Kind.INTEGER, new BigDecimal("-2.5")));
    assertEquals(2, coerce(Kind.INTEGER, 2.5));
    assertEquals(4, coerce(Kind.INTEGER, 3.5f));
    assertEquals(2, coerce(Kind.INTEGER, 2.4));
  }

  @Test
  void textToNumbersParsesOr22P02() {
    assertEquals(42, coerce(Kind.INTEGER, " 42 "));
    assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, failure(Kind.INTEGER, "2.5"));
    assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, failure(Kind.BIGINT, "abc"));
    assertEquals(new BigDecimal("1.25"), coerce(Kind.DECIMAL, "1.25"));
    assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, failure(Kind.DECIMAL, "1,25"));
    assertEquals(1.5, coerce(Kind.DOUBLE, "1.5"));
    assertEquals(Double.NaN, coerce(Kind.DOUBLE, "NaN"));
    assertEquals(1.5f, coerce(Kind.REAL, "1.5"));
    assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, failure(Kind.REAL, "x1"));
  }

  @Test
  void decimalRoundsToScaleAndChecksPrecision() {
    SqlType money = new SqlType(Kind.DECIMAL, 5, 2);
    assertEquals(new BigDecimal("123.46"), coerce(money, new BigDecimal("123.455")));
    assertEquals(new BigDecimal("-123.46"), coerce(money, new BigDecimal("-123.455")));
    assertEquals(new BigDecimal("7.00"), coerce(money, 7));
    assertEquals(new BigDecimal("0.10"), coerce(money, 0.1));
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(money, new BigDecimal("1000")));
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(money, new BigDecimal("999.995")));
    assertEquals(new BigDecimal("999.99"), coerce(money, new BigDecimal("999.994")));
    assertEquals(new BigDecimal("1.23456789"), coerce(Kind.DECIMAL, new BigDecimal("1.23456789")));
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(money, Double.POSITIVE_INFINITY));
  }

  @Test
  void floatingPoint() {
    assertEquals(2.0f, coerce(Kind.REAL, 2));
    assertEquals(0.1f, coerce(Kind.REAL, 0.1));
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(Kind.REAL, 1e300));
    // a non-zero value that would round to zero underflows; zero and subnormals are kept
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(Kind.REAL, 1e-50));
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, failure(Kind.REAL, new BigDecimal("-1e-50")));
    assertEquals(0.0f, coerce(Kind.REAL, 0.0));
    assertEquals(1e-40f, coerce(Kind.REAL, 1e-40));
    assertEquals(3.0, coerce(Kind.DOUBLE, 3L));
    assertEquals(0.25, coerce(Kind.DOUBLE, new BigDecimal("0.25")));
  }

  @Test
  void stringsCheckLengthAndCharPads() {
    SqlType v3 = new SqlType(Kind.VARCHAR, 3, 0);
    SqlType c3 = new SqlType(Kind.CHAR, 3, 0);
    assertEquals("abc", coerce(v3, "abc"));
    assertEquals("abc", coerce(v3, "abc  "));
    assertEquals(SqlState.STRING_DATA_RIGHT_TRUNCATION, failure(v3, "abcd"));
    assertEquals("ab ", coerce(c3, "ab"));
    assertEquals(SqlState.STRING_DATA_RIGHT_TRUNCATION, failure(c3, "abcd"));
    assertEquals("x", coerce(SqlType.of(Kind.CHAR), "x"));
    assertEquals("日本語", coerce(v3, "日本語"));
    assertEquals("12", coerce(Kind.TEXT, 12));
    assertEquals("1.50", coerce(Kind.TEXT, new BigDecimal("1.50")));
    assertEquals("true", coerce(Kind.TEXT, true));
    assertEquals("1e+20", coerce(Kind.TEXT, 1e20));
    assertEquals("1.5e-07", coerce(Kind.TEXT, 1.5e-7));
    assertEquals("0.25", coerce(Kind.TEXT, 0.25f));
    assertEquals("-3", coerce(Kind.TEXT, -3.0));
    assertEquals("2024-02-29", coerce(Kind.TEXT, LocalDate.of(2024, 2, 29)));
    assertEquals("2024-02-29 10:11:12.5", coerce(Kind.TEXT, LocalDateTime.of(2024, 2, 29, 10, 11, 12, 500_000_000)));
  }

  @Test
  void booleans() {
    assertEquals(true, coerce(Kind.BOOLEAN, "t"));
    assertEquals(true, coerce(Kind.BOOLEAN, " YES "));
    assertEquals(false, coerce(Kind.BOOLEAN, "off"));
    assertEquals(false, coerce(Kind.BOOLEAN, "0"));
    assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, failure(Kind.BOOLEAN, "maybe"));
    assertEquals(SqlState.DATATYPE_MISMATCH, failure(Kind.BOOLEAN, 1));
  }

  @Test
  void datesAndTimestamps() {
    assertEquals(LocalDate.of(2024, 1, 31), coerce(Kind.DATE, "2024-01-31"));
    assertEquals(LocalDate.of(2024, 1, 31), coerce(Kind.DATE, LocalDateTime.of(2024, 1, 31, 23, 59)));
    assertEquals(SqlState.INVALID_DATETIME_FORMAT, failure(Kind.DATE, "31/01/2024"));
    assertEquals(SqlState.DATETIME_FIELD_OVERFLOW, failure(Kind.DATE, "2024-02-30"));
    assertEquals(LocalDateTime.of(2024, 1, 31, 10, 20, 30, 123_456_000),
        coerce(Kind.TIMESTAMP, "2024-01-31 10:20:30.123456"));
    assertEquals(LocalDateTime.of(2024, 1, 31, 10, 20), coerce(Kind.TIMESTAMP, "2024-01-31T10:20"));
    assertEquals(LocalDateTime.of(2024, 1, 31, 0, 0), coerce(Kind.TIMESTAMP, LocalDate.of(2024, 1, 31)));
    assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0, 1), coerce(Kind.TIMESTAMP,
        LocalDateTime.of(2024, 1, 1, 0, 0, 0, 999_999_500)));
    assertEquals(SqlState.INVALID_DATETIME_FORMAT, failure(Kind.TIMESTAMP, "yesterday-ish"));
    assertEquals(SqlState.DATATYPE_MISMATCH, failure(Kind.DATE, 20240131));
  }

  @Test
  void bytes() {
    assertArrayEquals(new byte[] {1, (byte) 0xAB}, (byte[]) coerce(Kind.BYTEA, "\\x01ab"));
    assertArrayEquals(new byte[] {'h', 'i'}, (byte[]) coerce(Kind.BYTEA, "hi"));
    assertEquals(SqlState.INVALID_TEXT_REPRESENTATION, failure(Kind.BYTEA, "\\xZZ"));
    assertEquals(SqlState.DATATYPE_MISMATCH, failure(Kind.BYTEA, 5));
  }

  @Test
  void impossibleConversionsAre42804() {
    assertEquals(SqlState.DATATYPE_MISMATCH, failure(Kind.INTEGER, true));
    assertEquals(SqlState.DATATYPE_MISMATCH, failure(Kind.DECIMAL, LocalDate.of(2020, 1, 1)));
    assertEquals(SqlState.DATATYPE_MISMATCH, failure(Kind.TIMESTAMP, 5.0));
  }
}
