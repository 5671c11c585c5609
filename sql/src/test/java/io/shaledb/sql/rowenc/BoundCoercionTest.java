package io.shaledb.sql.rowenc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.SqlType.Kind;
import io.shaledb.sql.rowenc.BoundCoercion.Bound;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class BoundCoercionTest {

  private static final SqlType INT = SqlType.of(Kind.INTEGER);
  private static final SqlType SMALL = SqlType.of(Kind.SMALLINT);

  @Test
  void integerBoundsRoundInwardAndBecomeInclusive() {
    assertEquals(Bound.of(3, true), BoundCoercion.lower(INT, 2.5, false));
    assertEquals(Bound.of(3, true), BoundCoercion.lower(INT, new BigDecimal("2.1"), true));
    assertEquals(Bound.of(2, false), BoundCoercion.lower(INT, 2L, false));
    assertEquals(Bound.of(2, true), BoundCoercion.upper(INT, 2.5, false));
    assertEquals(Bound.of(-3, true), BoundCoercion.upper(INT, -2.5, true));
    assertEquals(Bound.of(4L, true), BoundCoercion.lower(SqlType.of(Kind.BIGINT), 3.2, true));
    assertEquals(Bound.EMPTY, BoundCoercion.eq(INT, 2.5));
    assertEquals(Bound.of(2, true), BoundCoercion.eq(INT, new BigDecimal("2.000")));
    assertEquals(Bound.EMPTY, BoundCoercion.eq(INT, null));
  }

  @Test
  void integerBoundsOutsideTheTypeRange() {
    assertEquals(Bound.EMPTY, BoundCoercion.lower(SMALL, 40000, true));
    assertEquals(Bound.UNBOUNDED, BoundCoercion.lower(SMALL, -40000, true));
    assertEquals(Bound.EMPTY, BoundCoercion.upper(SMALL, -40000, true));
    assertEquals(Bound.UNBOUNDED, BoundCoercion.upper(SMALL, 40000, true));
    assertEquals(Bound.EMPTY, BoundCoercion.eq(SMALL, 40000));
    assertEquals(Bound.EMPTY, BoundCoercion.lower(INT, Double.POSITIVE_INFINITY, true));
    assertEquals(Bound.UNBOUNDED, BoundCoercion.upper(INT, Double.POSITIVE_INFINITY, true));
    assertEquals(Bound.UNBOUNDED, BoundCoercion.lower(INT, "not a number", true));
  }

  @Test
  void floatingBoundsWidenByOneUlpWhenInexact() {
    SqlType real = SqlType.of(Kind.REAL);
    assertEquals(Bound.of(0.5f, false), BoundCoercion.lower(real, 0.5, false));
    assertEquals(Bound.of(Math.nextDown(0.1f), true), BoundCoercion.lower(real, 0.1, false));
    assertEquals(Bound.of(Math.nextUp(0.1f), true), BoundCoercion.upper(real, 0.1, false));
    assertEquals(Bound.range(Math.nextDown(0.1f), Math.nextUp(0.1f)), BoundCoercion.eq(real, 0.1));
    assertEquals(Bound.of(0.1f, true), BoundCoercion.eq(real, 0.1f));
    SqlType dbl = SqlType.of(Kind.DOUBLE);
    assertEquals(Bound.of(0.1, true), BoundCoercion.eq(dbl, 0.1));
    assertEquals(Bound.range(Math.nextDown(0.1), Math.nextUp(0.1)), BoundCoercion.eq(dbl, new BigDecimal("0.1")));
    assertEquals(Bound.UNBOUNDED, BoundCoercion.lower(dbl, Double.NaN, true));
  }

  @Test
  void charBoundsIgnoreTrailingSpaces() {
    SqlType c3 = new SqlType(Kind.CHAR, 3, 0);
    assertEquals(Bound.of("ab ", true), BoundCoercion.eq(c3, "ab"));
    assertEquals(Bound.of("ab ", true), BoundCoercion.eq(c3, "ab     "));
    assertEquals(Bound.EMPTY, BoundCoercion.eq(c3, "abcd"));
    assertEquals(Bound.of("ab", true), BoundCoercion.lower(c3, "ab  ", false));
    assertEquals(Bound.UNBOUNDED, BoundCoercion.upper(c3, "ab", true));
    SqlType v2 = new SqlType(Kind.VARCHAR, 2, 0);
    assertEquals(Bound.of("abc", false), BoundCoercion.upper(v2, "abc", false));
  }

  @Test
  void datesAndTimestamps() {
    SqlType date = SqlType.of(Kind.DATE);
    LocalDate d = LocalDate.of(2024, 3, 1);
    assertEquals(Bound.of(d, false), BoundCoercion.lower(date, d.atStartOfDay(), false));
    assertEquals(Bound.of(d, true), BoundCoercion.lower(date, d.atTime(10, 0), false));
    assertEquals(Bound.of(d, true), BoundCoercion.upper(date, d.atTime(10, 0), false));
    assertEquals(Bound.EMPTY, BoundCoercion.eq(date, d.atTime(10, 0)));
    SqlType ts = SqlType.of(Kind.TIMESTAMP);
    LocalDateTime t = LocalDateTime.of(2024, 3, 1, 10, 0, 0, 1_500);
    LocalDateTime micros = LocalDateTime.of(2024, 3, 1, 10, 0, 0, 1_000);
    assertEquals(Bound.of(micros, true), BoundCoercion.lower(ts, t, false));
    assertEquals(Bound.of(micros, true), BoundCoercion.upper(ts, t, false));
    assertEquals(Bound.of(micros, false), BoundCoercion.upper(ts, micros, false));
    assertEquals(Bound.EMPTY, BoundCoercion.eq(ts, t));
    assertEquals(Bound.of(d.atStartOfDay(), true), BoundCoercion.eq(ts, d));
  }

  @Test
  void otherTypesPassThroughOrWiden() {
    assertEquals(Bound.of(true, true), BoundCoercion.eq(SqlType.of(Kind.BOOLEAN), true));
    assertEquals(Bound.UNBOUNDED, BoundCoercion.eq(SqlType.of(Kind.BOOLEAN), 1));
    assertEquals(Bound.UNBOUNDED, BoundCoercion.lower(SqlType.of(Kind.TEXT), 5, true));
  }
}
