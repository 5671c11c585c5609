package io.shaledb.jdbc;

import io.shaledb.jdbc.client.ColumnDescription;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A read-only result set over rows that were fully received before it was created; forward-only
 * unless its statement asked for TYPE_SCROLL_INSENSITIVE. Also used for result sets built by the
 * driver itself (DatabaseMetaData, generated keys), which have no statement. Not thread-safe (like
 * every JDBC object, one thread at a time).
 */
public final class ShaleResultSet extends ResultSetByLabel {
  private final ShaleStatement statement;

  /** TYPE_FORWARD_ONLY or TYPE_SCROLL_INSENSITIVE (the rows are all in memory either way). */
  private final int type;

  private final List<ColumnDescription> columns;
  private final List<Object[]> rows;
  private final Map<String, Integer> columnIndexByLabel = new HashMap<>();

  /** 0 = before the first row, rows.size() + 1 = after the last. */
  private int cursor;

  private boolean wasNull;
  private boolean closed;
  private int fetchSize;

  /**
   * @param statement owning statement, or null for a driver-built result set
   * @param columns column descriptions
   * @param rows rows of canonical values (not copied; must not be changed afterwards)
   */
  ShaleResultSet(
      ShaleStatement statement, int type, List<ColumnDescription> columns, List<Object[]> rows) {
    this.statement = statement;
    this.type = type;
    this.columns = List.copyOf(columns);
    this.rows = rows;
    for (int i = columns.size() - 1; i >= 0; i--) {
      columnIndexByLabel.put(columns.get(i).name().toLowerCase(Locale.ROOT), i + 1);
    }
  }

