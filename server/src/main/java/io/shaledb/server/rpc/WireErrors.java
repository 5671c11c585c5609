package io.shaledb.server.rpc;

import io.shaledb.jdbc.proto.Error;
import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;

/**
 * Turns failures into wire {@link Error} messages: the one place where server-side exceptions
 * become SQLSTATEs. {@link SqlError}s travel unchanged; protocol violations become
 * {@link #PROTOCOL_VIOLATION}; anything else is an internal error (XX000) whose stack the caller
 * logs.
 */
final class WireErrors {
  /**
   * PostgreSQL's 08P01 protocol_violation. Kept here because {@link SqlState} (owned by the SQL
   * layer) has no entry for it; move it there when it gains one.
   */
  static final String PROTOCOL_VIOLATION = "08P01";

  private WireErrors() {}

  static ServerMessage of(long requestId, SqlError e) {
    Error.Builder b = Error.newBuilder()
        .setSqlstate(e.state().code())
        .setMessage(nonNull(e.getMessage()))
        .setPosition(Math.max(0, e.position()));
    if (e.detail() != null) {
      b.setDetail(e.detail());
    }
    if (e.hint() != null) {
      b.setHint(e.hint());
    }
    return wrap(requestId, b);
  }

  static ServerMessage of(long requestId, SqlState state, String message) {
    return wrap(requestId, Error.newBuilder().setSqlstate(state.code()).setMessage(message));
  }

  static ServerMessage protocolViolation(long requestId, String message) {
    return wrap(requestId, Error.newBuilder().setSqlstate(PROTOCOL_VIOLATION).setMessage(message));
  }

  static ServerMessage internal(long requestId, Throwable t) {
    String what = t.getMessage() == null ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + t.getMessage();
    return wrap(requestId, Error.newBuilder()
        .setSqlstate(SqlState.INTERNAL_ERROR.code())
        .setMessage("internal error: " + what));
  }

  private static ServerMessage wrap(long requestId, Error.Builder error) {
    return ServerMessage.newBuilder().setRequestId(requestId).setError(error).build();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
