package io.shaledb.jdbc;

import io.shaledb.jdbc.client.ColumnDescription;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/** Types of a prepared statement's parameters, as inferred by the server. Immutable. */
public final class ShaleParameterMetaData implements ParameterMetaData {
  private final List<ColumnDescription> params;

  ShaleParameterMetaData(List<ColumnDescription> params) {
    this.params = List.copyOf(params);
  }

  private ColumnDescription param(int param) throws SQLException {
    if (param < 1 || param > params.size()) {
      throw ShaleSqlExceptions.create(
          "The parameter index is out of range: "
              + param
              + ", number of parameters: "
              + params.size()
              + ".",
          ShaleSqlExceptions.INVALID_PARAMETER_INDEX);
    }
    return params.get(param - 1);
  }

  @Override
  public int getParameterCount() {
    return params.size();
  }

  @Override
  public int isNullable(int param) throws SQLException {
    return param(param).nullable() ? parameterNullable : parameterNoNulls;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    return JdbcTypes.isNumeric(param(param).jdbcType());
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    ColumnDescription p = param(param);
    return p.precision() > 0 ? p.precision() : JdbcTypes.defaultPrecision(p.jdbcType());
  }

  @Override
  public int getScale(int param) throws SQLException {
    return param(param).scale();
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    return param(param).jdbcType();
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    return param(param).typeName();
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    return JdbcTypes.className(param(param).jdbcType());
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    param(param);
    return parameterModeIn;
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
