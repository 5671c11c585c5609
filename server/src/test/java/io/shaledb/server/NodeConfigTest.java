package io.shaledb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeConfigTest {
  @Test
  void defaultsComeFromTheSettingRegistry() {
    NodeConfig c = NodeConfig.from(s -> s == ServerSetting.STORE ? "/tmp/x" : null);
    assertEquals("127.0.0.1", c.host());
    assertEquals(26257, c.port());
    assertEquals(Path.of("/tmp/x"), c.storeDir());
    assertEquals(8 << 20, c.maxStatementBytes());
    assertEquals(Duration.ofMillis(500), c.maxClockOffset());
    assertEquals(Duration.ofSeconds(5), c.shutdownGrace());
  }

  @Test
  void listenAddressForms() {
    assertEquals(new NodeConfig.HostPort("0.0.0.0", 1), NodeConfig.parseListen("0.0.0.0:1"));
    assertEquals(new NodeConfig.HostPort("127.0.0.1", 5), NodeConfig.parseListen(":5"));
    assertEquals(new NodeConfig.HostPort("::1", 7), NodeConfig.parseListen("[::1]:7"));
    assertThrows(IllegalArgumentException.class, () -> NodeConfig.parseListen("localhost"));
    assertThrows(IllegalArgumentException.class, () -> NodeConfig.parseListen("h:70000"));
  }

  @Test
  void badValuesNameTheSetting() {
    var e = assertThrows(IllegalArgumentException.class, () -> NodeConfig.from(s -> switch (s) {
      case STORE -> "/x";
      case SHUTDOWN_GRACE -> "soon";
      default -> null;
    }));
    assertTrue(e.getMessage().contains("--shutdown-grace"), e.getMessage());
    var missing = assertThrows(IllegalArgumentException.class, () -> NodeConfig.from(s -> null));
    assertTrue(missing.getMessage().contains("--store"), missing.getMessage());
  }
}
