package io.shaledb.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.jdbc.proto.ServerMessage;
import io.shaledb.server.WireClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shale start} as a real process: ready line, serving, clean stop on SIGTERM. */
class StartProcessTest {
  @TempDir Path tmp;

  @Test
  void sigtermStopsTheNodeCleanly() throws Exception {
    Path errFile = tmp.resolve("stderr.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), FakeNodeMain.class.getName(), "start",
        "--store", tmp.resolve("store").toString(), "--listen", "127.0.0.1:0"))
        .redirectError(errFile.toFile())
        .start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine(); // blocks until the node is ready (or the process dies)
      assertNotNull(line, () -> "no output; stderr: " + read(errFile));
      Matcher m = Pattern.compile("node listening on 127\\.0\\.0\\.1:(\\d+)").matcher(line);
      assertTrue(m.matches(), line);
      try (WireClient c = new WireClient(Integer.parseInt(m.group(1)))) {
        c.hello("defaultdb");
        assertEquals(ServerMessage.KindCase.HELLO_OK, c.next().getKindCase());
      }
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "node did not stop after SIGTERM");
      assertEquals(143, p.exitValue(), "128 + SIGTERM");
      String err = read(errFile);
      assertTrue(err.contains("INFO Node - node listening on 127.0.0.1:" + m.group(1)), err);
      assertTrue(err.contains("INFO Node - node stopped"), err);
    } finally {
      p.destroyForcibly();
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (java.io.IOException e) {
      return "<" + e + ">";
    }
  }
}
