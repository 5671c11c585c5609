package io.shaledb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.sql.ColumnMeta;
import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.PreparedInfo;
import io.shaledb.sql.Session;
import io.shaledb.sql.SqlEngine;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.StatementResult;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionBehaviourTest extends SqlTestBase {

  @Test
  void catalogAndRowsSurviveANewEngineOnTheSameStore() {
    exec("CREATE TABLE t (id BIGINT PRIMARY KEY, v TEXT)");
    exec("CREATE INDEX t_v ON t (v)");
    exec("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
    try (SqlEngine second = SqlEngine.create(store); Session s2 = second.openSession("defaultdb", "root")) {
      StatementResult r = s2.execute("SELECT id FROM t WHERE v = 'b'", List.of(), ExecOptions.DEFAULT);
      assertEquals(1, r.rows().size());
      assertEquals(2L, r.rows().get(0)[0]);
      s2.execute("INSERT INTO t VALUES (3, 'c')", List.of(), ExecOptions.DEFAULT);
    }
    assertEquals(List.of(row(3L)), rows("SELECT count(*) FROM t"));
  }

  @Test
  void unknownDatabaseIs3D000AndUseSwitchesDatabase() {
    SqlError e = assertThrows(SqlError.class, () -> engine.openSession("nope", "root"));
    assertEquals(SqlState.INVALID_CATALOG_NAME, e.state());
    exec("CREATE DATABASE other");
    exec("USE other");
    assertEquals("other", s.database());
    exec("CREATE TABLE only_here (x INT)");
    exec("SET DATABASE = defaultdb");
    fails(SqlState.UNDEFINED_TABLE, "SELECT * FROM only_here");
    fails(SqlState.INVALID_CATALOG_NAME, "USE missing");
    assertEquals(List.of(row("defaultdb")), rows("SHOW database"));
  }

  @Test
  void preparedStatementsAreNotParsedAgainWhenReExecuted() {
    exec("CREATE TABLE reparse (id INT PRIMARY KEY, v INT)");
    PreparedInfo ins = s.prepare("INSERT INTO reparse VALUES (?, ?)");
    PreparedInfo sel = s.prepare("SELECT v FROM reparse WHERE id = ?");
    PreparedInfo upd = s.prepare("UPDATE reparse SET v = v + ? WHERE id = ?");
    PreparedInfo del = s.prepare("DELETE FROM reparse WHERE id = ?");
    // First executions may plan (a plan-cache miss parses afresh for Calcite's validator).
    s.executePrepared(ins.statementId(), List.of(0, 0), ExecOptions.DEFAULT);
    s.executePrepared(sel.statementId(), List.of(0), ExecOptions.DEFAULT);
    s.executePrepared(upd.statementId(), List.of(1, 0), ExecOptions.DEFAULT);
    s.executePrepared(del.statementId(), List.of(0), ExecOptions.DEFAULT);
    long before = io.shaledb.sql.parse.CalciteParsing.parseCount();
    for (int i = 1; i <= 5; i++) {
      s.executePrepared(ins.statementId(), List.of(i, i), ExecOptions.DEFAULT);
      s.executePrepared(upd.statementId(), List.of(10, i), ExecOptions.DEFAULT);
      StatementResult r = s.executePrepared(sel.statementId(), List.of(i), ExecOptions.DEFAULT);
      assertEquals(List.of(row(i + 10)), r.rows().stream().map(x -> row((Object[]) x)).toList());
    }
    s.executePrepared(del.statementId(), List.of(3), ExecOptions.DEFAULT);
    assertEquals(0, io.shaledb.sql.parse.CalciteParsing.parseCount() - before, "Calcite parses during re-execution");
    assertEquals(List.of(row(4L)), rows("SELECT count(*) FROM reparse"));
  }

  @Test
  void preparedStatementsRebindWithoutReplanning() {
    exec("CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(10), price DECIMAL(6,2))");
    PreparedInfo ins = s.prepare("INSERT INTO p VALUES (?, ?, ?)");
    assertEquals(3, ins.params().size());
    assertEquals(List.of(Types.INTEGER, Types.VARCHAR, Types.NUMERIC),
        ins.params().stream().map(ColumnMeta::jdbcType).toList());
    assertEquals(List.of(), ins.columns());
    PreparedInfo setName = s.prepare("UPDATE p SET name = ? WHERE id = ?");
    assertEquals(List.of(Types.VARCHAR, Types.INTEGER),
        setName.params().stream().map(ColumnMeta::jdbcType).toList());
    long[] counts = s.executeBatch(ins.statementId(),
        List.of(List.of(1, "a", new BigDecimal("1.50")), List.of(2L, "b", 2.25), List.of("3", "c", "3")));
    assertArrayEquals(new long[] {1, 1, 1}, counts);
    PreparedInfo q = s.prepare("SELECT name, price FROM p WHERE id = ?");
    assertEquals(1, q.params().size());
    assertEquals(Types.INTEGER, q.params().get(0).jdbcType());
    assertEquals(List.of("name", "price"), q.columns().stream().map(ColumnMeta::name).toList());
    assertEquals("NUMERIC", q.columns().get(1).typeName());
    assertEquals(6, q.columns().get(1).precision());
    assertEquals(2, q.columns().get(1).scale());
    for (int i = 1; i <= 3; i++) {
      StatementResult r = s.executePrepared(q.statementId(), List.of(i), ExecOptions.DEFAULT);
      assertEquals(1, r.rows().size());
    }
    StatementResult r = s.executePrepared(q.statementId(), List.of(2), ExecOptions.DEFAULT);
    assertEquals("b", r.rows().get(0)[0]);
    assertEquals(ExecOptions.DEFAULT.maxRows(), 0);
    assertEquals(new BigDecimal("2.25"), r.rows().get(0)[1]);
    s.executePrepared(setName.statementId(), List.of("bb", 2), ExecOptions.DEFAULT);
    assertEquals(List.of(row("bb")), rows("SELECT name FROM p WHERE id = 2"));
    PreparedInfo upd = s.prepare("UPDATE p SET price = price + ? WHERE id = ?");
    s.executePrepared(upd.statementId(), List.of(new BigDecimal("1.00"), 3), ExecOptions.DEFAULT);
    assertEquals(List.of(row(new BigDecimal("4.00"))), rows("SELECT price FROM p WHERE id = 3"));
    PreparedInfo del = s.prepare("DELETE FROM p WHERE id > ?");
    assertEquals(2, s.executePrepared(del.statementId(), List.of(1), ExecOptions.DEFAULT).updateCount());
    s.closePrepared(del.statementId());
    SqlError e = assertThrows(SqlError.class,
        () -> s.executePrepared(del.statementId(), List.of(1), ExecOptions.DEFAULT));
    assertEquals(SqlState.INVALID_PARAMETER_VALUE, e.state());
  }

  @Test
  void preparedQueryIsReplannedAfterSchemaChange() {
    exec("CREATE TABLE r (id INT PRIMARY KEY, v INT)");
    exec("INSERT INTO r VALUES (1, 10)");
    PreparedInfo q = s.prepare("SELECT * FROM r WHERE id = ?");
    exec("CREATE INDEX r_v ON r (v)");
    exec("DROP TABLE r");
    exec("CREATE TABLE r (id INT PRIMARY KEY, v INT, w INT)");
    exec("INSERT INTO r VALUES (1, 10, 100)");
    StatementResult res = s.executePrepared(q.statementId(), List.of(1), ExecOptions.DEFAULT);
    assertEquals(3, res.columns().size());
    assertEquals(List.of(1, 10, 100), List.of(res.rows().get(0)));
  }

  @Test
  void retriesRestartedStatementsThenReports40001() {
    exec("CREATE TABLE c (id INT PRIMARY KEY)");
    store.failNextCommits(3);
    assertEquals(1, exec("INSERT INTO c VALUES (1)").updateCount());
    assertEquals(List.of(row(1L)), rows("SELECT count(*) FROM c"));
    store.failNextCommits(1000);
    SqlError e = fails(SqlState.SERIALIZATION_FAILURE, "INSERT INTO c VALUES (2)");
    assertTrue(e.getMessage().startsWith("restart transaction:"), e.getMessage());
    store.failNextCommits(0);
    assertEquals(List.of(row(1L)), rows("SELECT count(*) FROM c"));
  }

  @Test
  void failedStatementIsAtomicAndSessionKeepsWorking() {
    exec("CREATE TABLE a (id INT PRIMARY KEY)");
    exec("INSERT INTO a VALUES (1)");
    fails(SqlState.UNIQUE_VIOLATION, "INSERT INTO a VALUES (2), (3), (1)");
    assertEquals(List.of(row(1)), rows("SELECT id FROM a"));
    fails(SqlState.SYNTAX_ERROR, "SELECT FROM WHERE");
    fails(SqlState.FEATURE_NOT_SUPPORTED, "START TRANSACTION");
    assertEquals("COMMIT", exec("COMMIT").commandTag());
    assertEquals(List.of(row(1)), rows("SELECT id FROM a"));
  }

  @Test
  void syntaxErrorsCarryOneBasedPositions() {
    SqlError e = fails(SqlState.SYNTAX_ERROR, "SELECT 1 FROM");
    assertTrue(e.position() >= 10, "position " + e.position());
    SqlError e2 = fails(SqlState.SYNTAX_ERROR, "SELECT * FROM t WHERE x = = 1");
    assertEquals(25, e2.position());
    exec("CREATE TABLE q (id INT PRIMARY KEY)");
    SqlError e3 = fails(SqlState.UNDEFINED_COLUMN, "SELECT id, nope FROM q");
    assertEquals(12, e3.position());
  }

  @Test
  void generatedKeysMaxRowsAndHiddenRowId() {
    exec("CREATE TABLE h (v TEXT)");
    StatementResult r = s.execute("INSERT INTO h VALUES ('x'), ('y')", List.of(), new ExecOptions(0, true));
    assertEquals(2, r.generatedKeys().size());
    assertEquals("rowid", r.generatedKeyColumns().get(0).name());
    assertTrue(r.generatedKeys().get(0)[0] instanceof Long);
    assertEquals(List.of("v"), exec("SELECT * FROM h").columns().stream().map(ColumnMeta::name).toList());
    StatementResult limited = s.execute("SELECT v FROM h ORDER BY v", List.of(), new ExecOptions(1, false));
    assertEquals(1, limited.rows().size());
    assertEquals(2, exec("UPDATE h SET v = v || '!'").updateCount());
    assertEquals(List.of(row("x!"), row("y!")), rows("SELECT v FROM h ORDER BY v"));
    assertEquals(1, exec("DELETE FROM h WHERE v = 'x!'").updateCount());
    assertEquals(List.of(row("y!")), rows("SELECT v FROM h"));
  }

  @Test
  void valuesComeBackInCanonicalJavaTypes() {
    exec("CREATE TABLE v (s SMALLINT PRIMARY KEY, b BIGINT, r REAL, d DOUBLE, n NUMERIC(5,1), da DATE, ts TIMESTAMP, bin BYTEA)");
    s.execute("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        List.of(1, 2L, 1.5f, 2.5, new BigDecimal("3.5"), LocalDate.of(2024, 1, 2),
            LocalDateTime.of(2024, 1, 2, 3, 4, 5), new byte[] {1, 2}), ExecOptions.DEFAULT);
    Object[] row = exec("SELECT * FROM v").rows().get(0);
    assertEquals(1, row[0]);
    assertEquals(2L, row[1]);
    assertEquals(1.5f, row[2]);
    assertEquals(2.5, row[3]);
    assertEquals(new BigDecimal("3.5"), row[4]);
    assertEquals(LocalDate.of(2024, 1, 2), row[5]);
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), row[6]);
    assertArrayEquals(new byte[] {1, 2}, (byte[]) row[7]);
    StatementResult r = exec("SELECT s, bin FROM v WHERE da = ? AND ts >= ?", LocalDate.of(2024, 1, 2), "2024-01-01 00:00:00");
    assertEquals(1, r.rows().size());
    assertEquals("INT2", r.columns().get(0).typeName());
    assertEquals("BYTEA", r.columns().get(1).typeName());
  }

  @Test
  void paramsInRangePredicatesUseBoundsAtExecution() {
    exec("CREATE TABLE g (id INT PRIMARY KEY, v INT)");
    for (int i = 0; i < 20; i++) {
      exec("INSERT INTO g VALUES (?, ?)", i, i * 10);
    }
    PreparedInfo q = s.prepare("SELECT count(*) FROM g WHERE id >= ? AND id < ?");
    assertEquals(5L, s.executePrepared(q.statementId(), List.of(5, 10), ExecOptions.DEFAULT).rows().get(0)[0]);
    assertEquals(20L, s.executePrepared(q.statementId(), List.of(-5, 100), ExecOptions.DEFAULT).rows().get(0)[0]);
    List<List<Object>> explain = rows("EXPLAIN SELECT * FROM g WHERE id = ?", 7);
    assertTrue(explain.toString().contains("point get of g@g_pkey spans: /Table/"), explain.toString());
    List<List<Object>> unbound = rows("EXPLAIN SELECT * FROM g WHERE id > ?");
    assertTrue(unbound.toString().contains("(depends on parameters)"), unbound.toString());
  }

  @Test
  void divisionByZeroAndOverflowAreDataErrors() {
    exec("CREATE TABLE z (id INT PRIMARY KEY, n NUMERIC(5,2), i INT)");
    exec("INSERT INTO z VALUES (1, 0, 0)");
    fails(SqlState.DIVISION_BY_ZERO, "SELECT 10 / i FROM z");
    fails(SqlState.DIVISION_BY_ZERO, "SELECT 1.5 / n FROM z");
    fails(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "INSERT INTO z VALUES (2, 12345.6, 0)");
    fails(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "UPDATE z SET i = 2147483647 + 1 WHERE id = 1");
  }

  @Test
  void updateKeepsSecondaryIndexOnSubMillisecondTimestampsConsistent() {
    exec("CREATE TABLE ev (id INT PRIMARY KEY, at TIMESTAMP, n INT)".replace(" at ", " ts "));
    exec("CREATE INDEX ev_ts ON ev (ts)");
    LocalDateTime t = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000);
    exec("INSERT INTO ev VALUES (1, ?, 0)", t);
    exec("UPDATE ev SET n = n + 1 WHERE id = 1");
    exec("UPDATE ev SET ts = ? WHERE id = 1", t.plusDays(1));
    assertEquals(List.of(), rows("SELECT id FROM ev WHERE ts < ?", t.plusHours(1)));
    assertEquals(List.of(row(1, 1)), rows("SELECT id, n FROM ev WHERE ts > ?", t));
    exec("DELETE FROM ev WHERE id = 1");
    assertEquals(List.of(), rows("SELECT id FROM ev WHERE ts > ?", t));
  }

  @Test
  void onConflictWithParametersInValuesAndSetClause() {
    exec("CREATE TABLE cnt (k TEXT PRIMARY KEY, n INT)");
    PreparedInfo up = s.prepare("INSERT INTO cnt VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET n = cnt.n + ? * excluded.n");
    assertEquals(3, up.params().size());
    s.executePrepared(up.statementId(), List.of("a", 1, 10), ExecOptions.DEFAULT);
    s.executePrepared(up.statementId(), List.of("a", 2, 10), ExecOptions.DEFAULT);
    s.executePrepared(up.statementId(), List.of("b", 5, 10), ExecOptions.DEFAULT);
    assertEquals(List.of(row("a", 21), row("b", 5)), rows("SELECT k, n FROM cnt ORDER BY k"));
    StatementResult r = s.execute("UPSERT INTO cnt VALUES ('a', 0), ('c', 3)", List.of(), new ExecOptions(0, true));
    assertEquals(2, r.updateCount());
    assertEquals(List.of("a", "c"), r.generatedKeys().stream().map(k -> (String) k[0]).toList());
  }

  @Test
  void returningGivesRowsAndKeepsTheCommandTag() {
    exec("CREATE TABLE ret (id INT PRIMARY KEY, v TEXT DEFAULT 'd')");
    StatementResult r = exec("INSERT INTO ret (id) VALUES (?), (?) RETURNING id, v", 1, 2);
    assertTrue(r.hasRows());
    assertEquals("INSERT 0 2", r.commandTag());
    assertEquals(List.of("id", "v"), r.columns().stream().map(ColumnMeta::name).toList());
    assertEquals(List.of(List.of(1, "d"), List.of(2, "d")), r.rows().stream().map(List::of).toList());
    StatementResult d = exec("DELETE FROM ret WHERE id = 2 RETURNING *");
    assertEquals("DELETE 1", d.commandTag());
    assertEquals(1, d.rows().size());
  }
}
