package io.shaledb.jdbc.client;

import java.sql.Types;
import java.util.Locale;

/** The PostgreSQL-style type names ShaleDB uses, and their mapping to {@link Types}. */
public final class TypeNames {
  private TypeNames() {}

  /** The canonical type name for a JDBC type; "UNKNOWN" for types ShaleDB does not have. */
  public static String forJdbcType(int jdbcType) {
    return switch (jdbcType) {
      case Types.SMALLINT, Types.TINYINT -> "INT2";
      case Types.INTEGER -> "INT4";
      case Types.BIGINT -> "INT8";
      case Types.REAL -> "FLOAT4";
      case Types.FLOAT, Types.DOUBLE -> "FLOAT8";
      case Types.DECIMAL, Types.NUMERIC -> "NUMERIC";
      case Types.CHAR, Types.NCHAR -> "CHAR";
      case Types.VARCHAR, Types.NVARCHAR -> "VARCHAR";
      case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB -> "TEXT";
      case Types.BOOLEAN, Types.BIT -> "BOOL";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "BYTEA";
      case Types.DATE -> "DATE";
      case Types.TIMESTAMP -> "TIMESTAMP";
      case Types.NULL -> "NULL";
      default -> "UNKNOWN";
    };
  }

  /**
   * The JDBC type for a type name as written in SQL or in information_schema ("bigint", "INT8",
   * "character varying", "VARCHAR(10)", "numeric(10,2)", ...); {@link Types#OTHER} when unknown.
   */
  public static int jdbcTypeOf(String typeName) {
    if (typeName == null) {
      return Types.OTHER;
    }
    String t = typeName.trim().toUpperCase(Locale.ROOT);
    int paren = t.indexOf('(');
    if (paren >= 0) {
      t = t.substring(0, paren).trim();
    }
    return switch (t) {
      case "INT2", "SMALLINT" -> Types.SMALLINT;
      case "INT4", "INT", "INTEGER" -> Types.INTEGER;
      case "INT8", "BIGINT", "INT64" -> Types.BIGINT;
      case "FLOAT4", "REAL" -> Types.REAL;
      case "FLOAT8", "DOUBLE", "DOUBLE PRECISION", "FLOAT" -> Types.DOUBLE;
      case "NUMERIC", "DECIMAL", "DEC" -> Types.NUMERIC;
      case "CHAR", "CHARACTER", "BPCHAR" -> Types.CHAR;
      case "VARCHAR", "CHARACTER VARYING", "STRING" -> Types.VARCHAR;
      case "TEXT" -> Types.VARCHAR;
      case "BOOL", "BOOLEAN" -> Types.BOOLEAN;
      case "BYTEA", "BYTES", "BLOB", "VARBINARY", "BINARY" -> Types.BINARY;
      case "DATE" -> Types.DATE;
      case "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE" -> Types.TIMESTAMP;
      default -> Types.OTHER;
    };
  }
}
