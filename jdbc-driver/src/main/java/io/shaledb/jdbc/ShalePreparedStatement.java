package io.shaledb.jdbc;

import io.shaledb.jdbc.client.ExecutionResult;
import io.shaledb.jdbc.client.PreparedDescription;
import io.shaledb.jdbc.client.WireException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A statement prepared once on the server (Prepare -> statement id); executions send only the
 * parameter values (ExecutePrepared), a batch sends all its rows in one request. ClosePrepared is
 * sent on close. Parameter values are kept as canonical Java values.
 */
public final class ShalePreparedStatement extends ShaleStatement implements PreparedStatement {
  private static final Logger LOG = Logger.getLogger(ShalePreparedStatement.class.getName());
  private static final Object UNSET = new Object();

  /** ClosePrepared is housekeeping: never let close() wait long for it. */
  private static final long CLOSE_PREPARED_TIMEOUT_MILLIS = 10_000;

  private final String sql;
  private final PreparedDescription prepared;
  private final KeyRequest keys;

  /** Bound values (UNSET until set); grows on demand when the server reported no parameters. */
  private final List<Object> params = new ArrayList<>();

  private final List<List<Object>> batchRows = new ArrayList<>();

  ShalePreparedStatement(
      ShaleConnection connection,
      String sql,
      PreparedDescription prepared,
      KeyRequest keys,
      int resultSetType,
      int holdability) {
    super(connection, resultSetType, holdability);
    this.sql = sql;
    this.prepared = prepared;
    this.keys = keys;
    for (int i = 0; i < prepared.parameters().size(); i++) {
      params.add(UNSET);
    }
  }

  /** The SQL text this statement was prepared from. */
  public String sql() {
    return sql;
  }

  private void bind(int index, Object canonicalValue) throws SQLException {
    checkOpen();
    int declared = prepared.parameters().size();
    if (index < 1 || (declared > 0 && index > declared)) {
      throw ShaleSqlExceptions.create(
          "The column index is out of range: "
              + index
              + ", number of parameters: "
              + declared
              + ".",
          ShaleSqlExceptions.INVALID_PARAMETER_INDEX);
    }
    while (params.size() < index) {
      params.add(UNSET);
    }
    params.set(index - 1, canonicalValue);
  }

  private List<Object> boundRow() throws SQLException {
    List<Object> row = new ArrayList<>(params.size());
    for (int i = 0; i < params.size(); i++) {
      Object v = params.get(i);
      if (v == UNSET) {
        throw ShaleSqlExceptions.create(
            "No value specified for parameter " + (i + 1) + ".",
            ShaleSqlExceptions.PARAMETER_NOT_SET);
      }
      row.add(v);
    }
    return row;
  }

  private boolean run() throws SQLException {
    checkOpen();
    List<Object> row = boundRow();
    clearResults();
    try {
      ExecutionResult r =
          connection
              .session()
              .executePrepared(
                  prepared.statementId(),
                  List.of(row),
                  maxRowsLimit(),
                  keys.wanted(),
                  timeoutMillis());
      return applyResult(r, keys);
    } catch (WireException e) {
      throw translate(e);
    }
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    if (!run()) {
      throw noResultSet();
    }
    return getResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return clampCount(executeLargeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    if (run()) {
      throw unexpectedResultSet();
    }
    return getLargeUpdateCount();
  }

  @Override
  public boolean execute() throws SQLException {
    return run();
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    batchRows.add(boundRow());
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batchRows.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return Arrays.stream(executeLargeBatch()).mapToInt(ShaleStatement::clampCount).toArray();
  }

  /** Sends every batched row in one ExecutePrepared request. */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<List<Object>> rows = new ArrayList<>(batchRows);
    batchRows.clear();
    clearResults();
    if (rows.isEmpty()) {
      return new long[0];
    }
    ExecutionResult r;
    try {
      r =
          connection
              .session()
              .executePrepared(prepared.statementId(), rows, 0, keys.wanted(), timeoutMillis());
    } catch (WireException e) {
      SQLException cause = translate(e);
      throw new BatchUpdateException(
          "Batch of " + rows.size() + " rows was aborted: " + cause.getMessage(),
          cause.getSQLState(),
          0,
          new long[0],
          cause);
    }
    if (r.hasResultSet()) {
      throw new BatchUpdateException(
          "A result was returned when none was expected.",
          ShaleSqlExceptions.TOO_MANY_RESULTS,
          0,
          new long[0],
          null);
    }
    applyResult(r, keys);
    long[] counts = new long[rows.size()];
    Arrays.fill(counts, SUCCESS_NO_INFO);
    System.arraycopy(
        r.updateCounts(), 0, counts, 0, Math.min(counts.length, r.updateCounts().length));
    return counts;
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    for (int i = 0; i < params.size(); i++) {
      params.set(i, UNSET);
    }
  }

