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
  public final void updateNull(int p0) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNull (result sets are read-only)");
  }

  @Override
  public final void updateBoolean(int p0, boolean p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBoolean (result sets are read-only)");
  }

  @Override
  public final void updateByte(int p0, byte p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateByte (result sets are read-only)");
  }

  @Override
  public final void updateShort(int p0, short p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateShort (result sets are read-only)");
  }

  @Override
  public final void updateInt(int p0, int p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateInt (result sets are read-only)");
  }

  @Override
  public final void updateLong(int p0, long p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateLong (result sets are read-only)");
  }

  @Override
  public final void updateFloat(int p0, float p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateFloat (result sets are read-only)");
  }

  @Override
  public final void updateDouble(int p0, double p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateDouble (result sets are read-only)");
  }

  @Override
  public final void updateBigDecimal(int p0, java.math.BigDecimal p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBigDecimal (result sets are read-only)");
  }

  @Override
  public final void updateString(int p0, String p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateString (result sets are read-only)");
  }

  @Override
  public final void updateBytes(int p0, byte[] p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBytes (result sets are read-only)");
  }

  @Override
  public final void updateDate(int p0, java.sql.Date p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateDate (result sets are read-only)");
  }

  @Override
  public final void updateTime(int p0, java.sql.Time p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateTime (result sets are read-only)");
  }

  @Override
  public final void updateTimestamp(int p0, java.sql.Timestamp p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateTimestamp (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(int p0, java.io.InputStream p1, int p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(int p0, java.io.Reader p1, int p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateObject(int p0, Object p1, int p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateObject(int p0, Object p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateNull(String p0) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNull (result sets are read-only)");
  }

  @Override
  public final void updateBoolean(String p0, boolean p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBoolean (result sets are read-only)");
  }

  @Override
  public final void updateByte(String p0, byte p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateByte (result sets are read-only)");
  }

  @Override
  public final void updateShort(String p0, short p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateShort (result sets are read-only)");
  }

  @Override
  public final void updateInt(String p0, int p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateInt (result sets are read-only)");
  }

  @Override
  public final void updateLong(String p0, long p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateLong (result sets are read-only)");
  }

  @Override
  public final void updateFloat(String p0, float p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateFloat (result sets are read-only)");
  }

  @Override
  public final void updateDouble(String p0, double p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateDouble (result sets are read-only)");
  }

  @Override
  public final void updateBigDecimal(String p0, java.math.BigDecimal p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBigDecimal (result sets are read-only)");
  }

  @Override
  public final void updateString(String p0, String p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateString (result sets are read-only)");
  }

  @Override
  public final void updateBytes(String p0, byte[] p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBytes (result sets are read-only)");
  }

  @Override
  public final void updateDate(String p0, java.sql.Date p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateDate (result sets are read-only)");
  }

  @Override
  public final void updateTime(String p0, java.sql.Time p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateTime (result sets are read-only)");
  }

  @Override
  public final void updateTimestamp(String p0, java.sql.Timestamp p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateTimestamp (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(String p0, java.io.InputStream p1, int p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(String p0, java.io.InputStream p1, int p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(String p0, java.io.Reader p1, int p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateObject(String p0, Object p1, int p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateObject(String p0, Object p1) throws SQLException {
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
  public final void updateRef(int p0, java.sql.Ref p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateRef (result sets are read-only)");
  }

  @Override
  public final void updateRef(String p0, java.sql.Ref p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateRef (result sets are read-only)");
  }

  @Override
  public final void updateBlob(int p0, java.sql.Blob p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateBlob(String p0, java.sql.Blob p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateClob(int p0, java.sql.Clob p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateClob(String p0, java.sql.Clob p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateArray(int p0, java.sql.Array p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateArray (result sets are read-only)");
  }

  @Override
  public final void updateArray(String p0, java.sql.Array p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateArray (result sets are read-only)");
  }

  @Override
  public final void updateRowId(int p0, java.sql.RowId p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateRowId (result sets are read-only)");
  }

  @Override
  public final void updateRowId(String p0, java.sql.RowId p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateRowId (result sets are read-only)");
  }

  @Override
  public final void updateNString(int p0, String p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNString (result sets are read-only)");
  }

  @Override
  public final void updateNString(String p0, String p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNString (result sets are read-only)");
  }

  @Override
  public final void updateNClob(int p0, java.sql.NClob p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateNClob(String p0, java.sql.NClob p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateSQLXML(int p0, java.sql.SQLXML p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateSQLXML (result sets are read-only)");
  }

  @Override
  public final void updateSQLXML(String p0, java.sql.SQLXML p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateSQLXML (result sets are read-only)");
  }

  @Override
  public final void updateNCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateNCharacterStream(String p0, java.io.Reader p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(int p0, java.io.InputStream p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(int p0, java.io.Reader p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(String p0, java.io.InputStream p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(String p0, java.io.InputStream p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(String p0, java.io.Reader p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateBlob(int p0, java.io.InputStream p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateBlob(String p0, java.io.InputStream p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateClob(int p0, java.io.Reader p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateClob(String p0, java.io.Reader p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateNClob(int p0, java.io.Reader p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateNClob(String p0, java.io.Reader p1, long p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateNCharacterStream(int p0, java.io.Reader p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateNCharacterStream(String p0, java.io.Reader p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(int p0, java.io.InputStream p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(int p0, java.io.InputStream p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(int p0, java.io.Reader p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateAsciiStream(String p0, java.io.InputStream p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateAsciiStream (result sets are read-only)");
  }

  @Override
  public final void updateBinaryStream(String p0, java.io.InputStream p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBinaryStream (result sets are read-only)");
  }

  @Override
  public final void updateCharacterStream(String p0, java.io.Reader p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateCharacterStream (result sets are read-only)");
  }

  @Override
  public final void updateBlob(int p0, java.io.InputStream p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateBlob(String p0, java.io.InputStream p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateBlob (result sets are read-only)");
  }

  @Override
  public final void updateClob(int p0, java.io.Reader p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateClob(String p0, java.io.Reader p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateClob (result sets are read-only)");
  }

  @Override
  public final void updateNClob(int p0, java.io.Reader p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateNClob(String p0, java.io.Reader p1) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateNClob (result sets are read-only)");
  }

  @Override
  public final void updateObject(int p0, Object p1, java.sql.SQLType p2, int p3) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateObject(String p0, Object p1, java.sql.SQLType p2, int p3) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateObject(int p0, Object p1, java.sql.SQLType p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }

  @Override
  public final void updateObject(String p0, Object p1, java.sql.SQLType p2) throws SQLException {
    throw ShaleSqlExceptions.notSupported("ResultSet.updateObject (result sets are read-only)");
  }
}
