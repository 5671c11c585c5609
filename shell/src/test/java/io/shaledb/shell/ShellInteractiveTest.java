package io.shaledb.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.jline.terminal.Terminal;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell, typed at through a JLine dumb terminal over byte streams. */
class ShellInteractiveTest {
  @TempDir Path tmp;
  Connection conn;
  final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void connect(TestInfo info) throws Exception {
    conn = DriverManager.getConnection(
        "jdbc:hsqldb:mem:i" + info.getTestMethod().orElseThrow().getName(), "SA", "");
    try (var st = conn.createStatement()) {
      st.execute("CREATE TABLE users (id INT NOT NULL PRIMARY KEY, name VARCHAR(20))");
      st.execute("INSERT INTO users VALUES (1, 'ann'), (2, 'bob')");
    }
  }

  @AfterEach
  void disconnect() throws Exception {
    try (var st = conn.createStatement()) {
      st.execute("SHUTDOWN");
    }
    conn.close();
  }

  private int type(String keystrokes, Path history) throws Exception {
    ShellOptions options = new ShellOptions(OutputFormat.TABLE, "defaultdb", history, false);
    Shell shell = new Shell(conn, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), options);
    try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
        new ByteArrayInputStream(keystrokes.getBytes(StandardCharsets.UTF_8)), screen,
        StandardCharsets.UTF_8)) {
      return assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> shell.runInteractive(terminal));
    }
  }

  private String screen() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void multiLineStatementRunsOnceTheSemicolonArrives() throws Exception {
    int code = type("SELECT id,\n  name FROM users\n  ORDER BY id;\n\\q\n", tmp.resolve("h"));
    assertEquals(0, code);
    String s = screen();
    assertTrue(s.contains("defaultdb> "), s);
    assertTrue(s.contains(String.join("\n",
        " ID | NAME",
        "----+------",
        "  1 | ann",
        "  2 | bob",
        "(2 rows)")), s);
    assertEquals("", err());
  }

  @Test
  void backslashCommandsAndTimingWork() throws Exception {
    int code = type("\\dt\n\\timing\nSELECT name FROM users WHERE id = 2;\n\\d users\n\\q\n",
        tmp.resolve("h"));
    assertEquals(0, code);
    String s = screen();
    assertTrue(s.contains(String.join("\n",
        " schema | name  | type",
        "--------+-------+-------",
        " PUBLIC | USERS | table",
        "(1 row)")), s);
    assertTrue(s.contains(" bob\n(1 row)"), s);
    assertTrue(s.contains("Table \"USERS\""), s);
    assertTrue(s.contains(" NAME   | VARCHAR(20) | YES      | NULL"), s);
    assertTrue(err().matches("Timing is on\\.\nTime: \\d+\\.\\d{3} ms\n"), err());
  }

  @Test
  void errorsAreReportedAndTheSessionContinuesUntilEndOfInput() throws Exception {
    int code = type("SELECT * FROM nope;\nINSERT INTO users VALUES (3, 'cy');\n"
        + "SELECT count(*) AS n FROM users;\n", tmp.resolve("h"));
    assertEquals(0, code, "end of input (Ctrl-D) ends the session normally");
    assertTrue(err().startsWith("ERROR: user lacks privilege or object not found: NOPE\n"
        + "SQLSTATE: 42501\n"), err());
    String s = screen();
    assertTrue(s.contains("INSERT 0 1"), s);
    assertTrue(s.contains(" N\n---\n 3\n(1 row)"), s);
  }

  @Test
  void historyKeepsWholeStatements() throws Exception {
    Path history = tmp.resolve("history");
    type("SELECT id\n FROM users;\n\\dt\n\\q\n", history);
    String saved = Files.readString(history);
    assertTrue(saved.contains("SELECT id\\n FROM users;"), saved);
    assertTrue(saved.contains("\\\\dt"), saved);
  }

  /**
   * Types into a terminal that behaves like an xterm (line editing, completion, prompts). An
   * ExternalTerminal emulates the line discipline in process and writes the screen on the
   * shell's own thread. (TerminalBuilder with streams made a PosixPtyTerminal when a pty was
   * available: a thread copied the pty's output to the screen, and closing the terminal could
   * cut that copy short, so about one run in twenty lost the screen's tail.)
   */
  private String typeIntoXterm(String keystrokes) throws Exception {
    ShellOptions options = ShellOptions.of(OutputFormat.TABLE);
    Shell shell = new Shell(conn, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), options);
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keyboard, 1 << 16);
    try (Terminal terminal = new ExternalTerminal("test", "xterm", in, screen, StandardCharsets.UTF_8)) {
      terminal.setSize(new Size(120, 40));
      keyboard.write(keystrokes.getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      assertEquals(0, (int) assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> shell.runInteractive(terminal)));
    } finally {
      keyboard.close();
    }
    return screen().replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
  }

  @Test
  void onARealTerminalTabCompletesAndContinuationLinesArePrompted() throws Exception {
    String s = typeIntoXterm("SELECT name\rFROM use\t WHERE id = 1;\r\\q\r");
    assertTrue(s.contains("        -> FROM users"), s);
    assertTrue(s.contains(" ann\r\n(1 row)") || s.contains(" ann\n(1 row)"), s + err());
  }
}
