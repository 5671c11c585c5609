package io.shaledb.kv.storage;

/** The storage engine failed. */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether the failure was the disk running out of space. */
  public boolean noSpace() {
    return false;
  }
}
