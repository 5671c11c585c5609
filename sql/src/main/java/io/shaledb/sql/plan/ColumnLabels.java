package io.shaledb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * PostgreSQL-style labels for unaliased result columns (Calcite would say {@code EXPR$0}): a
 * function call is labelled by the function's name ({@code count}, {@code lower}), CASE by
 * {@code case}, anything else {@code ?column?}. Pure.
 */
final class ColumnLabels {
  private ColumnLabels() {}

  /** Labels per select item of a plain SELECT (null entries: keep Calcite's), or null. */
  static List<String> of(SqlNode query) {
    SqlNode q = query instanceof SqlOrderBy ob ? ob.query : query;
    if (!(q instanceof SqlSelect select)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (SqlNode item : select.getSelectList()) {
      if (item instanceof SqlIdentifier id && id.isStar()) {
        return null; // positions no longer line up with select items
      }
      out.add(label(item));
    }
    return out;
  }

  private static String label(SqlNode item) {
    if (item.getKind() == SqlKind.AS || item instanceof SqlIdentifier) {
      return null;
    }
    if (item.getKind() == SqlKind.CASE) {
      return "case";
    }
    if (item instanceof SqlBasicCall call && call.getOperator().getSyntax()
        == org.apache.calcite.sql.SqlSyntax.FUNCTION || item instanceof SqlCall c2
        && c2.getOperator() instanceof org.apache.calcite.sql.SqlFunction) {
      String name = ((SqlCall) item).getOperator().getName().toLowerCase(Locale.ROOT);
      return switch (name) {
        case "char_length" -> "length";
        case "current_timestamp" -> "now";
        default -> name;
      };
    }
    if (item.getKind() == SqlKind.CAST) {
      return "?column?";
    }
    return "?column?";
  }
}
