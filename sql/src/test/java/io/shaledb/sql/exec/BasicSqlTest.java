package io.shaledb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.sql.StatementResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasicSqlTest extends SqlTestBase {

  @Test
  void createInsertSelectByPrimaryKey() {
    assertEquals("CREATE TABLE", exec("CREATE TABLE kv (k INT PRIMARY KEY, v TEXT)").commandTag());
    StatementResult ins = exec("INSERT INTO kv VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    assertEquals("INSERT 0 3", ins.commandTag());
    assertEquals(3, ins.updateCount());
    assertEquals(List.of(row(2, "two")), rows("SELECT k, v FROM kv WHERE k = 2"));
    assertEquals(List.of(row(1, "one"), row(2, "two"), row(3, "three")), rows("SELECT * FROM kv ORDER BY k"));
    assertEquals(List.of(row("three")), rows("SELECT v FROM kv WHERE k = ?", 3));
    StatementResult sel = exec("SELECT k, v FROM kv WHERE k >= 2");
    assertEquals("SELECT 2", sel.commandTag());
    assertEquals("INT4", sel.columns().get(0).typeName());
    assertEquals("TEXT", sel.columns().get(1).typeName());
    assertEquals("kv", sel.columns().get(0).tableName());
    assertTrue(store.commits() > 0);
  }

  @Test
  void unaliasedExpressionsGetPostgresLabels() {
    exec("CREATE TABLE l (id INT PRIMARY KEY, name TEXT)");
    StatementResult r = exec("SELECT count(*), lower(name), id + 1, name AS n, id, CASE WHEN id > 0 THEN 1 END FROM l GROUP BY name, id");
    assertEquals(List.of("count", "lower", "?column?", "n", "id", "case"),
        r.columns().stream().map(c -> c.name()).toList());
    assertEquals("INT8", r.columns().get(0).typeName());
  }

  @Test
  void charColumnsCompareWithoutTrailingBlanks() {
    exec("CREATE TABLE ch (c CHAR(4) PRIMARY KEY, v INT)");
    exec("INSERT INTO ch VALUES ('ab', 1), ('abc', 2)");
    assertEquals(List.of(row(1)), rows("SELECT v FROM ch WHERE c = 'ab'"));
    assertEquals(List.of(row(2)), rows("SELECT v FROM ch WHERE c = ?", "abc"));
    assertEquals(List.of(row("ab  ")), rows("SELECT c FROM ch WHERE v = 1"));
  }
}
