package io.shaledb.replication.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test state machine: each command is an 8-byte amount added to a running total; the result
 * is the new total. Records the commands applied since creation or the last restore, and flags
 * concurrent {@code apply} calls.
 */
final class CounterStateMachine implements ReplicaStateMachine {
    /** Concurrent applies seen by any instance (must stay 0). */
    static final AtomicInteger CONCURRENT_APPLIES = new AtomicInteger();

    private final AtomicBoolean applying = new AtomicBoolean();
    private final List<Long> amounts = new ArrayList<>();
    private long total;
    private long applied;
    private int restores;

    static byte[] add(long amount) {
        return ByteBuffer.allocate(Long.BYTES).putLong(amount).array();
    }

    static long decode(byte[] result) {
        return ByteBuffer.wrap(result).getLong();
    }

    @Override
    public byte[] apply(long index, byte[] command) {
        if (!applying.compareAndSet(false, true)) {
            CONCURRENT_APPLIES.incrementAndGet();
        }
        try {
            synchronized (this) {
                if (index <= applied) {
                    throw new IllegalStateException("apply " + index + " after " + applied);
                }
                long amount = decode(command);
                amounts.add(amount);
                total += amount;
                applied = index;
                return add(total);
            }
        } finally {
            applying.set(false);
        }
    }

    @Override
    public synchronized long appliedIndex() {
        return applied;
    }

    synchronized long total() {
        return total;
    }

    synchronized List<Long> amounts() {
        return List.copyOf(amounts);
    }

    @Override
    public synchronized byte[] snapshot() {
        return ByteBuffer.allocate(16).putLong(applied).putLong(total).array();
    }

    @Override
    public synchronized void restore(byte[] snapshot) {
        ByteBuffer b = ByteBuffer.wrap(snapshot);
        applied = b.getLong();
        total = b.getLong();
        amounts.clear();
        restores++;
    }

    /** Times {@link #restore} was called on this instance. */
    synchronized int restores() {
        return restores;
    }
}
