package io.shaledb.sql.catalog;

import io.shaledb.kv.encoding.Direction;
import io.shaledb.kv.encoding.OrderedDecoder;
import io.shaledb.kv.encoding.OrderedEncoder;
import io.shaledb.sql.rowenc.SqlKeys;

/**
 * Keys of the catalog under {@code /System} (see the package documentation for the layout).
 * Stateless.
 */
final class CatalogKeys {

  static final long ID_COUNTER = 1;
  static final long NAMESPACE = 2;
  static final long DESCRIPTOR = 3;
  static final long INDEX_NAMESPACE = 4;
  static final long FORMAT = 5;

  /**
   * The catalog's layout version, stored at {@link #format()}: 1 (absent) had no index-name
   * entries; 2 has one per index, so that a name check is two point reads.
   */
  static final int CURRENT_FORMAT = 2;

  private CatalogKeys() {}

  /** {@code /System/1}: the next descriptor id to hand out (8-byte big-endian value). */
  static byte[] idCounter() {
    return new OrderedEncoder(SqlKeys.systemPrefix()).writeLong(ID_COUNTER, Direction.ASC).toBytes();
  }

  /** {@code /System/2/<parentId>/}: the names in one database (parent 0: the database names). */
  static byte[] namespacePrefix(int parentId) {
    return new OrderedEncoder(SqlKeys.systemPrefix()).writeLong(NAMESPACE, Direction.ASC)
        .writeLong(parentId, Direction.ASC).toBytes();
  }

  /** {@code /System/2/<parentId>/<name>}: maps a name to a descriptor id (4-byte big-endian value). */
  static byte[] namespace(int parentId, String name) {
    return new OrderedEncoder(namespacePrefix(parentId)).writeString(name, Direction.ASC).toBytes();
  }

  /** The name at the end of a namespace key whose prefix is {@code namespacePrefix(parentId)}. */
  static String nameOf(byte[] namespaceKey, int parentId) {
    return new OrderedDecoder(namespaceKey, namespacePrefix(parentId).length).readString(Direction.ASC);
  }

  /** {@code /System/4/<databaseId>/}: the index names in one database. */
  static byte[] indexNamespacePrefix(int databaseId) {
    return new OrderedEncoder(SqlKeys.systemPrefix()).writeLong(INDEX_NAMESPACE, Direction.ASC)
        .writeLong(databaseId, Direction.ASC).toBytes();
  }

  /** {@code /System/4/<databaseId>/<index name>}: the id of the table that has that index (4-byte big-endian). */
  static byte[] indexName(int databaseId, String name) {
    return new OrderedEncoder(indexNamespacePrefix(databaseId)).writeString(name, Direction.ASC).toBytes();
  }

  /** {@code /System/5}: the catalog's layout version (4-byte big-endian; absent = 1). */
  static byte[] format() {
    return new OrderedEncoder(SqlKeys.systemPrefix()).writeLong(FORMAT, Direction.ASC).toBytes();
  }

  /** {@code /System/3/<id>}: a database or table descriptor. */
  static byte[] descriptor(int id) {
    return new OrderedEncoder(SqlKeys.systemPrefix()).writeLong(DESCRIPTOR, Direction.ASC)
        .writeLong(id, Direction.ASC).toBytes();
  }

  static byte[] intValue(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  static int readInt(byte[] b) {
    return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
  }

  static byte[] longValue(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }

  static long readLong(byte[] b) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[i] & 0xFF);
    }
    return v;
  }
}
