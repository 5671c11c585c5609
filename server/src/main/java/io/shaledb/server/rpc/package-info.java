/**
 * The client-facing gRPC service ({@code SqlService.Session}, defined in the JDBC driver's
 * {@code shale_client.proto}): one bidirectional stream per client connection, owning one SQL
 * session.
 *
 * <pre>
 *   gRPC transport thread          SerialExecutor (per stream)      where the SQL runs
 *   onNext / onReady / onCancel --> run now, or queue behind the --> the transport thread itself,
 *                                   stream's running task            if the stream has it alone;
 *                                                                    else the shared worker pool
 * </pre>
 *
 * <p>{@link io.shaledb.server.rpc.SessionLoops} gives every connection a transport thread of its
 * own while there are no more connections than threads, so a statement normally runs where its
 * request arrived and its answer is written from there: no hand-off to a worker and back, which
 * on two cores cost more than planning and running a short query. A thread that serves several
 * connections runs no statements, so one connection's statement never holds up another's I/O.
 *
 * <p>Guarantees: requests of one stream run one at a time, in arrival order; every request is
 * answered, the last answer message being {@code Complete} or {@code Error}; SQL errors, internal
 * errors and protocol violations (08P01) are reported on the stream without ending it (except a
 * failed handshake, after which the stream is completed); a stream that ends for any reason
 * closes its session once its running statement returns. Value conversion between Java and wire
 * types lives only in {@link io.shaledb.server.rpc.ValueCodec}.
 */
package io.shaledb.server.rpc;
