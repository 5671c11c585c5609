package io.shaledb.jdbc;

import static io.shaledb.jdbc.FakeShaleServer.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.jdbc.FakeShaleServer.Answer;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks the self-contained "-all" jar, when a previous {@code mvn package} left one in target/
 * (skipped otherwise): every class relocated under io/shaledb/, the java.sql.Driver service file
 * present, and the driver working from that jar alone in an isolated class loader.
 */
class ShadedJarTest {
  private static Path allJar() throws IOException {
    Path target = Path.of("target");
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "shale-jdbc-*-all.jar")) {
      for (Path p : jars) {
        return p;
      }
    }
    return null;
  }

  @Test
  void allJarHasOnlyRelocatedClassesAndTheServiceFile() throws Exception {
    Path jar = allJar();
    Assumptions.assumeTrue(jar != null, "no -all jar in target/ (run mvn package)");
    List<String> stray = new ArrayList<>();
    String service;
    try (JarFile jf = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if ((name.endsWith(".class")
                && !name.startsWith("io/shaledb/")
                && !name.startsWith("META-INF/versions/"))
            || name.startsWith("io/grpc/")
            || name.startsWith("com/google/")
            || name.startsWith("io/netty/")
            || name.startsWith("io/perfmark/")) {
          stray.add(name);
        }
      }
      JarEntry services = jf.getJarEntry("META-INF/services/java.sql.Driver");
      assertTrue(services != null, "service file missing");
      service = new String(jf.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(List.of(), stray.subList(0, Math.min(20, stray.size())));
    assertEquals("io.shaledb.jdbc.ShaleDriver", service.trim());
  }

  @Test
  void driverFromTheAllJarAloneTalksToAServer() throws Exception {
    Path jar = allJar();
    Assumptions.assumeTrue(jar != null, "no -all jar in target/ (run mvn package)");
    // Deliberately not closed: the shaded Netty's shared event-loop threads outlive this test
    // and still load classes from the loader.
    URLClassLoader isolated =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    try (FakeShaleServer fake = FakeShaleServer.start()) {
      fake.on(
          "SELECT 1",
          Answer.rows(List.of(col("one", Types.INTEGER, "INT4")), List.of(List.of(1L))));
      Driver driver =
          (Driver)
              Class.forName("io.shaledb.jdbc.ShaleDriver", true, isolated)
                  .getDeclaredConstructor()
                  .newInstance();
      assertTrue(driver.getClass().getClassLoader() == isolated);
      try (Connection c = driver.connect(fake.url(), new Properties());
          ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getObject(1));
      }
    }
  }
}
