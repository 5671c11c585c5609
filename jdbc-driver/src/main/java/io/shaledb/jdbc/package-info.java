/**
 * The ShaleDB JDBC driver ({@code jdbc:shale://host:port[,host:port...]/database?prop=value}).
 *
 * <p>A thin JDBC surface over the client core in {@link io.shaledb.jdbc.client}: these classes
 * translate JDBC calls into {@link io.shaledb.jdbc.client.WireSession} requests and canonical
 * values into what JDBC getters promise; no protocol logic lives here. All SQLSTATE-to-exception
 * mapping is in {@link io.shaledb.jdbc.ShaleSqlExceptions}; every connection property is in {@link
 * io.shaledb.jdbc.ConnectionProperty}.
 *
 * <p>Guarantees and limits: autocommit only (each statement is atomic and serializable on the
 * server; {@code setAutoCommit(false)} throws 0A000); forward-only, read-only result sets that are
 * fully received before {@code execute} returns; a lost stream closes the connection (08006).
 * Logging goes through {@code java.util.logging} (logger {@code io.shaledb.jdbc}).
 *
 * <p>Threading: as in JDBC generally, a connection and its statements are used by one thread at a
 * time; {@code Statement.cancel}, {@code Connection.abort} and {@code isClosed} may be called from
 * another thread. {@link io.shaledb.jdbc.ShaleDriver} is thread-safe.
 */
package io.shaledb.jdbc;
