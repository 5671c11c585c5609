package io.shaledb.jdbc.client;

import io.shaledb.jdbc.proto.Complete;
import io.shaledb.jdbc.proto.HelloOk;
import io.shaledb.jdbc.proto.Prepared;
import io.shaledb.jdbc.proto.Row;
import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.jdbc.proto.Value;
import java.util.ArrayList;
import java.util.List;

/** Collects the messages answering one request. Not thread-safe; used by the waiting thread. */
final class Reply {
  HelloOk helloOk;
  Prepared prepared;
  List<ColumnDescription> columns;
  final List<Object[]> rows = new ArrayList<>();
  Complete complete;

  /**
   * Takes one message of this request.
   *
   * @return true when the message ends the answer
   * @throws WireException for an {@code Error} message (the session stays usable)
   */
  boolean accept(ServerMessage message) throws WireException {
    switch (message.getKindCase()) {
      case HELLO_OK -> {
        helloOk = message.getHelloOk();
        return true;
      }
      case PREPARED -> {
        prepared = message.getPrepared();
        return true;
      }
      case RESULT_HEADER ->
          columns = WireSession.describe(message.getResultHeader().getColumnsList());
      case ROW_BATCH -> {
        for (Row row : message.getRowBatch().getRowsList()) {
          rows.add(decode(row));
        }
      }
      case COMPLETE -> {
        complete = message.getComplete();
        return true;
      }
      case RESULT_SET -> {
        var all = message.getResultSet();
        columns = WireSession.describe(all.getHeader().getColumnsList());
        for (Row row : all.getRows().getRowsList()) {
          rows.add(decode(row));
        }
        complete = all.getComplete();
        return true;
      }
      case ERROR -> {
        var e = message.getError();
        throw new WireException(
            e.getSqlstate(),
            e.getMessage(),
            e.getPosition(),
            e.getDetail(),
            e.getHint(),
            false,
            null);
      }
      case KIND_NOT_SET -> {
        // nothing to take
      }
    }
    return false;
  }

  ExecutionResult toExecutionResult() {
    Complete c = complete == null ? Complete.getDefaultInstance() : complete;
    long[] counts = c.getUpdateCountsList().stream().mapToLong(Long::longValue).toArray();
    List<ColumnDescription> keyColumns = List.of();
    List<Object[]> keys = new ArrayList<>();
    if (c.hasGeneratedKeysHeader()) {
      keyColumns = WireSession.describe(c.getGeneratedKeysHeader().getColumnsList());
      for (Row row : c.getGeneratedKeysList()) {
        keys.add(decode(row));
      }
    }
    return new ExecutionResult(columns, rows, counts, c.getCommandTag(), keyColumns, keys);
  }

  private static Object[] decode(Row row) {
    Object[] values = new Object[row.getValuesCount()];
    int i = 0;
    for (Value v : row.getValuesList()) {
      values[i++] = WireValues.fromWire(v);
    }
    return values;
  }
}
