package io.shaledb.sql;

import java.util.List;

/**
 * A prepared statement's handle and shape.
 *
 * @param statementId the id to execute it by
 * @param params one entry per {@code ?}, in order
 * @param columns result columns; empty for statements that return no rows
 */
public record PreparedInfo(long statementId, List<ColumnMeta> params, List<ColumnMeta> columns) {}
