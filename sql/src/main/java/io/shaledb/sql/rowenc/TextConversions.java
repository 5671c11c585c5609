package io.shaledb.sql.rowenc;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.catalog.SqlType;

/**
 * Text read as a number the way a value is read for a column of that type: PostgreSQL's input
 * functions' rules and errors (22P02 "invalid input syntax for type integer", 22003 out of range,
 * REAL overflow and underflow). For {@code CAST(text AS numeric type)} in the interpreter, so a
 * cast and an INSERT of the same text agree. Stateless; thread-safe.
 */
public final class TextConversions {
  private TextConversions() {}

  /**
   * {@code text} as a value of {@code type} (Integer, Long, BigDecimal, Float or Double).
   *
   * @throws SqlError 22P02 when the text is not a number, 22003 when the type cannot hold it
   */
  public static Object toNumber(SqlType type, String text) {
    return switch (type.kind()) {
      case INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> ValueCoercion.coerce(null, type, text);
      default -> throw new IllegalArgumentException("not a numeric type read from text: " + type);
    };
  }
}
