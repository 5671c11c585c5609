/**
 * The SQL front end: a PostgreSQL-style tokenizer and a small statement parser for what Calcite's
 * grammar lacks (CREATE TABLE with column constraints, CREATE/DROP INDEX, DROP TABLE/VIEW lists,
 * SHOW, SET, USE, transaction control, EXPLAIN, UPSERT and INSERT ... ON CONFLICT), plus the
 * configured Calcite parser (lower-casing unquoted identifiers, case-sensitive matching, lenient
 * conformance) for everything else. Parse errors are 42601 with a 1-based position. Pure and
 * thread-safe.
 */
package io.shaledb.sql.parse;
