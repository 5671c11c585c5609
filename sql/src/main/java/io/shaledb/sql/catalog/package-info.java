/**
 * The SQL catalog: databases, tables, columns, indexes and views, stored as descriptors in KV
 * under {@code /System} so that every node sees the same schema and schema changes are
 * transactional. Descriptor records are immutable values; a schema change writes a new
 * descriptor with a higher {@code version}.
 */
package io.shaledb.sql.catalog;
