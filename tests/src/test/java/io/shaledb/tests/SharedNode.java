package io.shaledb.tests;

import io.shaledb.tests.cluster.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One node process shared by the end-to-end test classes of this JVM (starting a JVM per class
 * would dominate their run time). Each test class works in tables of its own names.
 */
final class SharedNode {
  private static NodeProcess node;

  private SharedNode() {}

  static synchronized NodeProcess get() throws IOException {
    if (node == null) {
      Path store = Files.createTempDirectory("shale-e2e");
      node = NodeProcess.start(store, Duration.ofSeconds(90));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          node.close();
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
        deleteTree(store);
      }));
    }
    return node;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort at JVM exit
    }
  }

  static String url() throws IOException {
    return get().jdbcUrl("defaultdb");
  }
}
