package io.shaledb.txn;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * The transactional key-value interface the SQL layer reads and writes through.
 *
 * <p>Semantics every implementation guarantees:
 * <ul>
 *   <li>Reads see the state committed at {@link #readTimestamp()} plus this transaction's own
 *       writes (read-your-writes); never another transaction's uncommitted writes.
 *   <li>Writes are buffered or provisional until {@link #commit()}; commit makes all of them
 *       visible atomically or none of them.
 *   <li>A commit that cannot be serialized throws {@link TransactionRetryException}; the caller
 *       may run the whole transaction again in a new {@code KvTxn}.
 * </ul>
 *
 * <p>Keys are user keys (not MVCC-encoded); the empty key is invalid. A {@code KvTxn} is used by
 * one thread at a time and is finished by exactly one of {@link #commit()} or
 * {@link #rollback()}; {@link #close()} rolls back if neither happened.
 */
public interface KvTxn extends AutoCloseable {

  /** The MVCC timestamp this transaction reads at. */
  Timestamp readTimestamp();

  /** The value of {@code key}, or empty if absent or deleted. */
  Optional<byte[]> get(byte[] key);

  /**
   * The values of {@code keys}, in the same order, as {@link #get} would return each (an
   * implementation may read them through one storage iterator).
   */
  default List<Optional<byte[]>> getAll(List<byte[]> keys) {
    List<Optional<byte[]>> out = new java.util.ArrayList<>(keys.size());
    for (byte[] k : keys) {
      out.add(get(k));
    }
    return out;
  }

  /**
   * Key-value pairs with {@code startKey <= key < endKey} in key order ({@code reverse}: descending
   * order), at most {@code limit} of them ({@code limit <= 0}: no limit). To page through a large
   * span, call again starting after the last key returned (or, in reverse, ending at it).
   */
  List<KeyValue> scan(byte[] startKey, byte[] endKey, int limit, boolean reverse);

  /** Writes {@code value} at {@code key}, replacing any earlier value. */
  void put(byte[] key, byte[] value);

  /** Deletes {@code key}; deleting an absent key is not an error. */
  void delete(byte[] key);

  /** Whether this transaction has written anything yet. */
  boolean hasWrites();

  /**
   * Makes every write visible atomically.
   *
   * @throws TransactionRetryException if the transaction conflicted and must be retried
   * @throws IllegalStateException if the transaction is already finished
   */
  void commit();

  /** Discards every write. Idempotent. */
  void rollback();

  /** Rolls back unless already committed or rolled back. */
  @Override
  void close();
}
