/**
 * The SQL catalog: databases, tables, columns, indexes and views, stored as descriptors in KV
 * under {@code /System} so that every node sees the same schema and schema changes are
 * transactional. Descriptor records are immutable values; a schema change writes a new
 * descriptor with a higher {@code version}.
 *
 * <h2>Key layout</h2>
 * Every key starts with the {@code /System} marker byte of {@link io.shaledb.sql.rowenc.SqlKeys};
 * the numbers after it are written with {@code OrderedEncoder.writeLong} ascending, names with
 * {@code writeString}:
 * <pre>
 * /System/1                         -&gt; next descriptor id (8-byte big-endian)
 * /System/2/0/&lt;database name&gt;       -&gt; database id (4-byte big-endian)
 * /System/2/&lt;databaseId&gt;/&lt;name&gt;    -&gt; table or view id (4-byte big-endian)
 * /System/3/&lt;id&gt;                    -&gt; database or table descriptor ({@code DescriptorCodec})
 * /System/4/&lt;databaseId&gt;/&lt;index&gt;   -&gt; id of the table that has the index (4-byte big-endian)
 * /System/5                         -&gt; catalog layout version (4-byte big-endian; absent = 1)
 * </pre>
 * Databases and tables share one id space, handed out by the counter from
 * {@link io.shaledb.sql.catalog.Catalog#FIRST_USER_ID}; the reserved "system" database has id 1.
 * Table, view and index names share one namespace per database (as PostgreSQL relations do):
 * a name is taken when it has an entry under {@code /System/2/<databaseId>} or
 * {@code /System/4/<databaseId>}, so every DDL name check is two point reads, however many
 * relations the database has had (dropped names leave MVCC versions that a scan would step over).
 * Stores written before layout 2 get their index-name entries once, at the next bootstrap.
 *
 * <h2>Guarantees and threading</h2>
 * {@link io.shaledb.sql.catalog.Catalog} reads and writes only through the caller's
 * transaction and caches nothing, so a DDL statement commits or rolls back with its transaction
 * and concurrent DDL conflicts like any other write (the id counter and descriptors are
 * ordinary keys). It is thread-safe; a transaction is used by one thread at a time. Table rows
 * are deleted and indexes backfilled through {@link io.shaledb.sql.rowenc.RowStore}.
 */
package io.shaledb.sql.catalog;
