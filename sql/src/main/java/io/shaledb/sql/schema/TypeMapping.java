package io.shaledb.sql.schema;

import io.shaledb.sql.ColumnMeta;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.ColumnDescriptor;
import io.shaledb.sql.catalog.SqlType;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Converts between catalog types and values (the canonical Java types of {@link io.shaledb.sql.Session})
 * and Calcite's types and internal value representations (DATE as int days, TIMESTAMP as long
 * millis, SMALLINT as Short, BYTEA as ByteString). Stateless.
 */
public final class TypeMapping {
  /** Precision used for DECIMAL columns declared without one. */
  public static final int MAX_DECIMAL_PRECISION = 38;

  private TypeMapping() {}

  /** The Calcite type of a catalog column. */
  /**
   * The column type whose input rules a cast of text to {@code to} follows: INTEGER, BIGINT,
   * REAL, DOUBLE PRECISION or a DECIMAL with precision; null for any other type.
   */
  public static SqlType numericTextTarget(RelDataType to) {
    return switch (to.getSqlTypeName()) {
      case INTEGER -> SqlType.of(SqlType.Kind.INTEGER);
      case BIGINT -> SqlType.of(SqlType.Kind.BIGINT);
      case REAL -> SqlType.of(SqlType.Kind.REAL);
      case DOUBLE, FLOAT -> SqlType.of(SqlType.Kind.DOUBLE);
      case DECIMAL -> to.getPrecision() > 0 && to.getScale() >= 0 && to.getScale() <= to.getPrecision()
          ? new SqlType(SqlType.Kind.DECIMAL, to.getPrecision(), to.getScale()) : null;
      default -> null;
    };
  }

