package io.shaledb.jdbc.client;

import java.util.List;

/**
 * A statement prepared on the server.
 *
 * @param statementId the server's handle, valid until ClosePrepared or the end of the session
 * @param parameters one description per {@code ?}, in order
 * @param columns result columns; empty for statements that return no rows
 */
public record PreparedDescription(
    long statementId, List<ColumnDescription> parameters, List<ColumnDescription> columns) {
  public PreparedDescription {
    parameters = List.copyOf(parameters);
    columns = List.copyOf(columns);
  }
}
