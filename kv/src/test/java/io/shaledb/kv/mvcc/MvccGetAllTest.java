package io.shaledb.kv.mvcc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shaledb.kv.Timestamp;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.kv.storage.EngineOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Mvcc#getAll} (keys visited in key order, stepping between nearby keys before seeking)
 * answers exactly as {@link Mvcc#get} per key: keys in any order, repeated, missing, with newer
 * versions than the read, tombstones and zero bytes; {@link Mvcc#newestVersions} (one iterator for
 * a commit's write set) as {@link Mvcc#newestVersion} per key. Random but replayed from the seed.
 */
class MvccGetAllTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void getAllAnswersAsGetPerKey(long seed) {
    Random r = new Random(seed);
    try (Engine engine = Engine.open(dir.resolve("s" + seed), EngineOptions.defaults().withSyncWrites(false))) {
      int keySpace = writeHistory(engine, r);
      MvccReader reader = MvccReader.of(engine);
      for (int round = 0; round < 20; round++) {
        Timestamp readTs = new Timestamp(r.nextInt(110), r.nextInt(3));
        List<byte[]> keys = new ArrayList<>();
        int n = 2 + r.nextInt(2 * keySpace);
        for (int i = 0; i < n; i++) {
          keys.add(key(r.nextInt(keySpace + 2)));
        }
        List<Optional<byte[]>> all = Mvcc.getAll(reader, keys, readTs);
        assertEquals(keys.size(), all.size());
        for (int i = 0; i < keys.size(); i++) {
          Optional<byte[]> one = Mvcc.get(reader, keys.get(i), readTs);
          assertEquals(one.map(List::of).map(l -> new String(l.get(0), java.nio.charset.StandardCharsets.ISO_8859_1)),
              all.get(i).map(v -> new String(v, java.nio.charset.StandardCharsets.ISO_8859_1)),
              "seed " + seed + " round " + round + " key #" + i);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void newestVersionsAnswerAsNewestVersionPerKey(long seed) {
    Random r = new Random(seed);
    try (Engine engine = Engine.open(dir.resolve("n" + seed), EngineOptions.defaults().withSyncWrites(false))) {
      int keySpace = writeHistory(engine, r);
      MvccReader reader = MvccReader.of(engine);
      for (int round = 0; round < 20; round++) {
        java.util.TreeSet<byte[]> keys = new java.util.TreeSet<>(java.util.Arrays::compareUnsigned);
        for (int i = 1 + r.nextInt(2 * keySpace); i > 0; i--) {
          keys.add(key(r.nextInt(keySpace + 2)));
        }
        List<Optional<Timestamp>> all = Mvcc.newestVersions(reader, keys);
        assertEquals(keys.size(), all.size());
        int i = 0;
        for (byte[] k : keys) {
          assertEquals(Mvcc.newestVersion(reader, k), all.get(i), "seed " + seed + " round " + round + " key #" + i);
          i++;
        }
      }
    }
  }

  /**
   * Writes random versions (some tombstones, some keys never written) of {@link #key}s 0..n-1.
   *
   * @return n, the size of the key space
   */
  private static int writeHistory(Engine engine, Random r) {
    int keySpace = 2 + r.nextInt(60);
    try (EngineBatch b = engine.newBatch()) {
      for (int k = 0; k < keySpace; k++) {
        if (r.nextInt(4) == 0) {
          continue; // never written
        }
        int versions = 1 + r.nextInt(r.nextBoolean() ? 2 : 8);
        for (int v = 0; v < versions; v++) {
          Timestamp ts = new Timestamp(1 + r.nextInt(100), r.nextInt(3));
          if (r.nextInt(5) == 0) {
            Mvcc.delete(b, key(k), ts);
          } else {
            Mvcc.put(b, key(k), ts, new byte[] {(byte) k, (byte) v});
          }
        }
      }
      engine.write(b, false);
    }
    return keySpace;
  }

  /** Keys with a zero byte among them, so some version prefixes are escaped. */
  private static byte[] key(int k) {
    return k % 7 == 3 ? new byte[] {(byte) 0x12, 0, (byte) k} : new byte[] {(byte) 0x12, (byte) (k + 1)};
  }
}
