package io.shaledb.replication.check;

/** What a client asked a register (or counter) to do. */
public enum OpKind {
    /** Returns the current value ({@code null} if nothing was written yet). */
    READ,
    /** Replaces the value unconditionally. */
    WRITE,
    /** Replaces the value if it equals the expected value; reports whether it did. */
    CAS,
    /** Adds a delta to a counter (the {@link CounterModel} only). */
    ADD
}
