package io.shaledb.jdbc;

import io.shaledb.jdbc.client.ColumnDescription;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** Column metadata of a result set, straight from the server's ColumnMeta. Immutable. */
public final class ShaleResultSetMetaData implements ResultSetMetaData {
  private final List<ColumnDescription> columns;

  ShaleResultSetMetaData(List<ColumnDescription> columns) {
    this.columns = List.copyOf(columns);
  }

  private ColumnDescription column(int column) throws SQLException {
    if (column < 1 || column > columns.size()) {
      throw ShaleSqlExceptions.create(
          "The column index is out of range: "
              + column
              + ", number of columns: "
              + columns.size()
              + ".",
          ShaleSqlExceptions.INVALID_PARAMETER_INDEX);
    }
    return columns.get(column - 1);
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return JdbcTypes.isText(column(column).jdbcType());
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return column(column).nullable() ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return JdbcTypes.isNumeric(column(column).jdbcType());
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return JdbcTypes.displaySize(column(column));
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return column(column).name();
  }

  /** The server reports one name per column (the label); it is returned here too. */
  @Override
  public String getColumnName(int column) throws SQLException {
    return column(column).name();
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    return column(column).tableName().isEmpty() ? "" : "public";
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    ColumnDescription c = column(column);
    return c.precision() > 0 ? c.precision() : JdbcTypes.defaultPrecision(c.jdbcType());
  }

  @Override
  public int getScale(int column) throws SQLException {
    return column(column).scale();
  }

  @Override
  public String getTableName(int column) throws SQLException {
    return column(column).tableName();
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return column(column).jdbcType();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return column(column).typeName();
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return JdbcTypes.className(column(column).jdbcType());
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw ShaleSqlExceptions.unwrapFailed(iface, this);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
