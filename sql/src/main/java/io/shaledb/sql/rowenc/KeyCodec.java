package io.shaledb.sql.rowenc;

import io.shaledb.kv.encoding.Direction;
import io.shaledb.kv.encoding.OrderedDecoder;
import io.shaledb.kv.encoding.OrderedEncoder;
import io.shaledb.sql.catalog.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One key column in the order-preserving key encoding. Values must already have the column's
 * canonical Java type. Numerically equal values get equal keys: decimals are written without
 * trailing zeros (and read back at the column's declared scale), -0.0 is written as 0.0, and REAL
 * is written as the exactly equal double. Stateless.
 */
final class KeyCodec {

  private KeyCodec() {}

  static Direction direction(boolean descending) {
    return descending ? Direction.DESC : Direction.ASC;
  }

  static void write(OrderedEncoder enc, SqlType type, Object v, Direction d) {
    if (v == null) {
      enc.writeNull(d);
      return;
    }
    switch (type.kind()) {
      case SMALLINT, INTEGER, BIGINT -> enc.writeLong(((Number) v).longValue(), d);
      case DECIMAL -> enc.writeDecimal(normalize((BigDecimal) v), d);
      case REAL, DOUBLE -> {
        double x = ((Number) v).doubleValue();
        enc.writeDouble(x == 0.0 ? 0.0 : x, d);
      }
      case CHAR, VARCHAR, TEXT -> enc.writeString((String) v, d);
      case BOOLEAN -> enc.writeBoolean((Boolean) v, d);
      case DATE -> enc.writeDate((LocalDate) v, d);
      case TIMESTAMP -> enc.writeTimestamp((LocalDateTime) v, d);
      case BYTEA -> enc.writeBytes((byte[]) v, d);
    }
  }

  static Object read(OrderedDecoder dec, SqlType type, Direction d) {
    if (dec.tryReadNull(d)) {
      return null;
    }
    return switch (type.kind()) {
      case SMALLINT, INTEGER -> (int) dec.readLong(d);
      case BIGINT -> dec.readLong(d);
      case DECIMAL -> {
        BigDecimal x = dec.readDecimal(d);
        yield type.precision() > 0 ? x.setScale(type.scale(), RoundingMode.HALF_UP) : x;
      }
      case REAL -> (float) dec.readDouble(d);
      case DOUBLE -> dec.readDouble(d);
      case CHAR, VARCHAR, TEXT -> dec.readString(d);
      case BOOLEAN -> dec.readBoolean(d);
      case DATE -> dec.readDate(d);
      case TIMESTAMP -> dec.readTimestamp(d);
      case BYTEA -> dec.readBytes(d);
    };
  }

  private static BigDecimal normalize(BigDecimal v) {
    return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
  }
}
