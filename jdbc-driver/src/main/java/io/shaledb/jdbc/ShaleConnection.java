package io.shaledb.jdbc;

import io.shaledb.jdbc.client.PreparedDescription;
import io.shaledb.jdbc.client.ServerInfo;
import io.shaledb.jdbc.client.WireException;
import io.shaledb.jdbc.client.WireSession;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A JDBC connection over one {@link WireSession}. Every statement runs in its own implicit
 * transaction (autocommit); explicit transactions are not supported yet. The connection becomes
 * closed when {@link #close} or {@link #abort} is called or the session is lost (08006) or its
 * network timeout expires. Not thread-safe for concurrent statements, except {@link #isClosed},
 * {@link #abort} and {@link Statement#cancel} (as JDBC requires).
 */
public final class ShaleConnection implements Connection {
  private final WireSession session;
  private final String url;
  private final String user;
  private final Properties clientInfo = new Properties();
  private final Set<ShaleStatement> openStatements = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private boolean readOnly;
  private int holdability = ResultSet.HOLD_CURSORS_OVER_COMMIT;
  private String database;
  private Map<String, Class<?>> typeMap = new HashMap<>();

  ShaleConnection(WireSession session, String url, String user) {
    this.session = session;
    this.url = url;
    this.user = user == null ? "" : user;
    this.database = session.serverInfo().database();
  }

  // ---- access for statements and metadata --------------------------------------------------

  /** The session, if the connection is open. */
  WireSession session() throws SQLException {
    checkOpen();
    return session;
  }

  void checkOpen() throws SQLException {
    if (isClosed()) {
      throw ShaleSqlExceptions.connectionClosed();
    }
  }

  /** Converts a failure; when it cost the session, the connection is closed as well. */
  SQLException translate(WireException e) {
    if (e.sessionLost() || !session.isOpen()) {
      markClosed();
    }
    return ShaleSqlExceptions.from(e);
  }

  void statementClosed(ShaleStatement statement) {
    openStatements.remove(statement);
  }

  void cancelCurrentRequest() {
    session.cancelCurrentRequest();
  }

  ServerInfo serverInfo() {
    return session.serverInfo();
  }

  String url() {
    return url;
  }

  String user() {
    return user;
  }

  private <S extends ShaleStatement> S register(S statement) {
    openStatements.add(statement);
    return statement;
  }

  private void markClosed() {
    closed = true;
    for (ShaleStatement s : new ArrayList<>(openStatements)) {
      s.closeForConnection();
    }
    openStatements.clear();
  }

  private static void checkResultSetOptions(int type, int concurrency, int holdability)
      throws SQLException {
    if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE) {
      throw ShaleSqlExceptions.notSupported(
          "result set type " + type + " (only TYPE_FORWARD_ONLY and TYPE_SCROLL_INSENSITIVE)");
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw ShaleSqlExceptions.notSupported("updatable result sets");
    }
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT
        && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      throw ShaleSqlExceptions.create(
          "invalid holdability " + holdability, ShaleSqlExceptions.INVALID_PARAMETER_VALUE);
    }
  }

  // ---- statements ------------------------------------------------------------------------------

  @Override
  public Statement createStatement() throws SQLException {
    return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, holdability);
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    return createStatement(type, concurrency, holdability);
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    checkOpen();
    checkResultSetOptions(type, concurrency, holdability);
    return register(new ShaleStatement(this, type, holdability));
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepare(sql, ShaleStatement.KeyRequest.NONE, ResultSet.TYPE_FORWARD_ONLY, holdability);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency)
      throws SQLException {
    return prepareStatement(sql, type, concurrency, holdability);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    checkOpen();
    checkResultSetOptions(type, concurrency, holdability);
    return prepare(sql, ShaleStatement.KeyRequest.NONE, type, holdability);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    return prepare(
        sql,
        ShaleStatement.KeyRequest.of(autoGeneratedKeys),
        ResultSet.TYPE_FORWARD_ONLY,
        holdability);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepare(
        sql,
        ShaleStatement.KeyRequest.indexes(columnIndexes),
        ResultSet.TYPE_FORWARD_ONLY,
        holdability);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepare(
        sql,
        ShaleStatement.KeyRequest.names(columnNames),
        ResultSet.TYPE_FORWARD_ONLY,
        holdability);
  }

  /** Prepares on the server now, so metadata is available before the first execution. */
  private PreparedStatement prepare(
      String sql, ShaleStatement.KeyRequest keys, int type, int holdability) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw ShaleSqlExceptions.create(
          "SQL text is null", ShaleSqlExceptions.INVALID_PARAMETER_VALUE);
    }
    PreparedDescription prepared;
    try {
      prepared = session.prepare(sql, 0);
    } catch (WireException e) {
      throw translate(e);
    }
    return register(new ShalePreparedStatement(this, sql, prepared, keys, type, holdability));
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw ShaleSqlExceptions.notSupported("stored procedures (prepareCall)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  // ---- transactions ----------------------------------------------------------------------------

  /** true is accepted (no-op); false is refused: explicit transactions are not supported yet. */
  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (!autoCommit) {
      throw new SQLFeatureNotSupportedException(
          "explicit transactions are not supported yet: "
              + "every statement commits on its own (autocommit)",
          ShaleSqlExceptions.FEATURE_NOT_SUPPORTED);
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return true;
  }

  /** Always fails like pgjdbc: there is never an open transaction to commit. */
  @Override
  public void commit() throws SQLException {
    checkOpen();
    throw ShaleSqlExceptions.create("Cannot commit when autoCommit is enabled.", "25P01");
  }

  /** No-op without a round trip: in autocommit there is never anything to roll back. */
  @Override
  public void rollback() throws SQLException {
    checkOpen();
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    throw ShaleSqlExceptions.notSupported("savepoints");
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    throw ShaleSqlExceptions.notSupported("savepoints");
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    throw ShaleSqlExceptions.notSupported("savepoints");
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    throw ShaleSqlExceptions.notSupported("savepoints");
  }

  /**
   * Every level is accepted and upgraded to SERIALIZABLE, the only isolation ShaleDB provides (as
   * CockroachDB does); {@link #getTransactionIsolation} keeps answering SERIALIZABLE.
   */
  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    switch (level) {
      case TRANSACTION_READ_UNCOMMITTED,
          TRANSACTION_READ_COMMITTED,
          TRANSACTION_REPEATABLE_READ,
          TRANSACTION_SERIALIZABLE -> {}
      default -> throw ShaleSqlExceptions.notSupported("transaction isolation level " + level);
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_SERIALIZABLE;
  }

  // ---- state -----------------------------------------------------------------------------------

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new ShaleDatabaseMetaData(this);
  }

  /** A hint only: the flag is remembered and reported, nothing is enforced yet. */
  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    this.readOnly = readOnly;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return readOnly;
  }

  /** Switches the session's database with SetOption("database", name). */
  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
    if (catalog == null || catalog.equals(database)) {
      return;
    }
    try {
      session.setOption("database", catalog, 0);
    } catch (WireException e) {
      throw translate(e);
    }
    database = catalog;
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return database;
  }

  /** Only the schema "public" exists for user tables. */
  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    if (schema != null && !schema.equalsIgnoreCase("public")) {
      throw ShaleSqlExceptions.notSupported("schemas other than public");
    }
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return "public";
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
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return typeMap;
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    typeMap = map == null ? new HashMap<>() : map;
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    checkResultSetOptions(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, holdability);
    this.holdability = holdability;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return holdability;
  }

  /** Pings the server; false if closed, broken or no answer within {@code timeout} seconds. */
  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw ShaleSqlExceptions.create(
          "timeout must be >= 0", ShaleSqlExceptions.INVALID_PARAMETER_VALUE);
    }
    if (isClosed()) {
      return false;
    }
    boolean ok = session.ping(timeout * 1000L);
    if (!session.isOpen()) {
      markClosed();
    }
    return ok;
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.setProperty(name, value);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    clientInfo.clear();
    if (properties != null) {
      for (String name : properties.stringPropertyNames()) {
        clientInfo.setProperty(name, properties.getProperty(name));
      }
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(clientInfo);
    return copy;
  }

  /**
   * The longest silence tolerated while waiting for an answer; when it expires the statement fails
   * with 57014 and the connection is closed. The executor is not needed and may be null.
   */
  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (milliseconds < 0) {
      throw ShaleSqlExceptions.create(
          "network timeout must be >= 0", ShaleSqlExceptions.INVALID_PARAMETER_VALUE);
    }
    session.setNetworkTimeoutMillis(milliseconds);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return (int) Math.min(Integer.MAX_VALUE, session.networkTimeoutMillis());
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  /** Closes the statements (no round trips), ends the stream and shuts the channel down. */
  @Override
  public void close() {
    if (closed && !session.isOpen()) {
      return;
    }
    markClosed();
    session.close();
  }

  @Override
  public boolean isClosed() {
    return closed || !session.isOpen();
  }

  /** Cancels the stream immediately; a statement waiting in another thread fails with 08xxx. */
  @Override
  public void abort(Executor executor) throws SQLException {
    markClosed();
    session.abort();
  }

  // ---- unsupported object factories ------------------------------------------------------------

  @Override
  public Clob createClob() throws SQLException {
    throw ShaleSqlExceptions.notSupported("createClob");
  }

  @Override
  public Blob createBlob() throws SQLException {
    throw ShaleSqlExceptions.notSupported("createBlob");
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw ShaleSqlExceptions.notSupported("createNClob");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw ShaleSqlExceptions.notSupported("createSQLXML");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw ShaleSqlExceptions.notSupported("createArrayOf");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw ShaleSqlExceptions.notSupported("createStruct");
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
