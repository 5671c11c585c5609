package io.shaledb.sql.bind;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;

/**
 * What the direct converter produces for a query: the logical plan (already projected to the
 * result columns, ORDER BY-only columns removed), the row type the validator would report
 * (names and types), and per result column its origin ({@code [table, column]} for a column read
 * directly from a stored table or view, else null).
 */
public record DirectPlan(RelNode rel, RelDataType rowType, List<List<String>> origins) {
  public DirectPlan {
    Objects.requireNonNull(rel, "rel");
    Objects.requireNonNull(rowType, "rowType");
    Objects.requireNonNull(origins, "origins");
    if (origins.size() != rowType.getFieldCount()) {
      throw new IllegalArgumentException("one origin per result column: " + origins.size()
          + " for " + rowType.getFieldCount());
    }
  }
}
