package io.shaledb.kv.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

class StorageExceptionTest {
  @Test
  void noSpaceSubcodeBecomesNoSpaceException() {
    RocksDBException e = new RocksDBException("IO error: No space left on device",
        new Status(Status.Code.IOError, Status.SubCode.NoSpace, "No space left on device"));
    StorageException s = StorageException.from("write", e);
    assertInstanceOf(NoSpaceException.class, s);
    assertTrue(s.noSpace());
    assertTrue(s.getMessage().startsWith("write: "));
  }

  @Test
  void noSpaceMessageWithoutSubcodeIsRecognised() {
    StorageException s = StorageException.from("flush",
        new RocksDBException("While appending to file: 000012.log: No space left on device"));
    assertTrue(s.noSpace());
  }

  @Test
  void otherErrorsAreGeneric() {
    StorageException s = StorageException.from("get", new RocksDBException("Corruption: bad block",
        new Status(Status.Code.Corruption, Status.SubCode.None, "bad block")));
    assertFalse(s.noSpace());
    assertFalse(s instanceof NoSpaceException);
  }
}
