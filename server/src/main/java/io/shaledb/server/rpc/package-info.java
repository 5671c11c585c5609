/**
 * The client-facing gRPC service ({@code SqlService.Session}, defined in the JDBC driver's
 * {@code shale_client.proto}): one bidirectional stream per client connection, owning one SQL
 * session.
 *
 * <pre>
 *   gRPC transport thread          SerialExecutor (per stream)      shared worker pool
 *   onNext / onReady / onCancel --> enqueue ---------------------->  SQL on Session, encode,
 *                                                                    send while isReady
 * </pre>
 *
 * <p>Guarantees: requests of one stream run one at a time, in arrival order, never on a transport
 * thread; every request is answered, the last answer message being {@code Complete} or
 * {@code Error}; SQL errors, internal errors and protocol violations (08P01) are reported on the
 * stream without ending it (except a failed handshake, after which the stream is completed);
 * a stream that ends for any reason closes its session once its running statement returns.
 * Value conversion between Java and wire types lives only in {@link
 * io.shaledb.server.rpc.ValueCodec}.
 */
package io.shaledb.server.rpc;