  public static RelDataType relType(RelDataTypeFactory f, SqlType t, boolean nullable) {
    RelDataType r = switch (t.kind()) {
      case SMALLINT -> f.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER -> f.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
      case DECIMAL -> t.precision() > 0
          ? f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale())
          : f.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, 0);
      case REAL -> f.createSqlType(SqlTypeName.REAL);
      case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      case CHAR -> f.createSqlType(SqlTypeName.CHAR, Math.max(1, t.precision()));
      case VARCHAR -> t.precision() > 0
          ? f.createSqlType(SqlTypeName.VARCHAR, t.precision())
          : f.createSqlType(SqlTypeName.VARCHAR);
      case TEXT -> f.createSqlType(SqlTypeName.VARCHAR);
      case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
      case DATE -> f.createSqlType(SqlTypeName.DATE);
      case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, 3);
      case BYTEA -> f.createSqlType(SqlTypeName.VARBINARY);
    };
    return f.createTypeWithNullability(r, nullable);
  }

  /** A canonical value read from storage to Calcite's internal representation. */
  public static Object toInternal(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return (int) d.toEpochDay();
    }
    if (v instanceof LocalDateTime ts) {
      return ts.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (v instanceof byte[] b) {
      return new ByteString(b);
    }
    return v;
  }

  /** A storage value for a column to Calcite's representation of that column's type. */
  public static Object toInternal(ColumnDescriptor c, Object v) {
    if (v != null && c.type().kind() == SqlType.Kind.SMALLINT && v instanceof Number n) {
      return n.shortValue();
    }
    if (v instanceof String s && c.type().kind() == SqlType.Kind.CHAR) {
      // CHAR(n) compares ignoring trailing blanks (as in PostgreSQL): Calcite sees the value
      // without its padding; results are padded again by toCanonical
      int end = s.length();
      while (end > 0 && s.charAt(end - 1) == ' ') {
        end--;
      }
      return s.substring(0, end);
    }
    return toInternal(v);
  }

  /** A Calcite internal value of {@code type} to the canonical Java type. */
  public static Object toCanonical(Object v, RelDataType type) {
    if (v == null) {
      return null;
    }
    SqlTypeName n = type.getSqlTypeName();
    switch (n) {
      case TINYINT, SMALLINT, INTEGER:
        return ((Number) v).intValue();
      case BIGINT:
        return ((Number) v).longValue();
      case DECIMAL:
        if (v instanceof BigDecimal bd) {
          return bd;
        }
        if (v instanceof Double || v instanceof Float) {
          return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        return new BigDecimal(v.toString());
      case REAL:
        return ((Number) v).floatValue();
      case FLOAT, DOUBLE:
        return ((Number) v).doubleValue();
      case CHAR: {
        String s = v.toString();
        int len = type.getPrecision();
        return len > 0 && s.length() < len ? s + " ".repeat(len - s.length()) : s;
      }
      case VARCHAR:
        return v.toString();
      case BOOLEAN:
        return v;
      case DATE:
        if (v instanceof LocalDate) {
          return v;
        }
        return LocalDate.ofEpochDay(((Number) v).longValue());
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        if (v instanceof LocalDateTime) {
          return v;
        }
        return LocalDateTime.ofEpochSecond(Math.floorDiv(((Number) v).longValue(), 1000L),
            (int) Math.floorMod(((Number) v).longValue(), 1000L) * 1_000_000, ZoneOffset.UTC);
      case BINARY, VARBINARY:
        return v instanceof ByteString bs ? bs.getBytes() : v;
      default:
        return v;
    }
  }

  /**
   * A parameter value (canonical type, or Long/Double/String) converted to Calcite's internal
   * representation of {@code type}. 22P02 if a string does not parse; 42804 if impossible.
   */
  public static Object paramToInternal(Object v, RelDataType type) {
    if (v == null) {
      return null;
    }
    SqlTypeName n = type.getSqlTypeName();
    try {
      switch (n) {
        case TINYINT, SMALLINT:
          return (short) integral(v);
        case INTEGER:
          return Math.toIntExact(integral(v));
        case BIGINT:
          return integral(v);
        case DECIMAL:
          return decimal(v);
        case REAL:
          return v instanceof Number num ? num.floatValue() : Float.parseFloat(v.toString().trim());
        case FLOAT, DOUBLE:
          return v instanceof Number num ? num.doubleValue() : Double.parseDouble(v.toString().trim());
        case CHAR, VARCHAR:
          return v instanceof byte[] ? new String((byte[]) v, java.nio.charset.StandardCharsets.UTF_8)
              : v.toString();
        case BOOLEAN:
          if (v instanceof Boolean) {
            return v;
          }
          String s = v.toString().trim().toLowerCase();
          return switch (s) {
            case "t", "true", "yes", "on", "1" -> Boolean.TRUE;
            case "f", "false", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new SqlError(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type boolean: \"" + v + "\"");
          };
        case DATE:
          if (v instanceof LocalDate d) {
            return (int) d.toEpochDay();
          }
          if (v instanceof LocalDateTime ts) {
            return (int) ts.toLocalDate().toEpochDay();
          }
          return (int) LocalDate.parse(v.toString().trim()).toEpochDay();
        case TIMESTAMP:
          if (v instanceof LocalDateTime ts) {
            return ts.toInstant(ZoneOffset.UTC).toEpochMilli();
          }
          if (v instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
          }
          return LocalDateTime.parse(v.toString().trim().replace(' ', 'T'))
              .toInstant(ZoneOffset.UTC).toEpochMilli();
        case BINARY, VARBINARY:
          return v instanceof byte[] b ? new ByteString(b) : new ByteString(v.toString().getBytes(
              java.nio.charset.StandardCharsets.UTF_8));
        default:
          return toInternal(v);
      }
    } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
      throw new SqlError(SqlState.INVALID_TEXT_REPRESENTATION,
          "invalid input syntax for type " + n.getName().toLowerCase() + ": \"" + v + "\"", e);
    } catch (ArithmeticException e) {
      throw new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "value " + v + " is out of range for type " + n.getName().toLowerCase(), e);
    } catch (ClassCastException e) {
      throw new SqlError(SqlState.DATATYPE_MISMATCH,
          "cannot use a " + v.getClass().getSimpleName() + " parameter as " + n.getName().toLowerCase(), e);
    }
  }

  private static long integral(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigDecimal bd) {
      return bd.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }
    if (v instanceof Number num) {
      return Math.round(num.doubleValue());
    }
    if (v instanceof Boolean) {
      throw new ClassCastException();
    }
    return Long.parseLong(v.toString().trim());
  }

  private static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal bd) {
      return bd;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Number num) {
      return BigDecimal.valueOf(num.doubleValue());
    }
    if (v instanceof Boolean) {
      throw new ClassCastException();
    }
    return new BigDecimal(v.toString().trim());
  }

  /** Result metadata for a column whose Calcite type is {@code t}. */
  public static ColumnMeta meta(String label, String table, RelDataType t) {
    SqlTypeName n = t.getSqlTypeName();
    String pg = switch (n) {
      case TINYINT, SMALLINT -> "INT2";
      case INTEGER -> "INT4";
      case BIGINT -> "INT8";
      case DECIMAL -> "NUMERIC";
      case REAL -> "FLOAT4";
      case FLOAT, DOUBLE -> "FLOAT8";
      case CHAR -> "BPCHAR";
      case VARCHAR -> "VARCHAR";
      case BOOLEAN -> "BOOL";
      case DATE -> "DATE";
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP";
      case BINARY, VARBINARY -> "BYTEA";
      case NULL -> "TEXT";
      default -> n.getName();
    };
    int jdbc = switch (n) {
      case TINYINT -> Types.SMALLINT;
      case FLOAT -> Types.DOUBLE;
      case NULL -> Types.VARCHAR;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Types.TIMESTAMP;
      default -> n.getJdbcOrdinal();
    };
    int precision = t.getPrecision() < 0 || n == SqlTypeName.VARCHAR && t.getPrecision() == Integer.MAX_VALUE
        ? 0 : t.getPrecision();
    int scale = t.getScale() < 0 || t.getScale() == Integer.MIN_VALUE ? 0 : t.getScale();
    if (!n.allowsScale()) {
      scale = 0;
    }
    if (!(n == SqlTypeName.DECIMAL || n == SqlTypeName.CHAR || n == SqlTypeName.VARCHAR)) {
      precision = 0;
    }
    return new ColumnMeta(label, table == null ? "" : table, jdbc, pg, precision, scale, t.isNullable());
  }

  /** Result metadata for a column that is a catalog column read directly. */
  public static ColumnMeta meta(String label, String table, SqlType t, boolean nullable) {
    String pg = switch (t.kind()) {
      case SMALLINT -> "INT2";
      case INTEGER -> "INT4";
      case BIGINT -> "INT8";
      case DECIMAL -> "NUMERIC";
      case REAL -> "FLOAT4";
      case DOUBLE -> "FLOAT8";
      case CHAR -> "BPCHAR";
      case VARCHAR -> "VARCHAR";
      case TEXT -> "TEXT";
      case BOOLEAN -> "BOOL";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
      case BYTEA -> "BYTEA";
    };
    int jdbc = switch (t.kind()) {
      case SMALLINT -> Types.SMALLINT;
      case INTEGER -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case DECIMAL -> Types.NUMERIC;
      case REAL -> Types.REAL;
      case DOUBLE -> Types.DOUBLE;
      case CHAR -> Types.CHAR;
      case VARCHAR, TEXT -> Types.VARCHAR;
      case BOOLEAN -> Types.BOOLEAN;
      case DATE -> Types.DATE;
      case TIMESTAMP -> Types.TIMESTAMP;
      case BYTEA -> Types.BINARY;
    };
    return new ColumnMeta(label, table, jdbc, pg, t.precision(), t.scale(), nullable);
  }

  /** The PostgreSQL-style lower-case type name used by information_schema.columns. */
  public static String dataTypeName(SqlType t) {
    return switch (t.kind()) {
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case DECIMAL -> "numeric";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case CHAR -> "character";
      case VARCHAR -> "character varying";
      case TEXT -> "text";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      case TIMESTAMP -> "timestamp without time zone";
      case BYTEA -> "bytea";
    };
  }
}
