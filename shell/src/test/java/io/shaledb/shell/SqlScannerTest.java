package io.shaledb.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.shell.SqlScanner.Piece;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScannerTest {
  private static List<String> statements(String text) {
    return SqlScanner.scan(text).pieces().stream().map(Piece::text).toList();
  }

  @Test
  void splitsOnSemicolonsOutsideQuotesAndComments() {
    assertEquals(List.of("SELECT 'a;b'", "SELECT \"x;\"", "SELECT $$;$$", "SELECT 1"),
        statements("SELECT 'a;b'; SELECT \"x;\";\nSELECT $$;$$; -- c;\n/* ; /* ; */ ; */ SELECT 1;"));
  }

  @Test
  void doubledQuotesStayInsideTheLiteral() {
    assertEquals(List.of("SELECT 'it''s;'"), statements("SELECT 'it''s;';"));
  }

  @Test
  void incompleteInputIsReportedAsSuch() {
    assertFalse(SqlScanner.scan("SELECT 1").complete());
    assertFalse(SqlScanner.scan("SELECT ';").complete());
    assertTrue(SqlScanner.scan("SELECT ';").tailOpen());
    assertFalse(SqlScanner.scan("/* SELECT 1;").complete());
    assertTrue(SqlScanner.scan("SELECT 1; -- done").complete());
    assertTrue(SqlScanner.scan("   ").complete());
  }

  @Test
  void backslashCommandsRunToEndOfLineAtStatementStart() {
    var pieces = SqlScanner.scan("\\dt\nSELECT 1; \\d users\nSELECT '\\x';").pieces();
    assertEquals(List.of(
        new Piece(Piece.Kind.BACKSLASH, "\\dt"),
        new Piece(Piece.Kind.STATEMENT, "SELECT 1"),
        new Piece(Piece.Kind.BACKSLASH, "\\d users"),
        new Piece(Piece.Kind.STATEMENT, "SELECT '\\x'")), pieces);
  }

  @Test
  void parameterDollarsAreNotQuotes() {
    assertEquals(List.of("SELECT $1", "SELECT 2"), statements("SELECT $1; SELECT 2;"));
  }

  @Test
  void commandTags() {
    assertEquals("INSERT 0 3", CommandTags.of("insert into t values (1)", 3));
    assertEquals("UPDATE 2", CommandTags.of("-- c\nUPDATE t SET x = 1", 2));
    assertEquals("CREATE TABLE", CommandTags.of("create table t (x int)", 0));
    assertEquals("CREATE INDEX", CommandTags.of("CREATE UNIQUE INDEX i ON t (x)", 0));
    assertEquals("CREATE VIEW", CommandTags.of("CREATE OR REPLACE VIEW v AS SELECT 1", 0));
    assertEquals("DROP TABLE", CommandTags.of("/* x */ DROP TABLE t", 0));
    assertEquals("BEGIN", CommandTags.of("START TRANSACTION", 0));
    assertTrue(CommandTags.isDdl(" alter table t add column y int"));
    assertFalse(CommandTags.isDdl("SELECT 1"));
  }
}
