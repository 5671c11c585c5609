/**
 * The client core of the ShaleDB JDBC driver: everything that knows the wire protocol ({@code
 * shale_client.proto}) and nothing that knows JDBC.
 *
 * <pre>
 *   JDBC layer (io.shaledb.jdbc)
 *        |  Java values, ColumnDescription, ExecutionResult, WireException
 *        v
 *   WireSession ── one ManagedChannel ── one SqlService.Session stream ──► server
 *        ^                                   |
 *        └──── inbound queue ◄── ServerMessages (HelloOk, ResultHeader, RowBatch, Complete, Error, Prepared)
 * </pre>
 *
 * <p>Guarantees: a {@link io.shaledb.jdbc.client.WireSession} sends one request at a time and
 * returns only that request's answer (messages of an abandoned earlier request, e.g. after a
 * client-side timeout, are discarded by request id). Values cross into and out of this package as
 * the canonical Java types of {@link io.shaledb.jdbc.client.WireValues}. Failures come out as
 * {@link io.shaledb.jdbc.client.WireException} carrying a PostgreSQL SQLSTATE; a lost stream
 * (08006) or an expired network timeout closes the session for good.
 *
 * <p>Threading: a session may be used from any thread, one request at a time (callers are
 * serialised on an internal lock); {@code cancelCurrentRequest}, {@code abort} and {@code close}
 * may be called from another thread while a request is waiting.
 */
package io.shaledb.jdbc.client;
