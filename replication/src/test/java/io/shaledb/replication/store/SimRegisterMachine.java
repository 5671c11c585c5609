package io.shaledb.replication.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The state machine of {@link MultiRaftSimulation}: one {@code Long} register per range. A
 * command is the text {@code "<op> <value>"} (a unique operation id and the value written); the
 * result of applying it is the log index it was applied at (8 bytes), so the proposer learns
 * where its write landed. Records every applied (index, op) pair so replicas can be compared.
 * Deterministic. Called by the store's worker only, and read by the simulation's thread between
 * passes (the simulation runs everything on one thread).
 */
final class SimRegisterMachine implements ReplicaStateMachine {
    /** One applied command. */
    record Applied(long index, int op, long value) {
    }

    private final List<Applied> applied = new ArrayList<>();
    private Long value;
    private long appliedIndex;

    static byte[] command(int op, long value) {
        return (op + " " + value).getBytes(StandardCharsets.UTF_8);
    }

    static long indexOf(byte[] result) {
        return ByteBuffer.wrap(result).getLong();
    }

    @Override
    public byte[] apply(long index, byte[] command) {
        if (index <= appliedIndex) {
            throw new IllegalStateException("apply " + index + " after " + appliedIndex);
        }
        String[] f = new String(command, StandardCharsets.UTF_8).split(" ");
        int op = Integer.parseInt(f[0]);
        long v = Long.parseLong(f[1]);
        value = v;
        appliedIndex = index;
        applied.add(new Applied(index, op, v));
        return ByteBuffer.allocate(Long.BYTES).putLong(index).array();
    }

    @Override
    public long appliedIndex() {
        return appliedIndex;
    }

    /** The register's value, {@code null} if never written. */
    Long value() {
        return value;
    }

    List<Applied> applied() {
        return List.copyOf(applied);
    }

    @Override
    public byte[] snapshot() {
        StringBuilder sb = new StringBuilder();
        sb.append(appliedIndex).append(' ').append(value == null ? "-" : value.toString());
        for (Applied a : applied) {
            sb.append(' ').append(a.index()).append(':').append(a.op()).append(':').append(a.value());
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void restore(byte[] snapshot) {
        String[] f = new String(snapshot, StandardCharsets.UTF_8).split(" ");
        appliedIndex = Long.parseLong(f[0]);
        value = f[1].equals("-") ? null : Long.valueOf(f[1]);
        applied.clear();
        for (int i = 2; i < f.length; i++) {
            String[] p = f[i].split(":");
            applied.add(new Applied(Long.parseLong(p[0]), Integer.parseInt(p[1]), Long.parseLong(p[2])));
        }
    }
}
