package io.shaledb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.StatementResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden SQL scripts under src/test/resources/sql/*.sql. Each block is
 * {@code statement ok|error <SQLSTATE>} or {@code query}, then the SQL (lines up to a blank line
 * or {@code ----}); query blocks list the expected rows after {@code ----} (values joined by
 * {@code |}, NULL for null), statement blocks may list the command tag after {@code ----}.
 * Run with {@code -Dshale.rewrite=true} to rewrite the expected output; review the diff.
 */
class SqlScriptTest extends SqlTestBase {
  private static final Path DIR = Path.of("src/test/resources/sql");

  static Stream<String> scripts() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("scripts")
  void script(String name) throws IOException {
    Path file = DIR.resolve(name);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    StringBuilder actual = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        actual.append(line).append('\n');
        i++;
        continue;
      }
      String header = line.trim();
      actual.append(header).append('\n');
      i++;
      StringBuilder sql = new StringBuilder();
      while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
        sql.append(lines.get(i)).append('\n');
        actual.append(lines.get(i)).append('\n');
        i++;
      }
      if (i < lines.size() && lines.get(i).equals("----")) {
        i++;
        while (i < lines.size() && !lines.get(i).isBlank()) {
          i++;
        }
      }
      String text = sql.toString().trim();
      String out = run(header, text);
      if (!out.isEmpty()) {
        actual.append("----\n").append(out);
      }
    }
    String expected = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("shale.rewrite")) {
      Files.writeString(file, actual.toString(), StandardCharsets.UTF_8);
      return;
    }
    assertEquals(expected, actual.toString(), name);
  }

  private String run(String header, String sql) {
    try {
      StatementResult r = s.execute(sql, List.of(), ExecOptions.DEFAULT);
      if (header.startsWith("statement error")) {
        return "unexpected success: " + r.commandTag() + "\n";
      }
      if (header.equals("query")) {
        StringBuilder b = new StringBuilder();
        for (Object[] row : r.rows()) {
          List<String> vals = new ArrayList<>();
          for (Object v : row) {
            vals.add(render(v));
          }
          b.append(String.join("|", vals)).append('\n');
        }
        return b.toString();
      }
      return r.commandTag() + "\n";
    } catch (SqlError e) {
      if (header.startsWith("statement error")) {
        return e.state().code() + " " + e.getMessage() + "\n";
      }
      return "ERROR " + e.state().code() + " " + e.getMessage() + "\n";
    }
  }

  private static String render(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof BigDecimal bd) {
      return bd.toPlainString();
    }
    if (v instanceof byte[] b) {
      return "\\x" + HexFormat.of().formatHex(b);
    }
    return v.toString();
  }
}
