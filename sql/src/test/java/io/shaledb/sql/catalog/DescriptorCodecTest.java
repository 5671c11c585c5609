package io.shaledb.sql.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.SqlType.Kind;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DescriptorCodecTest {

  @Provide
  Arbitrary<TableDescriptor> tables() {
    Arbitrary<String> names = Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> optional = names.injectNull(0.5);
    Arbitrary<ColumnDescriptor> columns = net.jqwik.api.Combinators.combine(
        Arbitraries.integers().between(1, 1000), names, Arbitraries.of(Kind.values()),
        Arbitraries.integers().between(0, 38), Arbitraries.integers().between(0, 10),
        Arbitraries.of(true, false), optional, Arbitraries.of(true, false))
        .as((id, name, kind, p, s, nullable, def, hidden) -> new ColumnDescriptor(id, name, new SqlType(kind, p, s), nullable, def, hidden));
    Arbitrary<IndexDescriptor> indexes = net.jqwik.api.Combinators.combine(
        Arbitraries.integers().between(1, 50), names, Arbitraries.of(true, false),
        Arbitraries.integers().between(1, 9).list().ofMaxSize(4))
        .as((id, name, unique, cols) -> {
          List<Boolean> desc = new ArrayList<>();
          cols.forEach(c -> desc.add(c % 2 == 0));
          return new IndexDescriptor(id, name, unique, cols, desc);
        });
    return net.jqwik.api.Combinators.combine(
        Arbitraries.integers().between(100, Integer.MAX_VALUE), names, columns.list().ofMaxSize(5),
        indexes, indexes.list().ofMaxSize(3), optional, Arbitraries.longs().between(1, Long.MAX_VALUE))
        .as((id, name, cols, pk, secondary, view, version) ->
            new TableDescriptor(id, 100, name, cols, pk, secondary, view, version, 99, 12));
  }

  @Property(tries = 60)
  void tableDescriptorsRoundTrip(@ForAll("tables") TableDescriptor t) {
    byte[] bytes = DescriptorCodec.encodeTable(t);
    assertFalse(DescriptorCodec.isDatabase(bytes));
    assertEquals(t, DescriptorCodec.decodeTable(bytes));
  }

  @Test
  void databaseDescriptorsRoundTrip() {
    DatabaseDescriptor db = new DatabaseDescriptor(123, "shop");
    byte[] bytes = DescriptorCodec.encodeDatabase(db);
    assertTrue(DescriptorCodec.isDatabase(bytes));
    assertEquals(db, DescriptorCodec.decodeDatabase(bytes));
  }

  @Test
  void unknownFormatVersionIsRejected() {
    byte[] bytes = DescriptorCodec.encodeDatabase(new DatabaseDescriptor(1, "x"));
    bytes[1] = 9;
    assertEquals(SqlState.DATA_CORRUPTED, assertThrows(SqlError.class, () -> DescriptorCodec.decodeDatabase(bytes)).state());
  }

  @Test
  void trailingFieldsOfALaterMinorFormatAreIgnored() {
    TableDescriptor t = new TableDescriptor(100, 1, "t",
        List.of(new ColumnDescriptor(1, "a", SqlType.of(Kind.INTEGER), false, null, false)),
        new IndexDescriptor(1, "t_pkey", true, List.of(1), List.of(false)), List.of(), null, 3, 2, 2);
    byte[] bytes = DescriptorCodec.encodeTable(t);
    byte[] extended = java.util.Arrays.copyOf(bytes, bytes.length + 5);
    assertEquals(t, DescriptorCodec.decodeTable(extended));
  }

  @Test
  void longViewTextRoundTrips() {
    String sql = "SELECT " + "x, ".repeat(40_000) + "1";
    TableDescriptor v = new TableDescriptor(100, 1, "v", List.of(), new IndexDescriptor(1, "v_pkey", true, List.of(), List.of()),
        List.of(), sql, 1, 1, 2);
    assertEquals(v, DescriptorCodec.decodeTable(DescriptorCodec.encodeTable(v)));
  }
}
