package io.shaledb.kv.encoding;

/** A key does not hold the field the decoder was asked to read, or is truncated or malformed. */
public final class KeyDecodingException extends IllegalArgumentException {
  public KeyDecodingException(String message) {
    super(message);
  }
}
