package io.shaledb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.parse.StatementParser;
import io.shaledb.sql.parse.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementParserTest {

  @Test
  void createTableReadsTypesConstraintsAndDefaults() {
    Stmt.CreateTable ct = (Stmt.CreateTable) StatementParser.parse(
        "create table if not exists public.\"T\" (id int8 primary key, name varchar(10) not null default 'x, y', "
            + "amt numeric(10, 2) default (1 + 2) unique, f double precision, UNIQUE (name, amt));");
    assertEquals("T", ct.spec().name());
    assertTrue(ct.spec().ifNotExists());
    assertEquals(4, ct.spec().columns().size());
    assertEquals(SqlType.of(SqlType.Kind.BIGINT), ct.spec().columns().get(0).type());
    assertTrue(ct.spec().columns().get(0).primaryKey());
    assertEquals(new SqlType(SqlType.Kind.VARCHAR, 10, 0), ct.spec().columns().get(1).type());
    assertEquals("'x, y'", ct.spec().columns().get(1).defaultExpr());
    assertTrue(ct.spec().columns().get(1).notNull());
    assertEquals("(1 + 2)", ct.spec().columns().get(2).defaultExpr());
    assertTrue(ct.spec().columns().get(2).unique());
    assertEquals(SqlType.Kind.DOUBLE, ct.spec().columns().get(3).type().kind());
    assertEquals(List.of(List.of("name", "amt")), ct.spec().uniqueConstraints());
  }

  @Test
  void indexesDropsAndConflictsAreSplitOff() {
    Stmt.CreateIndex ci = (Stmt.CreateIndex) StatementParser.parse("CREATE UNIQUE INDEX i ON t (a DESC, b)");
    assertEquals(List.of("a", "b"), ci.columns());
    assertEquals(List.of(true, false), ci.descending());
    Stmt.DropTable dt = (Stmt.DropTable) StatementParser.parse("DROP TABLE IF EXISTS a, b CASCADE");
    assertEquals(List.of("a", "b"), dt.names());
    Stmt.Insert ins = (Stmt.Insert) StatementParser.parse(
        "INSERT INTO t VALUES (?, 'on conflict') ON CONFLICT (k) DO UPDATE SET v = excluded.v + ?");
    assertEquals("INSERT INTO t VALUES (?, 'on conflict') ", ins.insertSql());
    assertEquals(List.of("k"), ins.conflictColumns());
    assertEquals("v = excluded.v + ?", ins.setClause());
    assertEquals(1, ins.paramsBeforeSet());
    assertTrue(StatementParser.parse("UPSERT INTO t VALUES (1)") instanceof Stmt.Insert u && u.upsert());
    assertTrue(StatementParser.parse("-- hi\nSELECT 1") instanceof Stmt.Calcite);
  }

  @Test
  void syntaxErrorsPointAtTheOffendingToken() {
    SqlError e = assertThrows(SqlError.class, () -> StatementParser.parse("CREATE TABLE t (a INT,, b INT)"));
    assertEquals(SqlState.SYNTAX_ERROR, e.state());
    assertEquals(23, e.position());
    SqlError e2 = assertThrows(SqlError.class, () -> StatementParser.parse("SELECT 'unterminated"));
    assertEquals(SqlState.SYNTAX_ERROR, e2.state());
  }
}
