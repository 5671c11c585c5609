package io.shaledb.sql.bind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * A SELECT list with {@code *} and {@code t.*} expanded, each item named as the validator
 * names it (alias; column name; {@code EXPR$n} with n the number of distinct names so far;
 * star columns made unique) and with its origin (the table column a bare column reference
 * reads). Immutable.
 *
 * @param exprs per item its expression, or null for a column expanded from a star
 * @param starIndexes per item the joined-row position of a star column (else -1)
 * @param starTypes per item the type of a star column (else null)
 */
record SelectList(List<SqlNode> exprs, List<String> names, List<List<String>> origins,
    List<Integer> starIndexes, List<RelDataType> starTypes) {

  int size() {
    return names.size();
  }

  boolean hasStar() {
    for (SqlNode e : exprs) {
      if (e == null) {
        return true;
      }
    }
    return false;
  }

  static SelectList expand(SqlNodeList list, FromScope scope) {
    List<SqlNode> exprs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<List<String>> origins = new ArrayList<>();
    List<Integer> starIndexes = new ArrayList<>();
    List<RelDataType> starTypes = new ArrayList<>();
    Set<String> aliases = new HashSet<>();
    for (SqlNode item : list) {
      if (item instanceof SqlIdentifier id && id.isStar()) {
        List<FromScope.Source> of;
        if (scope.sources().isEmpty()) {
          throw new UnsupportedQueryException("star without FROM");
        } else if (id.names.size() == 1) {
          of = scope.sources();
        } else if (id.names.size() == 2) {
          of = List.of(scope.source(id.names.get(0)));
        } else {
          throw new UnsupportedQueryException("star form");
        }
        List<FromScope.Column> cols = scope.columnsOf(of);
        int k = 0;
        for (FromScope.Source s : of) {
          for (String field : s.rowType().getFieldNames()) {
            FromScope.Column c = cols.get(k++);
            exprs.add(null);
            names.add(SqlValidatorUtil.uniquify(field, aliases, SqlValidatorUtil.EXPR_SUGGESTER));
            origins.add(c.origin());
            starIndexes.add(c.index());
            starTypes.add(c.type());
          }
        }
        continue;
      }
      SqlNode expr = item;
      String alias;
      if (item.getKind() == SqlKind.AS) {
        SqlCall as = (SqlCall) item;
        if (as.operandCount() != 2 || !(as.operand(1) instanceof SqlIdentifier a) || !a.isSimple()) {
          throw new UnsupportedQueryException("select alias form");
        }
        expr = as.operand(0);
        alias = a.getSimple();
      } else if (item instanceof SqlIdentifier id) {
        alias = id.names.get(id.names.size() - 1);
      } else {
        alias = "EXPR$" + aliases.size();
      }
      aliases.add(alias);
      exprs.add(expr);
      names.add(alias);
      origins.add(expr instanceof SqlIdentifier id ? scope.resolve(id).origin() : null);
      starIndexes.add(-1);
      starTypes.add(null);
    }
    return new SelectList(exprs, names, origins, starIndexes, starTypes);
  }
}
