package io.shaledb.shell;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a JDBC {@link ResultSet} into a {@link TextTable}, turning values into the text a person
 * expects: numbers as written (decimals without exponent), booleans as true/false, timestamps as
 * "2024-05-01 12:30:00.25" (no "T", trailing zeros of the fraction dropped), bytes as \x hex.
 */
public final class ResultText {
  private ResultText() {}

  public static TextTable read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int cols = md.getColumnCount();
    List<String> names = new ArrayList<>(cols);
    List<Boolean> numeric = new ArrayList<>(cols);
    for (int c = 1; c <= cols; c++) {
      names.add(md.getColumnLabel(c));
      numeric.add(isNumeric(md.getColumnType(c)));
    }
    List<String[]> rows = new ArrayList<>();
    while (rs.next()) {
      String[] row = new String[cols];
      for (int c = 1; c <= cols; c++) {
        row[c - 1] = text(rs.getObject(c));
      }
      rows.add(row);
    }
    return new TextTable(names, numeric, rows);
  }

  static boolean isNumeric(int jdbcType) {
    return switch (jdbcType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT,
          Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> true;
      default -> false;
    };
  }

  /** The display text of one value; {@code null} for SQL NULL. */
  public static String text(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof byte[] b) {
      return "\\x" + HexFormat.of().formatHex(b);
    }
    if (v instanceof Timestamp ts) {
      return timestamp(ts.toLocalDateTime());
    }
    if (v instanceof LocalDateTime ldt) {
      return timestamp(ldt);
    }
    if (v instanceof Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof Time t) {
      return time(t.toLocalTime());
    }
    if (v instanceof LocalTime t) {
      return time(t);
    }
    return v.toString();
  }

  private static String timestamp(LocalDateTime t) {
    return t.toLocalDate() + " " + time(t.toLocalTime());
  }

  private static String time(LocalTime t) {
    String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    if (t.getNano() == 0) {
      return s;
    }
    String frac = String.format("%09d", t.getNano());
    int end = frac.length();
    while (frac.charAt(end - 1) == '0') {
      end--;
    }
    return s + "." + frac.substring(0, end);
  }
}
