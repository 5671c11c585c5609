package io.shaledb.server.rpc;

/**
 * A client message that breaks the wire protocol (wrong order, missing kind, undecodable value).
 * Answered with SQLSTATE {@link WireErrors#PROTOCOL_VIOLATION}; the stream stays open.
 */
public final class MalformedMessageException extends RuntimeException {
  public MalformedMessageException(String message) {
    super(message);
  }
}
