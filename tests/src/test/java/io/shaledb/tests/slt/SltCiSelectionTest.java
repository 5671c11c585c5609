package io.shaledb.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SltCiSelectionTest {

  @Test
  void takesSelectAndEvidenceThenTheCheapestOfEachGroupThenTheCheapestOverall() {
    Map<String, SltCiSelection.Cost> costs = new LinkedHashMap<>();
    costs.put("test/select1.test", new SltCiSelection.Cost(1000, 31, 250_000));
    costs.put("test/select6.test", new SltCiSelection.Cost(1, 1, 10)); // not one of select1-5
    costs.put("test/evidence/in1.test", new SltCiSelection.Cost(187, 29, 15_000));
    costs.put("test/index/in/10/slt_good_0.test", new SltCiSelection.Cost(10_000, 30, 4_000_000));
    costs.put("test/index/in/10/slt_good_1.test", new SltCiSelection.Cost(10_000, 30, 3_000_000));
    costs.put("test/index/view/10/slt_good_0.test", new SltCiSelection.Cost(0, 0, 0)); // no query: never
    for (int i = 0; i < 50; i++) {
      costs.put("test/random/expr/slt_good_" + i + ".test", new SltCiSelection.Cost(100, 12, 1000 + (i % 10) * 10L));
    }
    List<String> picked = SltCiSelection.select(costs);
    assertTrue(picked.contains("test/select1.test"));
    assertTrue(picked.contains("test/evidence/in1.test"));
    assertTrue(!picked.contains("test/select6.test"));
    assertTrue(!picked.contains("test/index/view/10/slt_good_0.test"));
    // the cheapest index/in file is in although 40 expr files are cheaper
    assertTrue(picked.contains("test/index/in/10/slt_good_1.test"));
    assertTrue(!picked.contains("test/index/in/10/slt_good_0.test"));
    List<String> expr = picked.stream().filter(f -> f.contains("random/expr")).toList();
    assertEquals(SltCiSelection.INDEX_AND_RANDOM_FILES - 1, expr.size());
    // 39 expr files: the five of each cost 1000..1060 (35), then four of the five of cost 1070 by
    // path order (slt_good_17, 27, 37, 47; not slt_good_7)
    assertTrue(expr.contains("test/random/expr/slt_good_0.test"));
    assertTrue(expr.contains("test/random/expr/slt_good_47.test"));
    assertTrue(!expr.contains("test/random/expr/slt_good_7.test"));
    assertTrue(!expr.contains("test/random/expr/slt_good_9.test"));
    assertEquals(picked.stream().sorted().toList(), picked);
  }

  @Test
  void listFilesAcceptPathsWithOrWithoutThePrefixAndComments() {
    assertEquals(List.of("test/select1.test", "test/index/in/10/slt_good_0.test"),
        SltCiSelection.parseList("# c\n\nselect1.test\n  test/index/in/10/slt_good_0.test  \n"));
  }

  /** The checked-in CI list covers every group and holds enough index and random files. */
  @Test
  void theBundledCiListCoversEveryGroup() throws Exception {
    List<String> ci = SltCiSelection.readList("classpath:" + SltOptions.CI_FILES);
    List<String> suite = SltFiles.listJar(SltFiles.harnessJar());
    assertTrue(suite.containsAll(ci), "every listed file is in the suite");
    Set<String> suiteGroups = suite.stream().map(SltFileResult::groupOf).collect(Collectors.toSet());
    Set<String> ciGroups = ci.stream().map(SltFileResult::groupOf).collect(Collectors.toSet());
    assertEquals(suiteGroups, ciGroups);
    for (int i = 1; i <= 5; i++) {
      assertTrue(ci.contains("test/select" + i + ".test"));
    }
    assertTrue(ci.containsAll(suite.stream().filter(f -> f.startsWith("test/evidence/")).toList()));
    long sample = ci.stream().filter(f -> f.startsWith("test/index/") || f.startsWith("test/random/")).count();
    assertTrue(sample >= 40, "index and random files: " + sample);
    assertThrows(java.io.IOException.class, () -> SltCiSelection.readList("classpath:slt/none.txt"));
  }
}
