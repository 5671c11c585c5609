package io.shaledb.jdbc;

import io.shaledb.jdbc.client.ColumnDescription;
import java.sql.Types;

/** Facts about {@link Types} constants that metadata classes report. */
final class JdbcTypes {
  private JdbcTypes() {}

  static boolean isText(int t) {
    return t == Types.CHAR
        || t == Types.VARCHAR
        || t == Types.LONGVARCHAR
        || t == Types.NCHAR
        || t == Types.NVARCHAR
        || t == Types.LONGNVARCHAR
        || t == Types.CLOB;
  }

  static boolean isNumeric(int t) {
    return switch (t) {
      case Types.TINYINT,
              Types.SMALLINT,
              Types.INTEGER,
              Types.BIGINT,
              Types.REAL,
              Types.FLOAT,
              Types.DOUBLE,
              Types.DECIMAL,
              Types.NUMERIC ->
          true;
      default -> false;
    };
  }

  /** The class getObject returns for a column of this type (pgjdbc conventions). */
  static String className(int t) {
    return switch (t) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Integer.class.getName();
      case Types.BIGINT -> Long.class.getName();
      case Types.REAL -> Float.class.getName();
      case Types.FLOAT, Types.DOUBLE -> Double.class.getName();
      case Types.DECIMAL, Types.NUMERIC -> java.math.BigDecimal.class.getName();
      case Types.BOOLEAN, Types.BIT -> Boolean.class.getName();
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "[B";
      case Types.DATE -> java.sql.Date.class.getName();
      case Types.TIMESTAMP -> java.sql.Timestamp.class.getName();
      case Types.CHAR,
              Types.VARCHAR,
              Types.LONGVARCHAR,
              Types.NCHAR,
              Types.NVARCHAR,
              Types.LONGNVARCHAR,
              Types.CLOB ->
          String.class.getName();
      default -> Object.class.getName();
    };
  }

  /** Precision to report when the server gave none (digits, or characters for dates). */
  static int defaultPrecision(int t) {
    return switch (t) {
      case Types.TINYINT -> 3;
      case Types.SMALLINT -> 5;
      case Types.INTEGER -> 10;
      case Types.BIGINT -> 19;
      case Types.REAL -> 8;
      case Types.FLOAT, Types.DOUBLE -> 17;
      case Types.BOOLEAN, Types.BIT -> 1;
      case Types.DATE -> 13;
      case Types.TIMESTAMP -> 29;
      default -> 0;
    };
  }

  static int displaySize(ColumnDescription c) {
    return switch (c.jdbcType()) {
      case Types.TINYINT -> 4;
      case Types.SMALLINT -> 6;
      case Types.INTEGER -> 11;
      case Types.BIGINT -> 20;
      case Types.REAL -> 15;
      case Types.FLOAT, Types.DOUBLE -> 25;
      case Types.DECIMAL, Types.NUMERIC ->
          c.precision() > 0 ? c.precision() + (c.scale() > 0 ? 2 : 1) : 131089;
      case Types.BOOLEAN, Types.BIT -> 5;
      case Types.DATE -> 13;
      case Types.TIMESTAMP -> 29;
      default -> c.precision() > 0 ? c.precision() : Integer.MAX_VALUE;
    };
  }
}
