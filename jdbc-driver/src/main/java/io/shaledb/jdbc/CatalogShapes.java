package io.shaledb.jdbc;

import io.shaledb.jdbc.client.ColumnDescription;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The column shapes JDBC prescribes for every {@link java.sql.DatabaseMetaData} result set. A shape
 * is written as space-separated column names with an optional type suffix: {@code :i} INTEGER,
 * {@code :s} SMALLINT, {@code :l} BIGINT, {@code :b} BOOLEAN; no suffix VARCHAR. Values of integer
 * columns are held as {@link Long} (the client core's canonical form).
 */
final class CatalogShapes {
  private CatalogShapes() {}

  static final List<ColumnDescription> TABLES =
      shape(
          "TABLE_CAT TABLE_SCHEM TABLE_NAME TABLE_TYPE REMARKS TYPE_CAT TYPE_SCHEM TYPE_NAME"
              + " SELF_REFERENCING_COL_NAME REF_GENERATION");
  static final List<ColumnDescription> SCHEMAS = shape("TABLE_SCHEM TABLE_CATALOG");
  static final List<ColumnDescription> CATALOGS = shape("TABLE_CAT");
  static final List<ColumnDescription> TABLE_TYPES = shape("TABLE_TYPE");
  static final List<ColumnDescription> COLUMNS =
      shape(
          "TABLE_CAT TABLE_SCHEM TABLE_NAME "
              + "COLUMN_NAME DATA_TYPE:i TYPE_NAME COLUMN_SIZE:i BUFFER_LENGTH:i DECIMAL_DIGITS:i "
              + "NUM_PREC_RADIX:i NULLABLE:i REMARKS COLUMN_DEF SQL_DATA_TYPE:i SQL_DATETIME_SUB:i "
              + "CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE SCOPE_CATALOG SCOPE_SCHEMA "
              + "SCOPE_TABLE SOURCE_DATA_TYPE:s IS_AUTOINCREMENT IS_GENERATEDCOLUMN");
  static final List<ColumnDescription> PRIMARY_KEYS =
      shape("TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME KEY_SEQ:s PK_NAME");
  static final List<ColumnDescription> INDEX_INFO =
      shape(
          "TABLE_CAT TABLE_SCHEM TABLE_NAME "
              + "NON_UNIQUE:b INDEX_QUALIFIER INDEX_NAME TYPE:s ORDINAL_POSITION:s COLUMN_NAME "
              + "ASC_OR_DESC CARDINALITY:l PAGES:l FILTER_CONDITION");
  static final List<ColumnDescription> TYPE_INFO =
      shape(
          "TYPE_NAME DATA_TYPE:i PRECISION:i LITERAL_PREFIX LITERAL_SUFFIX CREATE_PARAMS NULLABLE:s"
              + " CASE_SENSITIVE:b SEARCHABLE:s UNSIGNED_ATTRIBUTE:b FIXED_PREC_SCALE:b"
              + " AUTO_INCREMENT:b LOCAL_TYPE_NAME MINIMUM_SCALE:s MAXIMUM_SCALE:s SQL_DATA_TYPE:i"
              + " SQL_DATETIME_SUB:i NUM_PREC_RADIX:i");
  static final List<ColumnDescription> PROCEDURES =
      shape(
          "PROCEDURE_CAT PROCEDURE_SCHEM PROCEDURE_NAME RESERVED1 RESERVED2 RESERVED3 REMARKS"
              + " PROCEDURE_TYPE:s SPECIFIC_NAME");
  static final List<ColumnDescription> PROCEDURE_COLUMNS =
      shape(
          "PROCEDURE_CAT PROCEDURE_SCHEM PROCEDURE_NAME COLUMN_NAME COLUMN_TYPE:s DATA_TYPE:i"
              + " TYPE_NAME PRECISION:i LENGTH:i SCALE:s RADIX:s NULLABLE:s REMARKS COLUMN_DEF"
              + " SQL_DATA_TYPE:i SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i"
              + " IS_NULLABLE SPECIFIC_NAME");
  static final List<ColumnDescription> COLUMN_PRIVILEGES =
      shape(
          "TABLE_CAT TABLE_SCHEM "
              + "TABLE_NAME COLUMN_NAME GRANTOR GRANTEE PRIVILEGE IS_GRANTABLE");
  static final List<ColumnDescription> TABLE_PRIVILEGES =
      shape("TABLE_CAT TABLE_SCHEM TABLE_NAME GRANTOR GRANTEE PRIVILEGE IS_GRANTABLE");
  static final List<ColumnDescription> ROW_IDENTIFIER =
      shape(
          "SCOPE:s COLUMN_NAME DATA_TYPE:i "
              + "TYPE_NAME COLUMN_SIZE:i BUFFER_LENGTH:i DECIMAL_DIGITS:s PSEUDO_COLUMN:s");
  static final List<ColumnDescription> KEYS =
      shape(
          "PKTABLE_CAT PKTABLE_SCHEM PKTABLE_NAME "
              + "PKCOLUMN_NAME FKTABLE_CAT FKTABLE_SCHEM FKTABLE_NAME FKCOLUMN_NAME KEY_SEQ:s "
              + "UPDATE_RULE:s DELETE_RULE:s FK_NAME PK_NAME DEFERRABILITY:s");
  static final List<ColumnDescription> UDTS =
      shape("TYPE_CAT TYPE_SCHEM TYPE_NAME CLASS_NAME DATA_TYPE:i REMARKS BASE_TYPE:s");
  static final List<ColumnDescription> SUPER_TYPES =
      shape("TYPE_CAT TYPE_SCHEM TYPE_NAME SUPERTYPE_CAT SUPERTYPE_SCHEM SUPERTYPE_NAME");
  static final List<ColumnDescription> SUPER_TABLES =
      shape("TABLE_CAT TABLE_SCHEM TABLE_NAME SUPERTABLE_NAME");
  static final List<ColumnDescription> ATTRIBUTES =
      shape(
          "TYPE_CAT TYPE_SCHEM TYPE_NAME ATTR_NAME DATA_TYPE:i ATTR_TYPE_NAME ATTR_SIZE:i"
              + " DECIMAL_DIGITS:i NUM_PREC_RADIX:i NULLABLE:i REMARKS ATTR_DEF SQL_DATA_TYPE:i"
              + " SQL_DATETIME_SUB:i CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE"
              + " SCOPE_CATALOG SCOPE_SCHEMA SCOPE_TABLE SOURCE_DATA_TYPE:s");
  static final List<ColumnDescription> CLIENT_INFO =
      shape("NAME MAX_LEN:i DEFAULT_VALUE DESCRIPTION");
  static final List<ColumnDescription> FUNCTIONS =
      shape("FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME REMARKS FUNCTION_TYPE:s SPECIFIC_NAME");
  static final List<ColumnDescription> FUNCTION_COLUMNS =
      shape(
          "FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME COLUMN_NAME COLUMN_TYPE:s DATA_TYPE:i"
              + " TYPE_NAME PRECISION:i LENGTH:i SCALE:s RADIX:s NULLABLE:s REMARKS"
              + " CHAR_OCTET_LENGTH:i ORDINAL_POSITION:i IS_NULLABLE SPECIFIC_NAME");
  static final List<ColumnDescription> PSEUDO_COLUMNS =
      shape(
          "TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME DATA_TYPE:i COLUMN_SIZE:i DECIMAL_DIGITS:i"
              + " NUM_PREC_RADIX:i COLUMN_USAGE REMARKS CHAR_OCTET_LENGTH:i IS_NULLABLE");

  static List<ColumnDescription> shape(String spec) {
    List<ColumnDescription> cols = new ArrayList<>();
    for (String item : spec.trim().split("\\s+")) {
      int colon = item.indexOf(':');
      String name = colon < 0 ? item : item.substring(0, colon);
      int type = Types.VARCHAR;
      if (colon >= 0) {
        type =
            switch (item.charAt(colon + 1)) {
              case 'i' -> Types.INTEGER;
              case 's' -> Types.SMALLINT;
              case 'l' -> Types.BIGINT;
              case 'b' -> Types.BOOLEAN;
              default -> throw new IllegalArgumentException(item);
            };
      }
      cols.add(ColumnDescription.of(name, type));
    }
    return List.copyOf(cols);
  }

  /** The rows of getTypeInfo: every type ShaleDB has, ordered by DATA_TYPE. */
  static List<Object[]> typeInfoRows() {
    List<Object[]> rows = new ArrayList<>();
    // name, jdbc type, precision, literal prefix/suffix, create params, case sensitive, unsigned,
    // fixed prec scale, min/max scale, radix
    addType(rows, "BOOL", Types.BOOLEAN, 1, null, null, null, false, true, false, 0, 0, null);
    addType(rows, "INT2", Types.SMALLINT, 5, null, null, null, false, false, false, 0, 0, 10L);
    addType(rows, "INT4", Types.INTEGER, 10, null, null, null, false, false, false, 0, 0, 10L);
    addType(rows, "INT8", Types.BIGINT, 19, null, null, null, false, false, false, 0, 0, 10L);
    addType(rows, "FLOAT4", Types.REAL, 8, null, null, null, false, false, false, 0, 0, 10L);
    addType(rows, "FLOAT8", Types.DOUBLE, 17, null, null, null, false, false, false, 0, 0, 10L);
    addType(
        rows,
        "NUMERIC",
        Types.NUMERIC,
        1000,
        null,
        null,
        "precision,scale",
        false,
        false,
        false,
        0,
        1000,
        10L);
    addType(rows, "CHAR", Types.CHAR, 10485760, "'", "'", "length", true, true, false, 0, 0, null);
    addType(
        rows,
        "VARCHAR",
        Types.VARCHAR,
        10485760,
        "'",
        "'",
        "max length",
        true,
        true,
        false,
        0,
        0,
        null);
    addType(
        rows,
        "TEXT",
        Types.VARCHAR,
        Integer.MAX_VALUE,
        "'",
        "'",
        null,
        true,
        true,
        false,
        0,
        0,
        null);
    addType(
        rows,
        "BYTEA",
        Types.BINARY,
        Integer.MAX_VALUE,
        "'\\x",
        "'",
        null,
        false,
        true,
        false,
        0,
        0,
        null);
    addType(rows, "DATE", Types.DATE, 13, "'", "'", null, false, true, false, 0, 0, null);
    addType(rows, "TIMESTAMP", Types.TIMESTAMP, 29, "'", "'", null, false, true, false, 0, 6, null);
    rows.sort((a, b) -> Long.compare((Long) a[1], (Long) b[1]));
    return rows;
  }

  private static void addType(
      List<Object[]> rows,
      String name,
      int type,
      int precision,
      String prefix,
      String suffix,
      String createParams,
      boolean caseSensitive,
      boolean unsigned,
      boolean fixedPrecScale,
      int minScale,
      int maxScale,
      Long radix) {
    rows.add(
        new Object[] {
          name,
          (long) type,
          (long) precision,
          prefix,
          suffix,
          createParams,
          (long) java.sql.DatabaseMetaData.typeNullable,
          caseSensitive,
          (long) java.sql.DatabaseMetaData.typeSearchable,
          unsigned,
          fixedPrecScale,
          false,
          name,
          (long) minScale,
          (long) maxScale,
          null,
          null,
          radix
        });
  }
}
