package io.shaledb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SltFilesTest {
  private static final List<String> ALL = List.of(
      "test/evidence/in1.test",
      "test/index/between/10/slt_good_0.test",
      "test/index/between/100/slt_good_1.test",
      "test/index/commute/10/slt_good_0.test",
      "test/random/expr/slt_good_0.test",
      "test/random/expr/slt_good_12.test",
      "test/random/groupby/slt_good_1.test",
      "test/select1.test",
      "test/select2.test");

  @Test
  void listsOnlyTestResourcesSortedFromAJar(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("h.jar");
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os)) {
      for (String n : List.of("test/select2.test", "META-INF/x.txt", "test/evidence/", "test/evidence/in1.test",
          "test/select1.test", "test/readme.txt", "net/A.class")) {
        j.putNextEntry(new JarEntry(n));
        j.closeEntry();
      }
    }
    assertEquals(List.of("test/evidence/in1.test", "test/select1.test", "test/select2.test"), SltFiles.listJar(jar));
  }

  @Test
  void theHarnessJarHoldsTheWholeSuite() throws IOException {
    List<String> all = SltFiles.listJar(SltFiles.harnessJar());
    assertEquals(622, all.size());
    assertEquals(all.stream().sorted().toList(), all);
    assertEquals(5, SltFiles.select(all, List.of("select"), List.of()).size());
    assertEquals(12, SltFiles.select(all, List.of("evidence"), List.of()).size());
  }

  @Test
  void groupsMatchExactlyOrAsPathPrefix() {
    assertEquals(List.of("test/select1.test", "test/select2.test"), SltFiles.select(ALL, List.of("select"), List.of()));
    assertEquals(3, SltFiles.select(ALL, List.of("index"), List.of()).size());
    assertEquals(2, SltFiles.select(ALL, List.of("index/between"), List.of()).size());
    assertEquals(List.of("test/index/between/10/slt_good_0.test"),
        SltFiles.select(ALL, List.of("index/between/10"), List.of()));
    assertEquals(List.of("test/evidence/in1.test", "test/random/groupby/slt_good_1.test"),
        SltFiles.select(ALL, List.of("random/groupby", "evidence/"), List.of()));
    assertEquals(ALL, SltFiles.select(ALL, List.of(), List.of()));
    assertTrue(SltFiles.select(ALL, List.of("rand"), List.of()).isEmpty(), "a partial segment is not a prefix");
  }

  @Test
  void patternsAreGlobsOrRegexes() {
    assertEquals(List.of("test/select1.test", "test/select2.test"),
        SltFiles.select(ALL, List.of(), List.of("select*.test")));
    assertEquals(List.of("test/random/expr/slt_good_0.test", "test/random/expr/slt_good_12.test"),
        SltFiles.select(ALL, List.of(), List.of("random/expr/*")));
    assertEquals(List.of("test/random/expr/slt_good_12.test"),
        SltFiles.select(ALL, List.of(), List.of("regex:slt_good_1[0-9]")));
    assertEquals(List.of("test/random/expr/slt_good_12.test"), SltFiles.select(ALL, List.of(), List.of("good_12")));
    assertEquals(List.of("test/index/commute/10/slt_good_0.test"),
        SltFiles.select(ALL, List.of("index"), List.of("glob:**/commute/**")));
    assertTrue(SltFiles.pattern("*.test").test("test/select1.test"), "an invalid regex is still a glob");
    assertFalse(SltFiles.pattern("glob:select1").test("test/select1.test"), "globs match whole paths");
  }

  @Test
  void groupOfEachKindOfPath() {
    assertEquals("select", SltFileResult.groupOf("test/select4.test"));
    assertEquals("evidence", SltFileResult.groupOf("test/evidence/in1.test"));
    assertEquals("index/between", SltFileResult.groupOf("test/index/between/10/slt_good_0.test"));
    assertEquals("random/expr", SltFileResult.groupOf("test/random/expr/slt_good_0.test"));
  }
}
