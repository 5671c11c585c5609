package io.shaledb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Key bounds are never narrower than the predicate, whatever the literal's type. */
class IndexBoundsSqlTest extends SqlTestBase {

  private String plan(String sql, Object... params) {
    StringBuilder b = new StringBuilder();
    for (List<Object> r : rows("EXPLAIN " + sql, params)) {
      b.append(r.get(0)).append('\n');
    }
    return b.toString();
  }

  @Test
  void inexactLiteralsWidenOrDropBounds() {
    exec("CREATE TABLE n (id INT PRIMARY KEY, d DATE)");
    exec("CREATE INDEX n_d ON n (d)");
    exec("INSERT INTO n VALUES (1, DATE '2024-01-01'), (2, DATE '2024-01-02'), (3, DATE '2024-01-03')");
    assertEquals(List.of(row(2), row(3)), rows("SELECT id FROM n WHERE id > 1.5 ORDER BY id"));
    assertEquals(List.of(), rows("SELECT id FROM n WHERE id = 1.5"));
    assertEquals(List.of(row(1), row(2), row(3)), rows("SELECT id FROM n WHERE id < 3000000000 ORDER BY id"));
    assertEquals(List.of(row(1)), rows("SELECT id FROM n WHERE d < TIMESTAMP '2024-01-01 12:00:00'"));
    assertEquals(List.of(row(2), row(3)), rows("SELECT id FROM n WHERE d > TIMESTAMP '2024-01-01 12:00:00' ORDER BY id"));
    assertEquals(List.of(row(2)), rows("SELECT id FROM n WHERE d = ?", "2024-01-02"));
    assertTrue(plan("SELECT id FROM n WHERE d = DATE '2024-01-02'").contains("span scan of n@n_d"));
    assertTrue(plan("SELECT id FROM n WHERE id = 2").contains("point get of n@n_pkey"));
    assertTrue(plan("SELECT id FROM n WHERE id = 2 OR id = 3").contains("n@n_pkey"));
    assertEquals(List.of(row(2), row(3)), rows("SELECT id FROM n WHERE id = 2 OR id = 3 ORDER BY id"));
    assertEquals(List.of(), rows("SELECT id FROM n WHERE id = 1 AND id = 2"));
    assertEquals(List.of(), rows("SELECT id FROM n WHERE id = NULL"));
  }

  @Test
  void compositeKeyPrefixAndRangeWithParameters() {
    exec("CREATE TABLE m (a TEXT, b BIGINT, v INT, PRIMARY KEY (a, b))");
    for (int i = 0; i < 10; i++) {
      exec("INSERT INTO m VALUES (?, ?, ?)", i % 2 == 0 ? "even" : "odd", (long) i, i);
    }
    assertEquals(List.of(row(4), row(6)), rows("SELECT v FROM m WHERE a = ? AND b >= ? AND b <= ? ORDER BY b",
        "even", 3, 7));
    String p = plan("SELECT v FROM m WHERE a = ? AND b > ?", "odd", 5L);
    assertTrue(p.contains("span scan of m@m_pkey"), p);
    assertEquals(List.of(row(7), row(9)), rows("SELECT v FROM m WHERE a = ? AND b > ? ORDER BY v", "odd", 5L));
  }
}
