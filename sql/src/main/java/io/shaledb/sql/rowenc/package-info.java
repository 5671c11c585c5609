/**
 * Row and index storage of SQL tables: how rows become KVs, and the constraint checks and index
 * maintenance of every write.
 *
 * <h2>Key layout</h2>
 * <pre>
 * 0x04 ...                                   /System (catalog; see io.shaledb.sql.catalog)
 * 0x88 &lt;tableId&gt; &lt;indexId&gt; &lt;key columns&gt;   /Table/t/i/...  (ids via OrderedEncoder.writeLong ASC)
 *
 * primary index (id 1):  /Table/t/1/&lt;pk cols&gt;                 -&gt; non-pk columns (ValueCodec)
 * unique secondary:      /Table/t/i/&lt;idx cols&gt;                -&gt; pk suffix
 *   ... any idx col NULL: /Table/t/i/&lt;idx cols&gt;&lt;pk cols&gt;       -&gt; pk suffix   (NULLs never conflict)
 * non-unique secondary:  /Table/t/i/&lt;idx cols&gt;&lt;pk cols&gt;       -&gt; pk suffix
 * </pre>
 * Key columns use the order-preserving {@code io.shaledb.kv.encoding.OrderedEncoder} with each
 * column's direction; the "pk suffix" is the primary key columns encoded exactly as they follow
 * the primary-index prefix, so {@code indexPrefix(t, primary) + pkSuffix} is the row's key. The
 * value of a primary KV starts with a format version byte and holds the non-key columns tagged by
 * column id, NULLs omitted (see {@code ValueCodec}), so dropping a column needs no rewrite. Key
 * encodings make numerically equal values equal (1.5 = 1.50, -0.0 = 0.0); an unconstrained
 * DECIMAL key column is therefore also kept in the value, to return its exact scale.
 *
 * <h2>Errors</h2>
 * {@code SqlError} with 23502 (NOT NULL), 23505 (duplicate primary or unique key; the detail is
 * PostgreSQL's {@code Key (a)=(1) already exists.}), 54000 (key too large for the KV layer),
 * and the conversion errors of {@code RowStore.coerce} (22001, 22003, 22007, 22008, 22P02, 42804).
 *
 * <h2>Scans</h2>
 * {@link io.shaledb.sql.rowenc.IndexBounds} (an equality prefix and a range on the next column,
 * in SQL order) becomes one key span; bounds are converted to the column type first and the span
 * may be wider than asked (never narrower), so callers re-apply their filter. Cursors read in
 * batches through {@code KvTxn.scan}.
 *
 * <h2>Guarantees and threading</h2>
 * Every read and write goes through the caller's transaction, so a statement sees its own
 * writes and uniqueness holds across rows of one statement. A failed write may leave part of its
 * work in the transaction; the caller rolls the statement back. {@link
 * io.shaledb.sql.rowenc.RowStore} is stateless and thread-safe; cursors are single-threaded.
 */
package io.shaledb.sql.rowenc;