  /** A driver-built result set without a statement. */
  static ShaleResultSet of(List<ColumnDescription> columns, List<Object[]> rows) {
    return new ShaleResultSet(null, TYPE_FORWARD_ONLY, columns, rows);
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw ShaleSqlExceptions.resultSetClosed();
    }
  }

  /** The raw canonical value at the current row; records wasNull. */
  private Object value(int columnIndex) throws SQLException {
    checkOpen();
    if (cursor < 1 || cursor > rows.size()) {
      throw ShaleSqlExceptions.create(
          cursor < 1
              ? "ResultSet not positioned properly, perhaps you need to call next."
              : "ResultSet is positioned after the last row.",
          ShaleSqlExceptions.INVALID_CURSOR_STATE);
    }
    if (columnIndex < 1 || columnIndex > columns.size()) {
      throw ShaleSqlExceptions.create(
          "The column index is out of range: "
              + columnIndex
              + ", number of columns: "
              + columns.size()
              + ".",
          ShaleSqlExceptions.INVALID_PARAMETER_INDEX);
    }
    Object[] row = rows.get(cursor - 1);
    Object v = columnIndex <= row.length ? row[columnIndex - 1] : null;
    wasNull = v == null;
    return v;
  }

  private ColumnDescription column(int columnIndex) {
    return columns.get(columnIndex - 1);
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (cursor <= rows.size()) {
      cursor++;
    }
    return cursor <= rows.size();
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    if (statement != null) {
      statement.resultSetClosed(this);
    }
  }

  /** Closes without notifying the statement (the statement is discarding this result itself). */
  void closeQuietlyFor(ShaleStatement owner) {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    Integer i =
        columnLabel == null ? null : columnIndexByLabel.get(columnLabel.toLowerCase(Locale.ROOT));
    if (i == null) {
      throw ShaleSqlExceptions.create(
          "The column name " + columnLabel + " was not found in this ResultSet.",
          ShaleSqlExceptions.INVALID_COLUMN);
    }
    return i;
  }

  // ---- getters by index --------------------------------------------------------------------

  @Override
  public String getString(int columnIndex) throws SQLException {
    return ValueConversions.toText(value(columnIndex), column(columnIndex));
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    return ValueConversions.toBoolean(value(columnIndex));
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    return (byte)
        ValueConversions.toLong(value(columnIndex), Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    return (short)
        ValueConversions.toLong(value(columnIndex), Short.MIN_VALUE, Short.MAX_VALUE, "short");
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    return (int)
        ValueConversions.toLong(value(columnIndex), Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    return ValueConversions.toLong(value(columnIndex), Long.MIN_VALUE, Long.MAX_VALUE, "long");
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    return (float) ValueConversions.toDouble(value(columnIndex));
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    return ValueConversions.toDouble(value(columnIndex));
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    return ValueConversions.toBigDecimal(value(columnIndex));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(columnIndex);
    return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    return ValueConversions.toBytes(value(columnIndex));
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    return ValueConversions.toSqlDate(value(columnIndex), null);
  }

  @Override
  public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    return ValueConversions.toSqlDate(value(columnIndex), cal);
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    return ValueConversions.toTime(value(columnIndex));
  }

  @Override
  public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    return getTime(columnIndex);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    return ValueConversions.toTimestamp(value(columnIndex), null);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    return ValueConversions.toTimestamp(value(columnIndex), cal);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    return ValueConversions.toObject(value(columnIndex), column(columnIndex));
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    return getObject(columnIndex);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    if (type == null) {
      throw ShaleSqlExceptions.create("type is null", ShaleSqlExceptions.INVALID_PARAMETER_VALUE);
    }
    Object v = value(columnIndex);
    if (v == null) {
      return null;
    }
    Object out;
    if (type == String.class) {
      out = getString(columnIndex);
    } else if (type == Integer.class) {
      out = getInt(columnIndex);
    } else if (type == Long.class) {
      out = getLong(columnIndex);
    } else if (type == Short.class) {
      out = getShort(columnIndex);
    } else if (type == Byte.class) {
      out = getByte(columnIndex);
    } else if (type == Double.class) {
      out = getDouble(columnIndex);
    } else if (type == Float.class) {
      out = getFloat(columnIndex);
    } else if (type == BigDecimal.class) {
      out = getBigDecimal(columnIndex);
    } else if (type == BigInteger.class) {
      out = BigInteger.valueOf(getLong(columnIndex));
    } else if (type == Boolean.class) {
      out = getBoolean(columnIndex);
    } else if (type == byte[].class) {
      out = getBytes(columnIndex);
    } else if (type == LocalDate.class) {
      out = ValueConversions.toLocalDate(v);
    } else if (type == LocalDateTime.class) {
      out = ValueConversions.toLocalDateTime(v);
    } else if (type == LocalTime.class) {
      out = ValueConversions.toLocalTime(v);
    } else if (type == Date.class) {
      out = getDate(columnIndex);
    } else if (type == Timestamp.class || type == java.util.Date.class) {
      out = getTimestamp(columnIndex);
    } else if (type == Time.class) {
      out = getTime(columnIndex);
    } else if (type == Object.class) {
      out = getObject(columnIndex);
    } else {
      Object o = getObject(columnIndex);
      if (!type.isInstance(o)) {
        throw ShaleSqlExceptions.cannotConvert(v, type.getName());
      }
      out = o;
    }
    return type.cast(out);
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    byte[] b = getBytes(columnIndex);
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    return getString(columnIndex);
  }

  @Override
  public Reader getNCharacterStream(int columnIndex) throws SQLException {
    return getCharacterStream(columnIndex);
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    throw ShaleSqlExceptions.notSupported("getRef");
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    throw ShaleSqlExceptions.notSupported("getBlob");
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    throw ShaleSqlExceptions.notSupported("getClob");
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    throw ShaleSqlExceptions.notSupported("getArray");
  }

  @Override
  public URL getURL(int columnIndex) throws SQLException {
    throw ShaleSqlExceptions.notSupported("getURL");
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    throw ShaleSqlExceptions.notSupported("getRowId");
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    throw ShaleSqlExceptions.notSupported("getNClob");
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    throw ShaleSqlExceptions.notSupported("getSQLXML");
  }

  // ---- cursor, metadata, settings ------------------------------------------------------------

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new ShaleResultSetMetaData(columns);
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public String getCursorName() throws SQLException {
    throw ShaleSqlExceptions.notSupported("named cursors");
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return cursor == 0 && !rows.isEmpty();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return cursor > rows.size() && !rows.isEmpty();
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return cursor == 1 && !rows.isEmpty();
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return cursor == rows.size() && !rows.isEmpty();
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return cursor >= 1 && cursor <= rows.size() ? cursor : 0;
  }

  private void checkScrollable(String op) throws SQLException {
    checkOpen();
    if (type == TYPE_FORWARD_ONLY) {
      throw ShaleSqlExceptions.create(
          "Operation "
              + op
              + " requires a scrollable ResultSet, but "
              + "this ResultSet is FORWARD_ONLY.",
          ShaleSqlExceptions.INVALID_CURSOR_STATE);
    }
  }

  private boolean onRow() {
    return cursor >= 1 && cursor <= rows.size();
  }

  @Override
  public void beforeFirst() throws SQLException {
    checkScrollable("beforeFirst");
    cursor = 0;
  }

  @Override
  public void afterLast() throws SQLException {
    checkScrollable("afterLast");
    cursor = rows.size() + 1;
  }

  @Override
  public boolean first() throws SQLException {
    checkScrollable("first");
    cursor = rows.isEmpty() ? 0 : 1;
    return onRow();
  }

  @Override
  public boolean last() throws SQLException {
    checkScrollable("last");
    cursor = rows.size();
    return onRow();
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    checkScrollable("absolute");
    if (row >= 0) {
      cursor = Math.min(row, rows.size() + 1);
    } else {
      cursor = Math.max(0, rows.size() + 1 + row);
    }
    return onRow();
  }

  @Override
  public boolean relative(int delta) throws SQLException {
    checkScrollable("relative");
    cursor = (int) Math.max(0, Math.min(rows.size() + 1L, (long) cursor + delta));
    return onRow();
  }

  @Override
  public boolean previous() throws SQLException {
    checkScrollable("previous");
    if (cursor > 0) {
      cursor--;
    }
    return onRow();
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      checkScrollable("setFetchDirection");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw ShaleSqlExceptions.create(
          "fetch size must be >= 0", ShaleSqlExceptions.INVALID_PARAMETER_VALUE);
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return type;
  }

  @Override
  public int getConcurrency() throws SQLException {
    checkOpen();
    return CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return HOLD_CURSORS_OVER_COMMIT;
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
