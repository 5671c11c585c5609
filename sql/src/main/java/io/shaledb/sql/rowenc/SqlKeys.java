package io.shaledb.sql.rowenc;

import io.shaledb.kv.encoding.Direction;
import io.shaledb.kv.encoding.OrderedEncoder;
import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;
import java.util.Arrays;

/**
 * Key prefixes of the SQL layer. {@code /System} is the single byte {@value #SYSTEM_MARKER_HEX};
 * {@code /Table/<tableId>/<indexId>/} is the byte {@value #TABLE_MARKER_HEX} followed by the table
 * id and the index id, each encoded with {@link OrderedEncoder#writeLong} ascending. Every
 * {@code /System} key therefore sorts before every {@code /Table} key. Stateless.
 */
public final class SqlKeys {

  static final String SYSTEM_MARKER_HEX = "0x04";
  static final String TABLE_MARKER_HEX = "0x88";
  private static final byte SYSTEM_MARKER = 0x04;
  private static final byte TABLE_MARKER = (byte) 0x88;

  private SqlKeys() {}

  /** The prefix of every catalog/system key. */
  public static byte[] systemPrefix() {
    return new byte[] {SYSTEM_MARKER};
  }

  /** The prefix of every table key: everything in {@code [tablesStart(), prefixEnd(tablesStart()))} is row data. */
  public static byte[] tablesStart() {
    return new byte[] {TABLE_MARKER};
  }

  /** {@code /Table/<tableId>/}: every row and index entry of the table starts with it. */
  public static byte[] tablePrefix(int tableId) {
    return new OrderedEncoder(tablesStart()).writeLong(tableId, Direction.ASC).toBytes();
  }

  /** {@code /Table/<tableId>/<indexId>/}: every entry of the index starts with it. */
  public static byte[] indexPrefix(int tableId, int indexId) {
    return new OrderedEncoder(tablePrefix(tableId)).writeLong(indexId, Direction.ASC).toBytes();
  }

  public static byte[] indexPrefix(TableDescriptor t, IndexDescriptor i) {
    return indexPrefix(t.id(), i.id());
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] result = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }
}
