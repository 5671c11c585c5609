package io.shaledb.kv.storage;

/** The storage engine failed because the disk is full. */
public final class NoSpaceException extends StorageException {
  public NoSpaceException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean noSpace() {
    return true;
  }
}
