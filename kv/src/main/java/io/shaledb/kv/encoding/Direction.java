package io.shaledb.kv.encoding;

/** Sort direction of one encoded key field. */
public enum Direction {
  ASC,
  DESC
}
