package io.shaledb.server;

/**
 * Every node setting, with its command-line name, default and documentation: the single registry
 * that the CLI help and {@link NodeConfig} are built from. Values are given as strings (as on a
 * command line) and parsed by {@link NodeConfig#from}.
 */
public enum ServerSetting {
  LISTEN("listen", "127.0.0.1:26257",
      "Address to accept SQL clients on, HOST:PORT; port 0 picks a free port."),
  STORE("store", "",
      "Directory holding the node's data; created if missing. Required for `start`."),
  MAX_STATEMENT_BYTES("max-statement-bytes", Integer.toString(8 << 20),
      "Longest SQL statement accepted, in UTF-8 bytes; longer ones fail with SQLSTATE 54000."),
  SQL_WORKERS("sql-workers", "4",
      "Threads executing SQL for client sessions that share a transport thread."),
  SQL_IO_THREADS("sql-io-threads", "64",
      "Transport threads for client connections, started as connections arrive. A connection"
          + " alone on its thread runs its statements there; beyond this many connections they"
          + " share threads and run statements on the sql-workers."),
  MAX_CLOCK_OFFSET("max-clock-offset", "500ms",
      "Largest clock difference tolerated between nodes (hybrid logical clock uncertainty)."),
  SHUTDOWN_GRACE("shutdown-grace", "5s",
      "How long a stopping node waits for running statements before cutting them off.");

  private final String cliName;
  private final String defaultValue;
  private final String doc;

  ServerSetting(String cliName, String defaultValue, String doc) {
    this.cliName = cliName;
    this.defaultValue = defaultValue;
    this.doc = doc;
  }

  /** The name as a long option, without the leading dashes. */
  public String cliName() {
    return cliName;
  }

  /** The default as it would be written on the command line; "" when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  public String doc() {
    return doc;
  }
}
