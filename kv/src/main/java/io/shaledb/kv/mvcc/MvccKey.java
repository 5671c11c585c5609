package io.shaledb.kv.mvcc;

import io.shaledb.kv.Timestamp;

/** A user key at one MVCC timestamp. */
public record MvccKey(byte[] userKey, Timestamp timestamp) {}
