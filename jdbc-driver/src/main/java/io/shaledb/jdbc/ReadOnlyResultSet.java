package io.shaledb.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The write half of {@link ResultSet}, which ShaleDB result sets do not have: every update method
 * throws {@link java.sql.SQLFeatureNotSupportedException} (0A000) and the row-state probes answer
 * false. Kept apart so {@link ShaleResultSet} holds only reading logic.
 */
abstract class ReadOnlyResultSet implements ResultSet {
  @Override
  public final boolean rowUpdated() throws SQLException {
    return false;
  }

  @Override
  public final boolean rowInserted() throws SQLException {
    return false;
  }

  @Override
  public final boolean rowDeleted() throws SQLException {
    return false;
  }

  @Override
  public final void updateNull(int columnIndex) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNull (result sets are read-only)");
  }

  @Override
  public final void updateBoolean(int columnIndex, boolean x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBoolean (result sets are read-only)");
  }

  @Override
  public final void updateByte(int columnIndex, byte x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateByte (result sets are read-only)");
  }

  @Override
  public final void updateShort(int columnIndex, short x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateShort (result sets are read-only)");
  }

  @Override
  public final void updateInt(int columnIndex, int x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateInt (result sets are read-only)");
  }

  @Override
  public final void updateLong(int columnIndex, long x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateLong (result sets are read-only)");
  }

  @Override
  public final void updateFloat(int columnIndex, float x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateFloat (result sets are read-only)");
  }

  @Override
  public final void updateDouble(int columnIndex, double x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateDouble (result sets are read-only)");
  }

  @Override
  public final void updateBigDecimal(int columnIndex, java.math.BigDecimal x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBigDecimal (result sets are read-only)");
  }

  @Override
  public final void updateString(int columnIndex, String x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateString (result sets are read-only)");
  }

  @Override
  public final void updateBytes(int columnIndex, byte[] x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBytes (result sets are read-only)");
  }

  @Override
  public final void updateDate(int columnIndex, java.sql.Date x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateDate (result sets are read-only)");
  }

  @Override
  public final void updateTime(int columnIndex, java.sql.Time x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateTime (result sets are read-only)");
  }

  @Override
  public final void updateTimestamp(int columnIndex, java.sql.Timestamp x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateTimestamp (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(int columnIndex, java.io.InputStream x, int length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(int columnIndex, java.io.InputStream x, int length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(int columnIndex, java.io.Reader x, int length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateObject(int columnIndex, Object x, int length) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateObject(int columnIndex, Object x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateNull(String columnLabel) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNull (result sets are read-only)");
  }

  @Override
  public final void updateBoolean(String columnLabel, boolean x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBoolean (result sets are read-only)");
  }

  @Override
  public final void updateByte(String columnLabel, byte x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateByte (result sets are read-only)");
  }

  @Override
  public final void updateShort(String columnLabel, short x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateShort (result sets are read-only)");
  }

  @Override
  public final void updateInt(String columnLabel, int x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateInt (result sets are read-only)");
  }

  @Override
  public final void updateLong(String columnLabel, long x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateLong (result sets are read-only)");
  }

  @Override
  public final void updateFloat(String columnLabel, float x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateFloat (result sets are read-only)");
  }

  @Override
  public final void updateDouble(String columnLabel, double x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateDouble (result sets are read-only)");
  }

  @Override
  public final void updateBigDecimal(String columnLabel, java.math.BigDecimal x)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBigDecimal (result sets are read-only)");
  }

  @Override
  public final void updateString(String columnLabel, String x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateString (result sets are read-only)");
  }

  @Override
  public final void updateBytes(String columnLabel, byte[] x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBytes (result sets are read-only)");
  }

  @Override
  public final void updateDate(String columnLabel, java.sql.Date x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateDate (result sets are read-only)");
  }

  @Override
  public final void updateTime(String columnLabel, java.sql.Time x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateTime (result sets are read-only)");
  }

  @Override
  public final void updateTimestamp(String columnLabel, java.sql.Timestamp x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateTimestamp (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(String columnLabel, java.io.InputStream x, int length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(String columnLabel, java.io.InputStream x, int length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(String columnLabel, java.io.Reader x, int length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateObject(String columnLabel, Object x, int length) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateObject(String columnLabel, Object x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void insertRow() throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.insertRow (result sets are read-only)");
  }

  @Override
  public final void updateRow() throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateRow (result sets are read-only)");
  }

  @Override
  public final void deleteRow() throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.deleteRow (result sets are read-only)");
  }

  @Override
  public final void refreshRow() throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.refreshRow (result sets are read-only)");
  }

  @Override
  public final void cancelRowUpdates() throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.cancelRowUpdates (result sets are read-only)");
  }

  @Override
  public final void moveToInsertRow() throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.moveToInsertRow (result sets are read-only)");
  }

  @Override
  public final void moveToCurrentRow() throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.moveToCurrentRow (result sets are read-only)");
  }

  @Override
  public final void updateRef(int columnIndex, java.sql.Ref x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateRef (result sets are read-only)");
  }

  @Override
  public final void updateRef(String columnLabel, java.sql.Ref x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateRef (result sets are read-only)");
  }

  @Override
  public final void updateBlob(int columnIndex, java.sql.Blob x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateBlob(String columnLabel, java.sql.Blob x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateClob(int columnIndex, java.sql.Clob x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateClob(String columnLabel, java.sql.Clob x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateArray(int columnIndex, java.sql.Array x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateArray (result sets are read-only)");
  }

  @Override
  public final void updateArray(String columnLabel, java.sql.Array x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateArray (result sets are read-only)");
  }

  @Override
  public final void updateRowId(int columnIndex, java.sql.RowId x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateRowId (result sets are read-only)");
  }

  @Override
  public final void updateRowId(String columnLabel, java.sql.RowId x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateRowId (result sets are read-only)");
  }

  @Override
  public final void updateNString(int columnIndex, String x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNString (result sets are read-only)");
  }

  @Override
  public final void updateNString(String columnLabel, String x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNString (result sets are read-only)");
  }

  @Override
  public final void updateNClob(int columnIndex, java.sql.NClob x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateNClob(String columnLabel, java.sql.NClob x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateSQLXML(int columnIndex, java.sql.SQLXML x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateSQLXML (result sets are read-only)");
  }

  @Override
  public final void updateSQLXML(String columnLabel, java.sql.SQLXML x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateSQLXML (result sets are read-only)");
  }

  @Override
  public final void updateNCharacterStream(int columnIndex, java.io.Reader x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateNCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateNCharacterStream(String columnLabel, java.io.Reader x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateNCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(int columnIndex, java.io.InputStream x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(int columnIndex, java.io.InputStream x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(int columnIndex, java.io.Reader x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(String columnLabel, java.io.InputStream x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(String columnLabel, java.io.InputStream x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(String columnLabel, java.io.Reader x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateBlob(int columnIndex, java.io.InputStream x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateBlob(String columnLabel, java.io.InputStream x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateClob(int columnIndex, java.io.Reader x, long length) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateClob(String columnLabel, java.io.Reader x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateNClob(int columnIndex, java.io.Reader x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateNClob(String columnLabel, java.io.Reader x, long length)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateNCharacterStream(int columnIndex, java.io.Reader x) throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateNCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateNCharacterStream(String columnLabel, java.io.Reader x)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateNCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(int columnIndex, java.io.InputStream x) throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(int columnIndex, java.io.InputStream x) throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(int columnIndex, java.io.Reader x) throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(String columnLabel, java.io.InputStream x)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(String columnLabel, java.io.InputStream x)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(String columnLabel, java.io.Reader x)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported(
        "ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateBlob(int columnIndex, java.io.InputStream x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateBlob(String columnLabel, java.io.InputStream x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateClob(int columnIndex, java.io.Reader x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateClob(String columnLabel, java.io.Reader x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateNClob(int columnIndex, java.io.Reader x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateNClob(String columnLabel, java.io.Reader x) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateObject(
      int columnIndex, Object x, java.sql.SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateObject(
      String columnLabel, Object x, java.sql.SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateObject(int columnIndex, Object x, java.sql.SQLType targetSqlType)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateObject(String columnLabel, Object x, java.sql.SQLType targetSqlType)
      throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }
}
