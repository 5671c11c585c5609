package io.shaledb.sql.catalog;

/**
 * A column type as declared in DDL.
 *
 * @param kind the type family
 * @param precision DECIMAL precision, VARCHAR/CHAR length; 0 when unspecified
 * @param scale DECIMAL scale; 0 when unspecified
 */
public record SqlType(Kind kind, int precision, int scale) {

  /** Type families. The Java value types are listed on {@link io.shaledb.sql.Session}. */
  public enum Kind {
    SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, CHAR, VARCHAR, TEXT, BOOLEAN, DATE, TIMESTAMP, BYTEA
  }

  public SqlType {
    if (precision < 0 || scale < 0) {
      throw new IllegalArgumentException("negative precision/scale");
    }
  }

  public static SqlType of(Kind kind) {
    return new SqlType(kind, 0, 0);
  }
}
