package io.shaledb.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeLifecycleTest {
  @TempDir Path store;


  @Test
  void closeEndsSessionsAndLeavesNoNonDaemonThreads() throws Exception {
    Set<Thread> before = ThreadLeaks.snapshot();
    FakeSqlEngine engine = new FakeSqlEngine();
    Node node = Node.start(NodeConfig.forTest(store), engine.opener());
    assertTrue(node.port() > 0);
    assertEquals("jdbc:shale://127.0.0.1:" + node.port() + "/defaultdb", node.jdbcUrl("defaultdb"));
    WireClient c = new WireClient(node.port());
    c.hello("defaultdb");
    c.next();
    c.execute("ROWS 10");
    assertEquals(10, c.next().getResultSet().getRows().getRowsCount()); // one message: fits one batch
    node.close();
    node.close(); // idempotent
    assertTrue(engine.engineClosed);
    assertEquals(1, engine.closed.get(), "the open session was closed");
    Status end = c.ended.get(10, TimeUnit.SECONDS);
    assertEquals(Status.Code.UNAVAILABLE, end.getCode(), end.toString());
    c.close();
    ThreadLeaks.assertNoneLeftSince(before, java.time.Duration.ofSeconds(10));
  }

  @Test
  void portInUseFailsStartAndClosesTheLayer() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1,
        java.net.InetAddress.getByName("127.0.0.1"))) {
      FakeSqlEngine engine = new FakeSqlEngine();
      NodeConfig config = NodeConfig.from(s -> switch (s) {
        case STORE -> store.toString();
        case LISTEN -> "127.0.0.1:" + taken.getLocalPort();
        default -> null;
      });
      assertThrows(IOException.class, () -> Node.start(config, engine.opener()));
      assertTrue(engine.engineClosed);
    }
  }
}
