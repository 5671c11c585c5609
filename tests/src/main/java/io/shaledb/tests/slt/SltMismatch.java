package io.shaledb.tests.slt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.SqlTestQueryOutputDescription;

/**
 * Describes, for a report, how a failed query's result differs from the expected one: expected
 * values (or hash) against the actual ones. The harness judges the query; its 0.3 version only says
 * "Output differs" or "Hash of data does not match", so this runs the query once more and renders
 * the result the way the harness does (R as {@code %.3f}, I as an integer, T with characters
 * outside printable ASCII as {@code @}; NULL as {@code NULL}), sorted by the record's sort mode.
 * Used only after a failure, so it costs nothing on the passing path.
 */
final class SltMismatch {
  private static final int MAX_VALUES = 24;

  private SltMismatch() {}

  /** "expected ... / actual ..." for {@code query}, or a note that it could not be re-run. */
  static String describe(Connection connection, SqlTestQuery query, String harnessMessage) {
    SqlTestQueryOutputDescription d = query.outputDescription;
    List<List<String>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query.getQuery())) {
      while (rs.next()) {
        rows.add(row(rs, d.columnTypes));
      }
    } catch (SQLException | RuntimeException e) {
      return harnessMessage + " (re-running it for the report failed: " + e.getMessage() + ")";
    }
    List<String> values = sorted(rows, d.getOrder());
    StringBuilder sb = new StringBuilder(harnessMessage).append("\nexpected: ");
    if (d.getQueryResults() != null) {
      sb.append(abbreviate(d.getQueryResults()));
    } else {
      sb.append(d.getValueCount()).append(" values hashing to ").append(d.hash);
    }
    sb.append("\nactual:   ").append(abbreviate(values)).append(" (").append(values.size())
        .append(" values hashing to ").append(hash(values)).append(')');
    return sb.toString();
  }

  private static List<String> row(ResultSet rs, String types) throws SQLException {
    List<String> row = new ArrayList<>();
    for (int i = 1; i <= types.length(); i++) {
      switch (types.charAt(i - 1)) {
        case 'R' -> {
          double v = rs.getDouble(i);
          row.add(rs.wasNull() ? "NULL" : String.format("%.3f", v));
        }
        case 'I' -> {
          try {
            long v = rs.getLong(i);
            row.add(rs.wasNull() ? "NULL" : Long.toString(v));
          } catch (SQLException | NumberFormatException e) {
            row.add("0");
          }
        }
        default -> {
          String v = rs.getString(i);
          if (v == null) {
            row.add("NULL");
          } else {
            StringBuilder t = new StringBuilder();
            for (char c : v.toCharArray()) {
              t.append(c < ' ' || c > '~' ? '@' : c);
            }
            row.add(t.toString());
          }
        }
      }
    }
    return row;
  }

  private static List<String> sorted(List<List<String>> rows, SqlTestQueryOutputDescription.SortOrder order) {
    Comparator<List<String>> byValues = (a, b) -> {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = a.get(i).compareTo(b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    };
    List<List<String>> r = new ArrayList<>(rows);
    String mode = order == null ? "NONE" : order.name();
    if (mode.equals("VALUE")) {
      List<List<String>> single = new ArrayList<>();
      for (List<String> row : rows) {
        for (String v : row) {
          single.add(List.of(v));
        }
      }
      r = single;
      r.sort(byValues);
    } else if (mode.equals("ROW")) {
      r.sort(byValues);
    }
    List<String> values = new ArrayList<>();
    r.forEach(values::addAll);
    return values;
  }

  private static String abbreviate(List<String> values) {
    List<String> shown = values.size() > MAX_VALUES ? values.subList(0, MAX_VALUES) : values;
    return String.join(" ", shown) + (values.size() > MAX_VALUES ? " ..." : "");
  }

  private static String hash(List<String> values) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      md.update((String.join("\n", values) + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest()).toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
