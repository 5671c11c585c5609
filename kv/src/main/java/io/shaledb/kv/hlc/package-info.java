/**
 * Hybrid logical clock (HLC).
 *
 * <p>{@link io.shaledb.kv.hlc.HybridClock} issues {@link io.shaledb.kv.Timestamp}s that are
 * strictly increasing on a node, close to physical time, and forwarded past any timestamp received
 * from another node ({@code update}), so causally related events are ordered across nodes. A
 * remote timestamp further ahead than the configured maximum clock offset is rejected with {@link
 * io.shaledb.kv.hlc.ClockOffsetException} rather than dragging the clock into the future.
 *
 * <p>Physical time comes from an injected {@link io.shaledb.kv.hlc.PhysicalClock}; tests pass a
 * manual clock. The clock is thread-safe.
 */
package io.shaledb.kv.hlc;
