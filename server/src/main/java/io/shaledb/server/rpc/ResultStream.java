package io.shaledb.server.rpc;

import io.shaledb.jdbc.proto.ColumnMeta;
import io.shaledb.jdbc.proto.Complete;
import io.shaledb.jdbc.proto.ResultHeader;
import io.shaledb.jdbc.proto.ResultSet;
import io.shaledb.jdbc.proto.Row;
import io.shaledb.jdbc.proto.RowBatch;
import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.sql.StatementResult;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The answer to one request as a lazily encoded sequence of server messages, so that a large
 * result is encoded batch by batch as the client is ready for it rather than all at once.
 *
 * <p>For a statement with rows that fit one batch: one {@code ResultSet} (header, rows and
 * completion together: one frame and one flush per query). Larger: {@code ResultHeader}, then
 * {@code RowBatch}es of at most {@link #MAX_BATCH_ROWS} rows or about {@link #TARGET_BATCH_BYTES}
 * encoded bytes, then {@code Complete}. For other statements only {@code Complete}. Not
 * thread-safe.
 */
final class ResultStream implements Iterator<ServerMessage> {
  static final int MAX_BATCH_ROWS = 1000;
  static final int TARGET_BATCH_BYTES = 1 << 20;

  private final long requestId;
  private final StatementResult result;
  private boolean headerSent;
  private int nextRow;
  private boolean completeSent;

  ResultStream(long requestId, StatementResult result) {
    this.requestId = requestId;
    this.result = result;
    this.headerSent = !result.hasRows();
  }

  /** A stream of exactly one message. */
  static Iterator<ServerMessage> single(ServerMessage message) {
    return List.of(message).iterator();
  }

  @Override
  public boolean hasNext() {
    return !completeSent;
  }

  @Override
  public ServerMessage next() {
    if (completeSent) {
      throw new NoSuchElementException();
    }
    ServerMessage.Builder msg = ServerMessage.newBuilder().setRequestId(requestId);
    List<Object[]> rows = result.rows();
    if (!headerSent) {
      headerSent = true;
      if (rows.size() <= MAX_BATCH_ROWS) {
        RowBatch.Builder batch = RowBatch.newBuilder();
        long bytes = 0;
        for (Object[] r : rows) {
          Row row = ValueCodec.rowToWire(r);
          bytes += row.getSerializedSize();
          batch.addRows(row);
        }
        if (bytes < TARGET_BATCH_BYTES) {
          completeSent = true;
          return msg.setResultSet(ResultSet.newBuilder().setHeader(header(result.columns())).setRows(batch)
              .setComplete(complete(result))).build();
        }
      }
      return msg.setResultHeader(header(result.columns())).build();
    }
    if (result.hasRows() && nextRow < rows.size()) {
      RowBatch.Builder batch = RowBatch.newBuilder();
      long bytes = 0;
      while (nextRow < rows.size() && batch.getRowsCount() < MAX_BATCH_ROWS
          && bytes < TARGET_BATCH_BYTES) {
        Row row = ValueCodec.rowToWire(rows.get(nextRow++));
        bytes += row.getSerializedSize();
        batch.addRows(row);
      }
      return msg.setRowBatch(batch).build();
    }
    completeSent = true;
    return msg.setComplete(complete(result)).build();
  }

  static Complete complete(StatementResult result) {
    Complete.Builder c = Complete.newBuilder()
        .addUpdateCounts(result.updateCount())
        .setCommandTag(result.commandTag() == null ? "" : result.commandTag());
    if (!result.generatedKeyColumns().isEmpty()) {
      c.setGeneratedKeysHeader(header(result.generatedKeyColumns()));
      for (Object[] key : result.generatedKeys()) {
        c.addGeneratedKeys(ValueCodec.rowToWire(key));
      }
    }
    return c.build();
  }

  static ResultHeader header(List<io.shaledb.sql.ColumnMeta> columns) {
    ResultHeader.Builder h = ResultHeader.newBuilder();
    for (io.shaledb.sql.ColumnMeta c : columns) {
      h.addColumns(columnToWire(c));
    }
    return h.build();
  }

  static ColumnMeta columnToWire(io.shaledb.sql.ColumnMeta c) {
    return ColumnMeta.newBuilder()
        .setName(c.name() == null ? "" : c.name())
        .setTableName(c.tableName() == null ? "" : c.tableName())
        .setJdbcType(c.jdbcType())
        .setTypeName(c.typeName() == null ? "" : c.typeName())
        .setPrecision(c.precision())
        .setScale(c.scale())
        .setNullable(c.nullable())
        .build();
  }
}
