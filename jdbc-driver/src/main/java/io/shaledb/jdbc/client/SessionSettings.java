package io.shaledb.jdbc.client;

import java.util.Map;

/**
 * What the client says in Hello and how long it waits for each host.
 *
 * @param database database to use
 * @param user user name (may be empty)
 * @param clientName client identification, e.g. "shale-jdbc 0.1.0"
 * @param properties extra session properties sent in Hello (e.g. application_name)
 * @param connectTimeoutMillis how long to wait for one host to answer Hello; 0 = no limit
 * @param loginTimeoutMillis total time budget over all hosts; 0 = no limit
 */
public record SessionSettings(
    String database,
    String user,
    String clientName,
    Map<String, String> properties,
    long connectTimeoutMillis,
    long loginTimeoutMillis) {
  public SessionSettings {
    user = user == null ? "" : user;
    properties = Map.copyOf(properties);
  }
}
