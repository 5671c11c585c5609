/**
 * Client sessions: per-statement implicit transactions (begin, execute, commit; rollback on
 * error; retried up to ten times on TransactionRetryException, then 40001), session settings
 * (SET/SHOW/USE), prepared statements and batches. A session is used by one thread at a time.
 */
package io.shaledb.sql.session;
