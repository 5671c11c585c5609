package io.shaledb.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Scripts run through the real shell against an in-memory HSQLDB; output compared exactly. */
class ShellScriptTest {
  Connection conn;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void connect(TestInfo info) throws SQLException {
    conn = DriverManager.getConnection(
        "jdbc:hsqldb:mem:" + info.getTestMethod().orElseThrow().getName(), "SA", "");
  }

  @AfterEach
  void disconnect() throws SQLException {
    try (var st = conn.createStatement()) {
      st.execute("SHUTDOWN");
    }
    conn.close();
  }

  private int run(OutputFormat format, String script) throws Exception {
    Shell shell = new Shell(conn, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), ShellOptions.of(format));
    return shell.runScript(new StringReader(script));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static final String SETUP = String.join("\n",
      "CREATE TABLE users (id INT NOT NULL PRIMARY KEY, name VARCHAR(20), score DECIMAL(6,2));",
      "INSERT INTO users VALUES (1, 'alice', 12.5);",
      "INSERT INTO users VALUES (2, NULL, 3);",
      "INSERT INTO users VALUES (10, 'a;b -- not a comment', NULL);",
      "");

  @Test
  void tsvPrintsOnlyHeaderAndRowsOnStdout() throws Exception {
    int code = run(OutputFormat.TSV, SETUP + "SELECT id, name, score FROM users ORDER BY id;");
    assertEquals(0, code, err());
    assertEquals("ID\tNAME\tSCORE\n1\talice\t12.50\n2\tNULL\t3.00\n"
        + "10\ta;b -- not a comment\tNULL\n", out());
    assertEquals("CREATE TABLE\nINSERT 0 1\nINSERT 0 1\nINSERT 0 1\n", err());
  }

  @Test
  void tsvEscapesTabsNewlinesAndBackslashes() throws Exception {
    int code = run(OutputFormat.TSV,
        "SELECT 'a' || CHAR(9) || 'b' AS x, 'l1' || CHAR(10) || 'l2' AS y, 'c:\\d' AS z "
            + "FROM (VALUES(0))");
    assertEquals(0, code, err());
    assertEquals("X\tY\tZ\na\\tb\tl1\\nl2\tc:\\\\d\n", out());
  }

  @Test
  void csvQuotesPerRfc4180() throws Exception {
    int code = run(OutputFormat.CSV, String.join("\n",
        "CREATE TABLE t (k INT, v VARCHAR(30));",
        "INSERT INTO t VALUES (1, 'plain'), (2, 'with,comma'), (3, 'say \"hi\"'),",
        "  (4, 'two' || CHAR(10) || 'lines'), (5, ''), (6, NULL);",
        "SELECT k, v FROM t ORDER BY k;"));
    assertEquals(0, code, err());
    assertEquals("K,V\n1,plain\n2,\"with,comma\"\n3,\"say \"\"hi\"\"\"\n4,\"two\nlines\"\n"
        + "5,\"\"\n6,\n", out());
  }

  @Test
  void tableFormatAlignsColumnsLikePsql() throws Exception {
    int code = run(OutputFormat.TABLE, SETUP + "SELECT id, name FROM users ORDER BY id;\n"
        + "SELECT name FROM users WHERE id = 1;\nSELECT id FROM users WHERE id < 0;");
    assertEquals(0, code, err());
    assertEquals(String.join("\n",
        "CREATE TABLE",
        "INSERT 0 1",
        "INSERT 0 1",
        "INSERT 0 1",
        " ID |         NAME",
        "----+----------------------",
        "  1 | alice",
        "  2 | NULL",
        " 10 | a;b -- not a comment",
        "(3 rows)",
        "",
        " NAME",
        "-------",
        " alice",
        "(1 row)",
        "",
        " ID",
        "----",
        "(0 rows)",
        "",
        ""), out());
    assertEquals("", err());
  }

  @Test
  void firstErrorStopsTheScriptWithExitCodeOne() throws Exception {
    int code = run(OutputFormat.TSV, "SELECT 1 AS a FROM (VALUES(0));\n"
        + "SELECT * FROM missing_table;\nSELECT 2 AS b FROM (VALUES(0));");
    assertEquals(1, code);
    assertEquals("A\n1\n", out());
    assertTrue(err().startsWith("ERROR: user lacks privilege or object not found: MISSING_TABLE"),
        err());
    assertTrue(err().endsWith("SQLSTATE: 42501\n"), err());
  }

  @Test
  void lastStatementNeedsNoSemicolonAndCommentsAreIgnored() throws Exception {
    int code = run(OutputFormat.TSV, "-- leading comment; still a comment\n"
        + "/* block ; comment */ SELECT 'x;y' AS s FROM (VALUES(0)); -- trailing\n"
        + "SELECT 42 AS n FROM (VALUES(0))");
    assertEquals(0, code, err());
    assertEquals("S\nx;y\nN\n42\n", out());
  }

  @Test
  void backslashCommandsListAndDescribeTables() throws Exception {
    int code = run(OutputFormat.TSV, SETUP
        + "CREATE INDEX users_name ON users (name);\n\\dt\n\\d users\n\\d nothing\n");
    assertEquals(1, code, "describing a missing table is an error");
    assertEquals(String.join("\n",
        "schema\tname\ttype",
        "PUBLIC\tUSERS\ttable",
        "column\ttype\tnullable\tdefault",
        "ID\tINTEGER\tNO\tNULL",
        "NAME\tVARCHAR(20)\tYES\tNULL",
        "SCORE\tDECIMAL(6,2)\tYES\tNULL",
        "index\tunique\tcolumns",
        "SYS_PK_1\tYES\tID",
        "USERS_NAME\tNO\tNAME",
        ""), out().replaceAll("SYS_PK_\\d+", "SYS_PK_1"));
    assertTrue(err().contains("ERROR: Did not find any relation named \"nothing\".\n"), err());
  }

  @Test
  void timingReportsEachStatementOnStderr() throws Exception {
    int code = run(OutputFormat.TSV, "\\timing\nSELECT 1 AS a FROM (VALUES(0));\n\\timing off\n"
        + "SELECT 2 AS b FROM (VALUES(0));");
    assertEquals(0, code, err());
    assertEquals("A\n1\nB\n2\n", out());
    assertTrue(err().matches("Timing is on\\.\nTime: \\d+\\.\\d{3} ms\nTiming is off\\.\n"),
        err());
  }

  @Test
  void quitStopsTheScriptSuccessfully() throws Exception {
    int code = run(OutputFormat.TSV, "SELECT 1 AS a FROM (VALUES(0));\n\\q\nSELECT * FROM nope;");
    assertEquals(0, code);
    assertEquals("A\n1\n", out());
  }

  @Test
  void unknownBackslashCommandFails() throws Exception {
    assertEquals(1, run(OutputFormat.TSV, "\\frobnicate\n"));
    assertEquals("ERROR: invalid command \\frobnicate. Try \\? for help.\n", err());
  }
}
