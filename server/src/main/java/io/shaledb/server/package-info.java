/**
 * The ShaleDB node process: its configuration ({@link io.shaledb.server.ServerSetting}, the one
 * registry of settings, and {@link io.shaledb.server.NodeConfig}) and the composition root
 * {@link io.shaledb.server.Node}, which opens the storage, transaction and SQL layers in a store
 * directory and serves them to clients over gRPC.
 *
 * <p>Guarantees: a started node listens only where it was configured to (127.0.0.1 by default);
 * {@code Node.close()} releases everything it opened, in reverse order, and leaves no non-daemon
 * thread behind. Nodes are thread-safe.
 */
package io.shaledb.server;
