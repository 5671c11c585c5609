package io.shaledb.replication.storage;

import io.shaledb.kv.storage.StorageException;

/** Stored Raft state could not be decoded or is inconsistent (a gap in the log, a wrong key). */
public final class CorruptRaftStateException extends StorageException {
    public CorruptRaftStateException(String message) {
        super(message);
    }
}
