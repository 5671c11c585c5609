package io.shaledb.kv.storage;

import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * The storage engine failed (I/O error, corruption, engine closed). {@link NoSpaceException}
 * marks the disk-full case, which SQL reports as SQLSTATE 53100.
 */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }

  /** Whether the failure was the disk running out of space. */
  public boolean noSpace() {
    return false;
  }

  /** The typed exception for a RocksDB failure during {@code operation}. */
  static StorageException from(String operation, RocksDBException e) {
    Status s = e.getStatus();
    String message = operation + ": " + (s != null ? s.getCodeString() + ": " : "") + e.getMessage();
    boolean noSpace = (s != null && s.getSubCode() == Status.SubCode.NoSpace)
        || (e.getMessage() != null && e.getMessage().contains("No space left on device"));
    return noSpace ? new NoSpaceException(message, e) : new StorageException(message, e);
  }
}
