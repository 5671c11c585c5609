package io.shaledb.replication.check;

/** How an operation ended, as far as its client could tell. */
public enum Outcome {
    /** The client received a response; the output is known and the operation took effect once. */
    OK,
    /**
     * The client was told the operation definitely did not take effect (e.g. the proposal was
     * rejected before anything was appended). The checker ignores it.
     */
    FAILED,
    /**
     * The client gave up waiting (timeout, crash of the member it asked, lost proposal). The
     * operation may or may not have taken effect, at any moment after its invocation: the
     * checker treats it as completing at +infinity with an unknown output.
     */
    UNKNOWN
}
