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
}
