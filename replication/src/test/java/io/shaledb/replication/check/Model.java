package io.shaledb.replication.check;

/**
 * A sequential specification: the object every key of a history should behave like, one
 * operation at a time.
 *
 * <p>States must be immutable values with {@code equals}/{@code hashCode}: the checker memoizes
 * (linearized set, state) pairs.
 *
 * @param <S> the state type
 */
public interface Model<S> {
    /** The state of a key nothing has been done to. */
    S initial();

    /**
     * Applies {@code op} to {@code state}.
     *
     * @return the next state, or {@code null} if {@code op} cannot happen in {@code state}: for
     * an {@link Outcome#OK} operation, when its recorded output differs from the one the
     * specification gives; an {@link Outcome#UNKNOWN} operation (output unknown) always can
     */
    S step(S state, Operation op);

    /**
     * True if the model only ever compares the values of operations for equality (a register;
     * not a counter). The checker then gives every update with an unknown outcome whose value
     * no operation observes one shared value, which makes such updates interchangeable and the
     * search much smaller without changing the answer.
     */
    default boolean valuesAreOpaque() {
        return false;
    }

    /** Renders a state for counterexamples. */
    default String describe(S state) {
        return String.valueOf(state);
    }
}
