package io.shaledb.kv.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
  private static final EngineOptions OPTS = EngineOptions.defaults().withSyncWrites(false);

  @TempDir Path dir;
  private Engine engine;

  @BeforeEach
  void open() {
    engine = Engine.open(dir.resolve("store"), OPTS);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private static String s(byte[] b) {
    return b == null ? null : new String(b, UTF_8);
  }

  private void put(ColumnFamily cf, String... kvs) {
    try (EngineBatch batch = engine.newBatch()) {
      for (int i = 0; i < kvs.length; i += 2) {
        batch.put(cf, b(kvs[i]), b(kvs[i + 1]));
      }
      engine.write(batch, false);
    }
  }

  private static List<String> keysForward(EngineIterator it, byte[] seek) {
    List<String> out = new ArrayList<>();
    for (it.seek(seek); it.valid(); it.next()) {
      out.add(s(it.key()));
    }
    return out;
  }

  @Test
  void batchAppliesAllOperationsAtomicallyAcrossColumnFamilies() {
    put(ColumnFamily.MVCC, "a", "1", "b", "2", "c", "3");
    try (EngineBatch batch = engine.newBatch()) {
      batch.put(ColumnFamily.MVCC, b("d"), b("4"))
          .delete(ColumnFamily.MVCC, b("a"))
          .deleteRange(ColumnFamily.MVCC, b("b"), b("c"))
          .put(ColumnFamily.RAFT, b("d"), b("raft"));
      assertEquals(4, batch.count());
      assertNull(engine.get(ColumnFamily.MVCC, b("d")), "nothing visible before write");
      engine.write(batch, true);
    }
    assertNull(engine.get(ColumnFamily.MVCC, b("a")));
    assertNull(engine.get(ColumnFamily.MVCC, b("b")));
    assertEquals("3", s(engine.get(ColumnFamily.MVCC, b("c"))));
    assertEquals("4", s(engine.get(ColumnFamily.MVCC, b("d"))));
    assertEquals("raft", s(engine.get(ColumnFamily.RAFT, b("d"))));
    assertNull(engine.get(ColumnFamily.LOCKS, b("d")), "column families are separate");
  }

  @Test
  void closedBatchCannotBeUsed() {
    EngineBatch batch = engine.newBatch();
    batch.close();
    batch.close();
    assertThrows(IllegalStateException.class, () -> batch.put(ColumnFamily.MVCC, b("a"), b("1")));
    assertThrows(IllegalStateException.class, () -> engine.write(batch, false));
  }

  @Test
  void dataSurvivesReopen() {
    put(ColumnFamily.MVCC, "k", "v");
    put(ColumnFamily.LOCAL, "store-id", "7");
    engine.close();
    engine.close(); // idempotent
    assertThrows(StorageException.class, () -> engine.get(ColumnFamily.MVCC, b("k")));
    engine = Engine.open(dir.resolve("store"), OPTS);
    assertEquals("v", s(engine.get(ColumnFamily.MVCC, b("k"))));
    assertEquals("7", s(engine.get(ColumnFamily.LOCAL, b("store-id"))));
    assertEquals(dir.resolve("store"), engine.directory());
  }

  @Test
  void secondOpenOfALiveStoreFailsWithStorageException() {
    StorageException e = assertThrows(StorageException.class,
        () -> Engine.open(dir.resolve("store"), OPTS));
    assertFalse(e.noSpace());
  }

  @Test
  void iteratorsHonourBoundsInBothDirections() {
    put(ColumnFamily.MVCC, "a", "1", "b", "2", "c", "3", "d", "4", "e", "5");
    try (EngineIterator it = engine.newIterator(ColumnFamily.MVCC, b("b"), b("e"))) {
      assertEquals(List.of("b", "c", "d"), keysForward(it, b("a")));
      it.seekToFirst();
      assertEquals("b", s(it.key()));
      assertEquals("2", s(it.value()));
      it.seekToLast();
      assertEquals("d", s(it.key()));
      List<String> back = new ArrayList<>();
      for (it.seekForPrev(b("z")); it.valid(); it.prev()) {
        back.add(s(it.key()));
      }
      assertEquals(List.of("d", "c", "b"), back);
      it.seekForPrev(b("c0"));
      assertEquals("c", s(it.key()));
      it.seek(b("e"));
      assertFalse(it.valid(), "upper bound is exclusive");
    }
    try (EngineIterator it = engine.newIterator(ColumnFamily.MVCC, null, null)) {
      assertEquals(List.of("a", "b", "c", "d", "e"), keysForward(it, new byte[0]));
    }
  }

  @Test
  void iteratorUsesUnsignedByteOrder() {
    try (EngineBatch batch = engine.newBatch()) {
      batch.put(ColumnFamily.MVCC, new byte[] {(byte) 0x80}, b("hi"));
      batch.put(ColumnFamily.MVCC, new byte[] {0x01}, b("lo"));
      batch.put(ColumnFamily.MVCC, new byte[] {0x01, 0x00}, b("lo0"));
      engine.write(batch, false);
    }
    try (EngineIterator it = engine.newIterator(ColumnFamily.MVCC, null, null)) {
      it.seekToFirst();
      assertArrayEquals(new byte[] {0x01}, it.key());
      it.next();
      assertArrayEquals(new byte[] {0x01, 0x00}, it.key());
      it.next();
      assertArrayEquals(new byte[] {(byte) 0x80}, it.key());
    }
  }

  @Test
  void snapshotIsIsolatedFromLaterWrites() {
    put(ColumnFamily.MVCC, "a", "old", "b", "old");
    try (EngineSnapshot snap = engine.snapshot()) {
      put(ColumnFamily.MVCC, "a", "new", "c", "new");
      try (EngineBatch del = engine.newBatch()) {
        engine.write(del.delete(ColumnFamily.MVCC, b("b")), false);
      }
      assertEquals("old", s(snap.get(ColumnFamily.MVCC, b("a"))));
      assertEquals("old", s(snap.get(ColumnFamily.MVCC, b("b"))));
      assertNull(snap.get(ColumnFamily.MVCC, b("c")));
      try (EngineIterator it = snap.newIterator(ColumnFamily.MVCC, null, null)) {
        assertEquals(List.of("a", "b"), keysForward(it, b("a")));
      }
      assertEquals("new", s(engine.get(ColumnFamily.MVCC, b("a"))));
    }
  }

  @Test
  void closingSnapshotClosesItsIteratorsAndRejectsUse() {
    put(ColumnFamily.MVCC, "a", "1");
    EngineSnapshot snap = engine.snapshot();
    EngineIterator it = snap.newIterator(ColumnFamily.MVCC, null, null);
    snap.close();
    snap.close();
    assertThrows(IllegalStateException.class, it::seekToFirst);
    assertThrows(IllegalStateException.class, () -> snap.get(ColumnFamily.MVCC, b("a")));
  }

  @Test
  void closingEngineReleasesLeftoverResourcesAndAllowsReopen() {
    put(ColumnFamily.MVCC, "a", "1");
    EngineIterator it = engine.newIterator(ColumnFamily.MVCC, null, null);
    it.seekToFirst();
    EngineSnapshot snap = engine.snapshot();
    EngineIterator snapIt = snap.newIterator(ColumnFamily.MVCC, null, null);
    engine.close();
    assertThrows(StorageException.class, it::seekToFirst, "engine closed");
    assertThrows(StorageException.class, snapIt::seekToFirst);
    it.close();
    snap.close();
    assertThrows(StorageException.class, engine::newBatch);
    try (Engine again = Engine.open(dir.resolve("store"), OPTS)) {
      assertEquals("1", s(again.get(ColumnFamily.MVCC, b("a"))));
    }
  }

  @Test
  void manyOpenCloseCyclesInOneDirectory() {
    engine.close();
    for (int i = 0; i < 5; i++) {
      try (Engine e = Engine.open(dir.resolve("store"), OPTS); EngineBatch batch = e.newBatch()) {
        e.write(batch.put(ColumnFamily.MVCC, b("n" + i), b("v")), true);
      }
    }
    engine = Engine.open(dir.resolve("store"), OPTS);
    try (EngineIterator it = engine.newIterator(ColumnFamily.MVCC, null, null)) {
      assertEquals(List.of("n0", "n1", "n2", "n3", "n4"), keysForward(it, new byte[0]));
    }
  }

  @Test
  void noSpaceIsATypedSubclass() {
    assertTrue(new NoSpaceException("disk full", null).noSpace());
    assertTrue(new NoSpaceException("x", null) instanceof StorageException);
  }
}
