/**
 * The interactive SQL shell: a JLine 3 line editor over any JDBC connection (normally
 * {@code jdbc:shale://}), with multi-line statements ending in {@code ;}, history, completion of
 * keywords and catalog names, psql-like backslash commands, and table/TSV/CSV output.
 *
 * <p>Pieces: {@link io.shaledb.shell.SqlScanner} splits input lexically;
 * {@link io.shaledb.shell.ResultText} and {@link io.shaledb.shell.TableRenderer} turn result sets
 * into text; {@link io.shaledb.shell.SqlCompleter} and {@link io.shaledb.shell.SchemaNames}
 * complete names; {@link io.shaledb.shell.Shell} ties them together. Depends only on JDBC, JLine
 * and the JDK, never on server code. Single-threaded.
 */
package io.shaledb.shell;
