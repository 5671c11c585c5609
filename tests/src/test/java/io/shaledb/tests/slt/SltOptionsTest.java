package io.shaledb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SltOptionsTest {

  @Test
  void defaults() {
    SltOptions o = SltOptions.parse();
    assertEquals(List.of(), o.groups());
    assertEquals(2, o.jobs());
    assertNull(o.url());
    assertNull(o.out());
    assertEquals(Duration.ofSeconds(600), o.timeoutPerFile());
    assertEquals(List.of(), o.fileLists());
    assertNull(o.knownDifferences());
    assertEquals("root", o.user());
    assertEquals("", o.password());
  }

  @Test
  void everyOption() {
    SltOptions o = SltOptions.parse("--group", "select", "--group", "index/in", "--files", "*.test", "--jobs", "3",
        "--url", "jdbc:shale://127.0.0.1:5/db", "--out", "r", "--list", "--timeout-per-file", "300",
        "--ci", "--files-from", "mine.txt", "--known-differences", "none", "--user", "postgres", "--password", "pw");
    assertEquals(new SltOptions(List.of("select", "index/in"), List.of("*.test"), 3, "jdbc:shale://127.0.0.1:5/db",
        Path.of("r"), true, Duration.ofSeconds(300), List.of(SltOptions.CI_LIST, "mine.txt"), "none", "postgres", "pw"),
        o);
  }

  @Test
  void badArgumentsAreRejectedReadably() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SltOptions.parse("--jobs"))
        .getMessage().contains("--jobs needs a value"));
    assertThrows(IllegalArgumentException.class, () -> SltOptions.parse("--jobs", "x"));
    assertThrows(IllegalArgumentException.class, () -> SltOptions.parse("--jobs", "0"));
    assertThrows(IllegalArgumentException.class, () -> SltOptions.parse("--timeout-per-file", "0"));
    assertThrows(IllegalArgumentException.class, () -> SltOptions.parse("--bogus"));
  }

  @Test
  void databaseIsReplacedInTheUrl() {
    assertEquals("jdbc:shale://h:1/slt_job_0", SltOptions.withDatabase("jdbc:shale://h:1/defaultdb", "slt_job_0"));
    assertEquals("jdbc:shale://h:1/j?x=1", SltOptions.withDatabase("jdbc:shale://h:1/defaultdb?x=1", "j"));
    assertEquals("jdbc:shale://h:1/j", SltOptions.withDatabase("jdbc:shale://h:1", "j"));
    assertEquals("jdbc:postgresql://127.0.0.1:5/slt_job_1?user=postgres",
        SltOptions.withDatabase("jdbc:postgresql://127.0.0.1:5/postgres?user=postgres", "slt_job_1"));
    assertThrows(IllegalArgumentException.class, () -> SltOptions.withDatabase("postgresql://h/x", "j"));
    assertThrows(IllegalArgumentException.class, () -> SltOptions.withDatabase("jdbc:shale:h/x", "j"));
  }
}
