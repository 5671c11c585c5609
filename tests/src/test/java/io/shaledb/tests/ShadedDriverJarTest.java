package io.shaledb.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The driver's self-contained {@code shale-jdbc-*-all.jar}: every class relocated under
 * {@code io/shaledb/}, the {@code java.sql.Driver} service file present, and the driver loaded from
 * that jar alone (an isolated class loader over the platform loader) talking to a real node.
 *
 * <p>This lives here, not in {@code jdbc-driver}, because the jar is made in the driver's package
 * phase, after its own tests ran; in {@code mvn verify} this module runs later, so the jar exists.
 * Outside CI, a build that stopped before {@code package} skips it.
 */
class ShadedDriverJarTest {

  private static Path allJar() throws IOException {
    Path target = Path.of("..", "jdbc-driver", "target");
    if (Files.isDirectory(target)) {
      try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "shale-jdbc-*-all.jar")) {
        for (Path p : jars) {
          return p;
        }
      }
    }
    if (System.getenv("CI") != null) {
      throw new IllegalStateException("no shale-jdbc-*-all.jar in " + target.toAbsolutePath() + " under CI (mvn verify packages it)");
    }
    Assumptions.abort("no -all jar in jdbc-driver/target (run mvn package)");
    return null;
  }

  @Test
  void allJarHoldsOnlyRelocatedClassesAndTheServiceFile() throws Exception {
    Path jar = allJar();
    List<String> stray = new ArrayList<>();
    String service;
    try (JarFile jf = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.endsWith(".class") && !name.startsWith("io/shaledb/") && !name.startsWith("META-INF/versions/")) {
          stray.add(name);
        }
      }
      JarEntry services = jf.getJarEntry("META-INF/services/java.sql.Driver");
      assertNotNull(services, "service file missing");
      service = new String(jf.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(List.of(), stray.subList(0, Math.min(20, stray.size())));
    assertEquals("io.shaledb.jdbc.ShaleDriver", service.trim());
  }

  @Test
  void driverFromTheAllJarAloneTalksToARealNode() throws Exception {
    Path jar = allJar();
    // Not closed: the shaded Netty's shared event-loop threads outlive the test and still load
    // classes through this loader.
    URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Driver driver = (Driver) Class.forName("io.shaledb.jdbc.ShaleDriver", true, isolated)
        .getDeclaredConstructor().newInstance();
    assertSame(isolated, driver.getClass().getClassLoader());
    try (Connection c = driver.connect(SharedNode.url(), new Properties());
         ResultSet rs = c.createStatement().executeQuery("SELECT 40 + 2 AS answer")) {
      assertTrue(rs.next());
      assertEquals(42, rs.getInt("answer"));
    }
  }
}
