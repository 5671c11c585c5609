package io.shaledb.replication.check;

/** A counter starting at 0: {@code ADD} adds its value, {@code READ} returns the sum. */
public final class CounterModel implements Model<Long> {
    @Override
    public Long initial() {
        return 0L;
    }

    @Override
    public Long step(Long state, Operation op) {
        return switch (op.kind()) {
            case ADD -> state + op.value();
            case READ -> op.outcome() != Outcome.OK || state.equals(op.output()) ? state : null;
            case WRITE, CAS -> throw new IllegalArgumentException("a counter has only ADD and READ: " + op);
        };
    }
}
