package io.shaledb.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, read from a resource written by the build. */
public final class ShaleVersion {
  private static final String VERSION = load();

  private ShaleVersion() {}

  /** E.g. "0.1.0-SNAPSHOT"; "unknown" when the build did not record one. */
  public static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ShaleVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
