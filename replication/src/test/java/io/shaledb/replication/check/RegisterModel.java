package io.shaledb.replication.check;

import java.util.Objects;

/**
 * A read/write/compare-and-set register holding a nullable {@code Long} ({@code null}: never
 * written).
 */
public final class RegisterModel implements Model<RegisterModel.Value> {
    /** The register's content; {@code value == null} means nothing was written. */
    public record Value(Long value) {
    }

    private static final Value EMPTY = new Value(null);

    @Override
    public Value initial() {
        return EMPTY;
    }

    @Override
    public Value step(Value state, Operation op) {
        boolean known = op.outcome() == Outcome.OK;
        return switch (op.kind()) {
            case READ -> !known || Objects.equals(op.output(), state.value()) ? state : null;
            case WRITE -> new Value(op.value());
            case CAS -> {
                boolean swaps = Objects.equals(op.expected(), state.value());
                if (known && op.output() != null && (op.output() == 1) != swaps) {
                    yield null;
                }
                yield swaps ? new Value(op.value()) : state;
            }
            case ADD -> throw new IllegalArgumentException("a register has no ADD: " + op);
        };
    }

    @Override
    public boolean valuesAreOpaque() {
        return true;
    }

    @Override
    public String describe(Value state) {
        return String.valueOf(state.value());
    }
}
