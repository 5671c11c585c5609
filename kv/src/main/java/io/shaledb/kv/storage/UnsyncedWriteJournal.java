package io.shaledb.kv.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Test-only power-failure model of an {@link Engine}: remembers how to undo every write made
 * since the last synced one, so that a simulation can lose them the way a machine losing power
 * loses the unsynced tail of RocksDB's write-ahead log. Only engines opened with {@link
 * Engine#openJournaled} have one; other engines pay nothing.
 *
 * <p><b>Model.</b> The WAL is sequential: a write requested with {@code sync=true} makes itself
 * and every earlier write durable — whatever {@link EngineOptions#syncWrites()} says, since
 * simulations open engines unsynced for speed and the requested flag is what the code under test
 * promises. Writes after the last synced one are <em>unsynced</em>. A power failure keeps a
 * prefix of them (whole batches: a batch is atomic) and loses the rest: {@link
 * #loseUnsyncedWrites(int)} rolls the engine back to exactly the state after the kept prefix.
 * For each unsynced batch the journal records, before applying it, the previous value (or
 * absence) of every key it touches: its puts' and deletes' keys and every key present in its
 * range deletes' ranges. A synced write forgets all records.
 *
 * <p><b>Faults.</b> A journal may be told to treat synced writes that touch some column families
 * as unsynced ({@link Engine#openJournaled(java.nio.file.Path, EngineOptions, Set)}): a negative
 * control for code that must sync, like a disk that acknowledges fsyncs it never did.
 *
 * <p>Thread-safe: journaled writes are serialized by this object (reading the old values and
 * applying the batch happen as one step), which is fine for tests and a reason never to use it in
 * production.
 */
public final class UnsyncedWriteJournal {
  /** A key's value before the first unsynced batch that touched it; {@code value} null if absent. */
  private record Prior(ColumnFamily cf, byte[] key, byte[] value) {
  }

  /** A key of a column family, compared by content. */
  private record CfKey(ColumnFamily cf, ByteBuffer key) {
    static CfKey of(ColumnFamily cf, byte[] key) {
      return new CfKey(cf, ByteBuffer.wrap(key));
    }
  }

  private final Engine engine;
  private final Set<ColumnFamily> neverSynced;
  /** Unsynced batches, oldest first: the prior value of each key each of them touched. */
  private final List<List<Prior>> unsynced = new ArrayList<>();
  /** Each key touched since the last synced write: its value as of that write (null if absent). */
  private final Map<CfKey, Prior> durable = new HashMap<>();
  private long syncedWrites;
  private long unsyncedWrites;
  private long lostBatches;

  UnsyncedWriteJournal(Engine engine, Set<ColumnFamily> neverSynced) {
    this.engine = engine;
    this.neverSynced = neverSynced.isEmpty()
        ? EnumSet.noneOf(ColumnFamily.class) : EnumSet.copyOf(neverSynced);
  }

  /** Applies {@code batch} through the engine, journaling it unless it is a synced write. */
  synchronized void write(EngineBatch batch, boolean sync) {
    List<EngineBatch.Op> ops = batch.journaledOps();
    boolean synced = sync && ops.stream().noneMatch(op -> neverSynced.contains(op.cf()));
    if (synced) {
      engine.applyWrite(batch, true);
      unsynced.clear();
      durable.clear();
      syncedWrites++;
      return;
    }
    Map<CfKey, Prior> priors = new LinkedHashMap<>();
    for (EngineBatch.Op op : ops) {
      if (op.end() == null) {
        priors.computeIfAbsent(CfKey.of(op.cf(), op.key()),
            k -> new Prior(op.cf(), op.key().clone(), engine.get(op.cf(), op.key())));
      } else {
        try (EngineIterator it = engine.newIterator(op.cf(), op.key(), op.end())) {
          for (it.seekToFirst(); it.valid(); it.next()) {
            byte[] k = it.key();
            priors.computeIfAbsent(CfKey.of(op.cf(), k), x -> new Prior(op.cf(), k, it.value()));
          }
        }
      }
    }
    engine.applyWrite(batch, false);
    unsynced.add(List.copyOf(priors.values()));
    priors.forEach(durable::putIfAbsent);
    unsyncedWrites++;
  }

  /** Batches written since the last synced write (what a power failure now could lose). */
  public synchronized int unsyncedBatches() {
    return unsynced.size();
  }

  /** Synced writes so far (those treated as unsynced by a fault not counted). */
  public synchronized long syncedWrites() {
    return syncedWrites;
  }

  /** Unsynced writes journaled so far. */
  public synchronized long unsyncedWrites() {
    return unsyncedWrites;
  }

  /** Unsynced batches lost by {@link #loseUnsyncedWrites} so far. */
  public synchronized long lostBatches() {
    return lostBatches;
  }

  /**
   * The value of {@code key} in {@code cf} that a power failure now would certainly keep: its
   * value as of the last synced write if an unsynced batch touched it since, else its current
   * value. {@code null} if absent.
   */
  public synchronized byte[] durableGet(ColumnFamily cf, byte[] key) {
    Prior p = durable.get(CfKey.of(cf, key));
    if (p == null) {
      return engine.get(cf, key);
    }
    return p.value() == null ? null : p.value().clone();
  }

  /**
   * Simulates a power failure that keeps the first {@code keep} unsynced batches and loses the
   * rest: undoes the lost ones, newest first, with one write. The engine stays open (the caller
   * may inspect what survived, then closes it) and everything it now holds counts as durable.
   * Open snapshots keep their view; open iterators keep working.
   *
   * @return how many batches were lost
   * @throws IllegalArgumentException if {@code keep} is negative or above {@link #unsyncedBatches()}
   */
  public synchronized int loseUnsyncedWrites(int keep) {
    if (keep < 0 || keep > unsynced.size()) {
      throw new IllegalArgumentException("keep " + keep + " of " + unsynced.size() + " unsynced batches");
    }
    int lost = unsynced.size() - keep;
    if (lost > 0) {
      try (EngineBatch undo = new EngineBatch(engine, false)) {
        // Later operations of a batch win: the oldest lost batch's prior values are written last.
        for (int i = unsynced.size() - 1; i >= keep; i--) {
          for (Prior p : unsynced.get(i)) {
            if (p.value() == null) {
              undo.delete(p.cf(), p.key());
            } else {
              undo.put(p.cf(), p.key(), p.value());
            }
          }
        }
        if (!undo.isEmpty()) {
          engine.applyWrite(undo, false);
        }
      }
    }
    unsynced.clear();
    durable.clear();
    lostBatches += lost;
    return lost;
  }

  /**
   * A power failure keeping a random prefix (uniform over 0..all) of the unsynced batches, then
   * {@link Engine#close()}.
   *
   * @return how many batches were lost
   */
  public synchronized int powerFailure(RandomGenerator random) {
    int lost = loseUnsyncedWrites(random.nextInt(unsynced.size() + 1));
    engine.close(); // under the lock: no journaled write slips in between
    return lost;
  }
}
