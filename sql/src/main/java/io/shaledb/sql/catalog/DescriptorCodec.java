package io.shaledb.sql.catalog;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of catalog descriptors stored under {@code /System/desc/<id>}.
 *
 * <pre>
 * descriptor := kind:u8 ('D' database | 'T' table or view) formatVersion:u8 body
 * database   := id:i32 name:str
 * table      := id:i32 databaseId:i32 name:str nColumns:i32 column* primary:index
 *               nSecondary:i32 index* viewSql:optstr version:i64 nextColumnId:i32 nextIndexId:i32
 * column     := id:i32 name:str kind:str precision:i32 scale:i32 nullable:bool default:optstr hidden:bool
 * index      := id:i32 name:str unique:bool n:i32 (columnId:i32 descending:bool)*
 * optstr     := present:bool [str]          str := n:i32 n bytes of UTF-8
 * </pre>
 * Type kinds are stored by name, not ordinal, so reordering {@link SqlType.Kind} is safe. A
 * later format version may append fields after the version-1 body; readers of version 1 ignore
 * trailing bytes, and a reader rejects a version newer than it knows. Stateless.
 */
final class DescriptorCodec {

  static final byte FORMAT_VERSION = 1;
  private static final byte KIND_DATABASE = 'D';
  private static final byte KIND_TABLE = 'T';

  private DescriptorCodec() {}

  static byte[] encodeDatabase(DatabaseDescriptor db) {
    return write(KIND_DATABASE, out -> {
      out.writeInt(db.id());
      writeString(out, db.name());
    });
  }

  static byte[] encodeTable(TableDescriptor t) {
    return write(KIND_TABLE, out -> {
      out.writeInt(t.id());
      out.writeInt(t.databaseId());
      writeString(out, t.name());
      out.writeInt(t.columns().size());
      for (ColumnDescriptor c : t.columns()) {
        out.writeInt(c.id());
        writeString(out, c.name());
        writeString(out, c.type().kind().name());
        out.writeInt(c.type().precision());
        out.writeInt(c.type().scale());
        out.writeBoolean(c.nullable());
        writeOptional(out, c.defaultExpr());
        out.writeBoolean(c.hidden());
      }
      writeIndex(out, t.primaryIndex());
      out.writeInt(t.secondaryIndexes().size());
      for (IndexDescriptor i : t.secondaryIndexes()) {
        writeIndex(out, i);
      }
      writeOptional(out, t.viewSql());
      out.writeLong(t.version());
      out.writeInt(t.nextColumnId());
      out.writeInt(t.nextIndexId());
    });
  }

  /** Whether the stored descriptor bytes describe a database (rather than a table or view). */
  static boolean isDatabase(byte[] bytes) {
    return bytes.length > 0 && bytes[0] == KIND_DATABASE;
  }

  static DatabaseDescriptor decodeDatabase(byte[] bytes) {
    try (DataInputStream in = open(bytes, KIND_DATABASE)) {
      return new DatabaseDescriptor(in.readInt(), readString(in));
    } catch (IOException e) {
      throw corrupt(e);
    }
  }

  static TableDescriptor decodeTable(byte[] bytes) {
    try (DataInputStream in = open(bytes, KIND_TABLE)) {
      int id = in.readInt();
      int databaseId = in.readInt();
      String name = readString(in);
      int nColumns = in.readInt();
      List<ColumnDescriptor> columns = new ArrayList<>(nColumns);
      for (int i = 0; i < nColumns; i++) {
        int columnId = in.readInt();
        String columnName = readString(in);
        SqlType.Kind kind = SqlType.Kind.valueOf(readString(in));
        SqlType type = new SqlType(kind, in.readInt(), in.readInt());
        boolean nullable = in.readBoolean();
        String defaultExpr = readOptional(in);
        boolean hidden = in.readBoolean();
        columns.add(new ColumnDescriptor(columnId, columnName, type, nullable, defaultExpr, hidden));
      }
      IndexDescriptor primary = readIndex(in);
      int nSecondary = in.readInt();
      List<IndexDescriptor> secondary = new ArrayList<>(nSecondary);
      for (int i = 0; i < nSecondary; i++) {
        secondary.add(readIndex(in));
      }
      String viewSql = readOptional(in);
      long version = in.readLong();
      int nextColumnId = in.readInt();
      int nextIndexId = in.readInt();
      return new TableDescriptor(id, databaseId, name, columns, primary, secondary, viewSql, version,
          nextColumnId, nextIndexId);
    } catch (IOException | IllegalArgumentException e) {
      throw corrupt(e);
    }
  }

  private static void writeIndex(DataOutputStream out, IndexDescriptor i) throws IOException {
    out.writeInt(i.id());
    writeString(out, i.name());
    out.writeBoolean(i.unique());
    out.writeInt(i.columnIds().size());
    for (int k = 0; k < i.columnIds().size(); k++) {
      out.writeInt(i.columnIds().get(k));
      out.writeBoolean(i.descending().get(k));
    }
  }

  private static IndexDescriptor readIndex(DataInputStream in) throws IOException {
    int id = in.readInt();
    String name = readString(in);
    boolean unique = in.readBoolean();
    int n = in.readInt();
    List<Integer> columnIds = new ArrayList<>(n);
    List<Boolean> descending = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      columnIds.add(in.readInt());
      descending.add(in.readBoolean());
    }
    return new IndexDescriptor(id, name, unique, columnIds, descending);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("bad string length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static void writeOptional(DataOutputStream out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      writeString(out, s);
    }
  }

  private static String readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? readString(in) : null;
  }

  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] write(byte kind, Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(kind);
      out.writeByte(FORMAT_VERSION);
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static DataInputStream open(byte[] bytes, byte kind) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    byte actualKind = in.readByte();
    byte version = in.readByte();
    if (actualKind != kind) {
      throw new IOException("descriptor kind " + (char) actualKind + ", expected " + (char) kind);
    }
    if (version < 1 || version > FORMAT_VERSION) {
      throw new IOException("descriptor format version " + version + " is not supported");
    }
    return in;
  }

  private static SqlError corrupt(Exception e) {
    return new SqlError(SqlState.DATA_CORRUPTED, "corrupt catalog descriptor: " + e.getMessage(), e);
  }
}
