/**
 * The {@code shale} command line (picocli): {@code demo} (a temporary node with the shell
 * attached), {@code start} (a persistent node in the foreground), {@code sql} (the shell against a
 * running node) and {@code version}. Node settings appear as options generated from
 * {@link io.shaledb.server.ServerSetting}, so their names, defaults and help have one source.
 *
 * <p>Everything a command touches outside the JVM (streams, terminal detection, shutdown hooks,
 * the SQL layer to start) comes in through {@link io.shaledb.server.cli.CliContext}, so tests run
 * commands in-process. Exit codes: 0 success, 1 a failed statement or node error, 2 bad usage
 * (143 when stopped by SIGTERM). Main class: {@link io.shaledb.server.cli.ShaleMain}.
 */
package io.shaledb.server.cli;
