package io.shaledb.jdbc.client;

/**
 * What the server said in HelloOk.
 *
 * @param serverVersion server version string, e.g. "0.1.0"
 * @param sessionId server-assigned session id
 * @param database the database the session is using
 * @param maxStatementBytes longest statement the server accepts, 0 = unknown
 * @param address host:port of the server that answered
 */
public record ServerInfo(
    String serverVersion,
    String sessionId,
    String database,
    int maxStatementBytes,
    String address) {}
