/**
 * The transactional key-value seam between SQL and storage: {@link io.shaledb.txn.TxnFactory}
 * starts {@link io.shaledb.txn.KvTxn}s; {@link io.shaledb.txn.TransactionRetryException} (SQLSTATE
 * 40001) and {@link io.shaledb.txn.KvLimitException} (SQLSTATE 54000) are the typed failures the
 * SQL layer maps. Implementations live in subpackages ({@code local}: single node, one engine).
 */
package io.shaledb.txn;