  /** Result columns as prepared; null for a statement that returns no rows. */
  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return prepared.columns().isEmpty() ? null : new ShaleResultSetMetaData(prepared.columns());
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return new ShaleParameterMetaData(prepared.parameters());
  }

  @Override
  void closeResources() throws SQLException {
    super.closeResources();
    if (connection.isClosed()) {
      return;
    }
    try {
      connection.session().closePrepared(prepared.statementId(), CLOSE_PREPARED_TIMEOUT_MILLIS);
    } catch (WireException e) {
      connection.translate(e);
      LOG.log(Level.FINE, "ClosePrepared failed: {0}", e.getMessage());
    }
  }

  // ---- the text-taking methods of Statement are not for prepared statements -------------------

  private static SQLException textMethod() {
    return ShaleSqlExceptions.create(
        "Can't use query methods that take a query string on a PreparedStatement.", "42809");
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw textMethod();
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw textMethod();
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    throw textMethod();
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw textMethod();
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    throw textMethod();
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    throw textMethod();
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    throw textMethod();
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    throw textMethod();
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw textMethod();
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    throw textMethod();
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    throw textMethod();
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw textMethod();
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    throw textMethod();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw textMethod();
  }

  // ---- setters
  // -----------------------------------------------------------------------------------

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    bind(parameterIndex, null);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    bind(parameterIndex, null);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    bind(parameterIndex, (long) x);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    bind(parameterIndex, (long) x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    bind(parameterIndex, (long) x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    bind(parameterIndex, (double) x);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    bind(parameterIndex, x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    bind(parameterIndex, value);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    bind(parameterIndex, x == null ? null : x.clone());
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    bind(parameterIndex, x == null ? null : x.toLocalDate());
  }

  /** The date as seen in the calendar's time zone. */
  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    if (x == null || cal == null) {
      setDate(parameterIndex, x);
      return;
    }
    bind(parameterIndex, x.toInstant().atZone(cal.getTimeZone().toZoneId()).toLocalDate());
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("TIME values");
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    throw ShaleSqlExceptions.notSupported("TIME values");
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    bind(parameterIndex, x == null ? null : x.toLocalDateTime());
  }

  /** The timestamp's wall-clock time in the calendar's time zone. */
  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    if (x == null || cal == null) {
      setTimestamp(parameterIndex, x);
      return;
    }
    bind(parameterIndex, x.toInstant().atZone(cal.getTimeZone().toZoneId()).toLocalDateTime());
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    bind(parameterIndex, ValueConversions.toParameter(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    bind(parameterIndex, ValueConversions.toParameter(x, targetSqlType, -1));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    bind(parameterIndex, ValueConversions.toParameter(x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    setObject(parameterIndex, x, vendorType(targetSqlType));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(parameterIndex, x, vendorType(targetSqlType), scaleOrLength);
  }

  private static int vendorType(SQLType type) throws SQLException {
    if (type == null || type.getVendorTypeNumber() == null) {
      throw ShaleSqlExceptions.notSupported("SQL type " + type);
    }
    return type.getVendorTypeNumber();
  }

  // ---- streams are read fully ------------------------------------------------------------------

  private static byte[] readAll(InputStream in, long length) throws SQLException {
    try {
      byte[] all = in.readAllBytes();
      return length >= 0 && length < all.length ? Arrays.copyOf(all, (int) length) : all;
    } catch (IOException e) {
      throw ShaleSqlExceptions.create(
          "reading the parameter stream failed: " + e.getMessage(),
          ShaleSqlExceptions.INVALID_PARAMETER_VALUE,
          e);
    }
  }

  private static String readAll(Reader in, long length) throws SQLException {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        sb.append(buf, 0, n);
      }
      return length >= 0 && length < sb.length() ? sb.substring(0, (int) length) : sb.toString();
    } catch (IOException e) {
      throw ShaleSqlExceptions.create(
          "reading the parameter reader failed: " + e.getMessage(),
          ShaleSqlExceptions.INVALID_PARAMETER_VALUE,
          e);
    }
  }

  private void bindText(int index, InputStream x, long length, Charset cs) throws SQLException {
    bind(index, x == null ? null : new String(readAll(x, length), cs));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    bindText(parameterIndex, x, length, StandardCharsets.US_ASCII);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    bindText(parameterIndex, x, length, StandardCharsets.US_ASCII);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    bindText(parameterIndex, x, -1, StandardCharsets.US_ASCII);
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    bindText(parameterIndex, x, length, StandardCharsets.UTF_8);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    bind(parameterIndex, x == null ? null : readAll(x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    bind(parameterIndex, x == null ? null : readAll(x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    bind(parameterIndex, x == null ? null : readAll(x, -1));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, int length)
      throws SQLException {
    bind(parameterIndex, reader == null ? null : readAll(reader, length));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length)
      throws SQLException {
    bind(parameterIndex, reader == null ? null : readAll(reader, length));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    bind(parameterIndex, reader == null ? null : readAll(reader, -1));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    setCharacterStream(parameterIndex, value, length);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    setCharacterStream(parameterIndex, value);
  }

  // ---- unsupported parameter types -------------------------------------------------------------

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setRef");
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setBlob");
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("setBlob");
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setBlob");
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setClob");
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setClob");
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setClob");
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setNClob");
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setNClob");
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setNClob");
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setArray");
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setURL");
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setRowId");
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    throw ShaleSqlExceptions.notSupported("setSQLXML");
  }
}
