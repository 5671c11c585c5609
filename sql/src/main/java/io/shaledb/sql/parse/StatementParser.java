package io.shaledb.sql.parse;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.catalog.ColumnSpec;
import io.shaledb.sql.catalog.SqlType;
import io.shaledb.sql.catalog.TableSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The front end before Calcite: recognises the statements Calcite's grammar lacks (PostgreSQL
 * style DDL, SHOW/SET/USE, transaction control, EXPLAIN, UPSERT and ON CONFLICT) with a
 * tokenizer that respects quotes, strings and comments, and passes everything else to Calcite.
 * Pure; thread-safe.
 */
public final class StatementParser {
  private final String sql;
  private final List<Token> toks;
  private int pos;

  private StatementParser(String sql) {
    this.sql = sql;
    this.toks = new ArrayList<>(Tokenizer.tokenize(sql));
  }

  /** Classifies one statement (a trailing semicolon is allowed). */
  public static Stmt parse(String sql) {
    StatementParser p = new StatementParser(sql);
    Stmt returning = p.returning();
    return returning != null ? returning : p.statement();
  }

  /** Splits off a RETURNING clause of a data-changing statement, or returns null. */
  private Stmt returning() {
    if (toks.isEmpty() || !(toks.get(0).is("insert") || toks.get(0).is("upsert") || toks.get(0).is("update")
        || toks.get(0).is("delete"))) {
      return null;
    }
    int depth = 0;
    for (int i = 0; i < toks.size(); i++) {
      Token t = toks.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.is("returning")) {
        List<String> cols = new ArrayList<>();
        pos = i + 1;
        if (acceptSymbol("*")) {
          acceptSymbol(";");
          end();
        } else {
          do {
            cols.add(ident());
          } while (acceptSymbol(","));
          acceptSymbol(";");
          end();
        }
        return new Stmt.Returning(parse(sql.substring(0, t.start())), cols);
      }
    }
    return null;
  }

  private Stmt statement() {
    int n = toks.size();
    if (n > 0 && toks.get(n - 1).isSymbol(";")) {
      toks.remove(n - 1);
    }
    if (toks.isEmpty()) {
      throw new SqlError(SqlState.SYNTAX_ERROR, "empty statement");
    }
    Token first = toks.get(0);
    if (first.is("begin") || first.is("start") || first.is("commit") || first.is("end")
        || first.is("rollback") || first.is("savepoint") || first.is("release") || first.is("abort")) {
      String v = first.text();
      if (v.equals("start")) {
        v = "begin";
      } else if (v.equals("end")) {
        v = "commit";
      } else if (v.equals("abort")) {
        v = "rollback";
      }
      if (v.equals("rollback") && toks.size() > 1 && (toks.get(1).is("to"))) {
        v = "savepoint";
      }
      return new Stmt.TxnControl(v);
    }
    if (first.is("explain")) {
      int at = 1;
      while (at < toks.size() && (toks.get(at).is("analyze") || toks.get(at).is("verbose"))) {
        at++;
      }
      if (at >= toks.size()) {
        throw err("EXPLAIN needs a statement", first);
      }
      int off = toks.get(at).start();
      return new Stmt.Explain(sql.substring(off), off);
    }
    if (first.is("use")) {
      pos = 1;
      String name = ident();
      end();
      return new Stmt.UseDatabase(name);
    }
    if (first.is("set")) {
      return set();
    }
    if (first.is("show")) {
      return show();
    }
    if (first.is("create")) {
      return create();
    }
    if (first.is("drop")) {
      return drop();
    }
    if (first.is("upsert")) {
      int paramsBefore = 0;
      String rewritten = "INSERT" + sql.substring(first.end(), endOfStatement());
      return new Stmt.Insert(ReservedWordQuoter.quote(rewritten), List.of(), false, null, 0, paramsBefore, true);
    }
    if (first.is("replace") && toks.size() > 1 && toks.get(1).is("into")) {
      // SQLite's REPLACE INTO: an upsert (replaces the row with the same primary key)
      return new Stmt.Insert(ReservedWordQuoter.quote("INSERT" + sql.substring(first.end(), endOfStatement())),
          List.of(), false, null, 0, 0, true);
    }
    if (first.is("insert") && toks.size() > 3 && toks.get(1).is("or") && toks.get(2).is("replace")
        && toks.get(3).is("into")) {
      // SQLite's INSERT OR REPLACE INTO: an upsert, as REPLACE INTO
      return new Stmt.Insert(ReservedWordQuoter.quote("INSERT" + sql.substring(toks.get(2).end(), endOfStatement())),
          List.of(), false, null, 0, 0, true);
    }
    if (first.is("insert")) {
      return insert();
    }
    if (first.is("reindex")) {
      return reindex();
    }
    if (first.is("truncate")) {
      pos = 1;
      accept("table");
      String name = qualifiedName();
      accept("cascade");
      accept("restrict");
      end();
      return new Stmt.Calcite("DELETE FROM \"" + name.replace("\"", "\"\"") + "\"");
    }
    if (first.is("update")) {
      return new Stmt.Calcite(ReservedWordQuoter.quote(markDefaults(sql.substring(0, endOfStatement()))));
    }
    return new Stmt.Calcite(ReservedWordQuoter.quote(sql.substring(0, endOfStatement())));
  }

  /** Name of the function call that stands for the DEFAULT keyword in UPDATE ... SET c = DEFAULT. */
  public static final String DEFAULT_MARKER = "$default";

  /** Rewrites {@code = DEFAULT} (which Calcite cannot parse in SET) into a marker call. */
  private String markDefaults(String text) {
    StringBuilder b = new StringBuilder();
    int copied = 0;
    for (int i = 1; i < toks.size(); i++) {
      Token t = toks.get(i);
      if (t.is("default") && toks.get(i - 1).isSymbol("=") && t.end() <= text.length()) {
        b.append(text, copied, t.start()).append('"').append(DEFAULT_MARKER).append("\"()");
        copied = t.end();
      }
    }
    b.append(text.substring(copied));
    return b.toString();
  }

  /**
   * REINDEX [INDEX | TABLE] [CONCURRENTLY] name (PostgreSQL), REINDEX name (SQLite: an index or a
   * table), or a bare REINDEX / REINDEX DATABASE|SYSTEM [name].
   */
  private Stmt reindex() {
    pos = 1;
    String kind = accept("index") ? "index" : accept("table") ? "table"
        : accept("database") || accept("system") ? "database" : null;
    accept("concurrently");
    String name = pos < toks.size() ? qualifiedName() : null;
    end();
    return new Stmt.Reindex(kind, name);
  }

  private int endOfStatement() {
    return toks.get(toks.size() - 1).end();
  }

  private Stmt insert() {
    int depth = 0;
    for (int i = 0; i < toks.size(); i++) {
      Token t = toks.get(i);
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      } else if (depth == 0 && t.is("on") && i + 1 < toks.size() && toks.get(i + 1).is("conflict")) {
        String insertSql = sql.substring(0, t.start());
        pos = i + 2;
        List<String> cols = new ArrayList<>();
        if (peekSymbol("(")) {
          cols = identList();
        }
        if (peek("on") && pos + 1 < toks.size() && toks.get(pos + 1).is("constraint")) {
          throw err("ON CONFLICT ON CONSTRAINT is not supported; name the columns instead",
              toks.get(pos), SqlState.FEATURE_NOT_SUPPORTED);
        }
        expect("do");
        if (accept("nothing")) {
          end();
          return new Stmt.Insert(ReservedWordQuoter.quote(insertSql), cols, true, null, 0, 0, false);
        }
        expect("update");
        expect("set");
        if (pos >= toks.size()) {
          throw err("DO UPDATE SET needs assignments", toks.get(pos - 1));
        }
        int setStart = toks.get(pos).start();
        int params = 0;
        for (int k = 0; k < pos; k++) {
          if (toks.get(k).kind() == Token.Kind.PARAM) {
            params++;
          }
        }
        return new Stmt.Insert(ReservedWordQuoter.quote(insertSql), cols, false,
            ReservedWordQuoter.quote(sql.substring(setStart, endOfStatement())), setStart, params, false);
      }
    }
    return new Stmt.Insert(ReservedWordQuoter.quote(sql.substring(0, endOfStatement())), List.of(), false, null,
        0, 0, false);
  }

  private Stmt set() {
    pos = 1;
    accept("session");
    accept("local");
    String name = ident();
    if (!acceptSymbol("=")) {
      expect("to");
    }
    StringBuilder v = new StringBuilder();
    while (pos < toks.size()) {
      Token t = toks.get(pos++);
      if (v.length() > 0) {
        v.append(t.isSymbol(",") || (pos >= 2 && toks.get(pos - 2).isSymbol(",")) ? "" : " ");
      }
      v.append(t.text());
    }
    if (v.length() == 0) {
      throw err("SET needs a value", toks.get(toks.size() - 1));
    }
    if (name.equals("database")) {
      return new Stmt.UseDatabase(v.toString());
    }
    return new Stmt.SetVar(name, v.toString());
  }

  private Stmt show() {
    pos = 1;
    if (accept("tables")) {
      end();
      return new Stmt.ShowTables();
    }
    if (accept("databases")) {
      end();
      return new Stmt.ShowDatabases();
    }
    if (accept("columns")) {
      if (!accept("from")) {
        expect("in");
      }
      String t = qualifiedName();
      end();
      return new Stmt.ShowColumns(t);
    }
    if (accept("transaction")) {
      expect("isolation");
      expect("level");
      end();
      return new Stmt.ShowVar("transaction_isolation");
    }
    String name = ident();
    end();
    return new Stmt.ShowVar(name);
  }

  private Stmt create() {
    pos = 1;
    boolean orReplace = false;
    if (accept("or")) {
      expect("replace");
      orReplace = true;
    }
    if (accept("database")) {
      boolean ine = ifNotExists();
      String name = ident();
      end();
      return new Stmt.CreateDatabase(name, ine);
    }
    if (accept("view")) {
      String name = qualifiedName();
      List<String> cols = peekSymbol("(") ? identList() : List.of();
      expect("as");
      if (pos >= toks.size()) {
        throw err("CREATE VIEW needs a query", toks.get(pos - 1));
      }
      int off = toks.get(pos).start();
      return new Stmt.CreateView(name, orReplace, cols,
          ReservedWordQuoter.quote(sql.substring(off, endOfStatement())), off);
    }
    boolean unique = accept("unique");
    if (accept("index")) {
      boolean ine = ifNotExists();
      String name = peek("on") ? null : ident();
      expect("on");
      String table = qualifiedName();
      expectSymbol("(");
      List<String> cols = new ArrayList<>();
      List<Boolean> desc = new ArrayList<>();
      do {
        cols.add(ident());
        if (accept("desc")) {
          desc.add(true);
        } else {
          accept("asc");
          desc.add(false);
        }
      } while (acceptSymbol(","));
      expectSymbol(")");
      end();
      if (name == null) {
        name = table + "_" + String.join("_", cols) + "_idx";
      }
      return new Stmt.CreateIndex(name, table, unique, ine, cols, desc);
    }
    if (unique || orReplace) {
      throw err("expected INDEX or VIEW", cur());
    }
    if (accept("table")) {
      return createTable();
    }
    return new Stmt.Calcite(sql.substring(0, endOfStatement()));
  }

  private Stmt createTable() {
    boolean ine = ifNotExists();
    String name = qualifiedName();
    expectSymbol("(");
    List<ColumnSpec> cols = new ArrayList<>();
    List<String> pk = new ArrayList<>();
    List<List<String>> uniques = new ArrayList<>();
    do {
      if (accept("constraint")) {
        ident();
      }
      if (accept("primary")) {
        expect("key");
        if (!pk.isEmpty()) {
          throw err("multiple primary keys for table \"" + name + "\" are not allowed", toks.get(pos - 1),
              SqlState.INVALID_TABLE_DEFINITION);
        }
        pk.addAll(identList());
      } else if (accept("unique")) {
        uniques.add(identList());
      } else if (peek("check") || peek("foreign")) {
        throw err(cur().text().toUpperCase() + " constraints are not supported yet", cur(),
            SqlState.FEATURE_NOT_SUPPORTED);
      } else {
        cols.add(column());
      }
    } while (acceptSymbol(","));
    expectSymbol(")");
    end();
    return new Stmt.CreateTable(new TableSpec(name, cols, pk, uniques, ine));
  }

  private ColumnSpec column() {
    String name = ident();
    SqlType type = type();
    boolean notNull = false;
    boolean primary = false;
    boolean unique = false;
    String def = null;
    while (pos < toks.size() && !peekSymbol(",") && !peekSymbol(")")) {
      if (accept("not")) {
        expect("null");
        notNull = true;
      } else if (accept("null")) {
        notNull = false;
      } else if (accept("primary")) {
        expect("key");
        primary = true;
      } else if (accept("unique")) {
        unique = true;
      } else if (accept("constraint")) {
        ident();
      } else if (accept("default")) {
        int startTok = pos;
        int depth = 0;
        while (pos < toks.size()) {
          Token t = toks.get(pos);
          if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")") || t.is("not") || t.is("null") && pos > startTok
              || t.is("primary") || t.is("unique") || t.is("constraint") || t.is("references")
              || t.is("check"))) {
            break;
          }
          if (t.isSymbol("(")) {
            depth++;
          } else if (t.isSymbol(")")) {
            depth--;
          }
          pos++;
        }
        if (pos == startTok) {
          throw err("DEFAULT needs an expression", cur());
        }
        def = sql.substring(toks.get(startTok).start(), toks.get(pos - 1).end());
      } else if (peek("references") || peek("check")) {
        throw err(cur().text().toUpperCase() + " constraints are not supported yet", cur(),
            SqlState.FEATURE_NOT_SUPPORTED);
      } else {
        throw err("unexpected \"" + cur().text() + "\" in column definition", cur());
      }
    }
    return new ColumnSpec(name, type, notNull || primary, def, primary, unique);
  }

  private SqlType type() {
    Token t = cur();
    if (t.kind() != Token.Kind.WORD) {
      throw err("expected a type name", t);
    }
    pos++;
    String w = t.text();
    SqlType.Kind kind;
    switch (w) {
      case "smallint", "int2" -> kind = SqlType.Kind.SMALLINT;
      case "int", "integer", "int4" -> kind = SqlType.Kind.INTEGER;
      case "bigint", "int8", "int64" -> kind = SqlType.Kind.BIGINT;
      case "decimal", "numeric", "dec" -> kind = SqlType.Kind.DECIMAL;
      case "real", "float4" -> kind = SqlType.Kind.REAL;
      case "float", "float8" -> kind = SqlType.Kind.DOUBLE;
      case "double" -> {
        accept("precision");
        kind = SqlType.Kind.DOUBLE;
      }
      case "varchar" -> kind = SqlType.Kind.VARCHAR;
      case "character", "char" -> kind = accept("varying") ? SqlType.Kind.VARCHAR : SqlType.Kind.CHAR;
      case "bpchar" -> kind = SqlType.Kind.CHAR;
      case "text", "string" -> kind = SqlType.Kind.TEXT;
      case "boolean", "bool" -> kind = SqlType.Kind.BOOLEAN;
      case "date" -> kind = SqlType.Kind.DATE;
      case "timestamp" -> {
        kind = SqlType.Kind.TIMESTAMP;
        if (accept("without")) {
          expect("time");
          expect("zone");
        }
      }
      case "bytes", "bytea", "blob" -> kind = SqlType.Kind.BYTEA;
      default -> throw err("type \"" + w + "\" does not exist", t, SqlState.UNDEFINED_OBJECT);
    }
    int p = 0;
    int s = 0;
    if (acceptSymbol("(")) {
      p = number();
      if (acceptSymbol(",")) {
        s = number();
      }
      expectSymbol(")");
      if (kind == SqlType.Kind.TIMESTAMP || kind == SqlType.Kind.DOUBLE && w.equals("float")) {
        p = 0; // fractional-second / float precision is accepted and ignored
      } else if (kind != SqlType.Kind.DECIMAL && kind != SqlType.Kind.VARCHAR && kind != SqlType.Kind.CHAR) {
        throw err("type " + w + " takes no length", t);
      }
      if (kind == SqlType.Kind.DECIMAL && (p < 1 || p > 38 || s > p)) {
        throw err("NUMERIC precision " + p + " must be between 1 and 38 and scale at most the precision", t,
            SqlState.INVALID_PARAMETER_VALUE);
      }
    }
    if (kind == SqlType.Kind.CHAR && p == 0) {
      p = 1;
    }
    if (kind == SqlType.Kind.TIMESTAMP && accept("without")) {
      expect("time");
      expect("zone");
    }
    return new SqlType(kind, p, s);
  }

  private Stmt drop() {
    pos = 1;
    if (accept("database")) {
      boolean ie = ifExists();
      String name = ident();
      accept("cascade");
      end();
      return new Stmt.DropDatabase(name, ie);
    }
    if (accept("index")) {
      boolean ie = ifExists();
      String name = qualifiedName();
      if (acceptSymbol("@")) {
        name = ident();
      }
      accept("cascade");
      accept("restrict");
      end();
      return new Stmt.DropIndex(name, ie);
    }
    boolean view = accept("view");
    if (!view) {
      expect("table");
    }
    boolean ie = ifExists();
    List<String> names = new ArrayList<>();
    do {
      names.add(qualifiedName());
    } while (acceptSymbol(","));
    if (!accept("cascade")) {
      accept("restrict");
    }
    end();
    return new Stmt.DropTable(names, ie, view);
  }

  // ---- token helpers ----

  private boolean ifNotExists() {
    if (accept("if")) {
      expect("not");
      expect("exists");
      return true;
    }
    return false;
  }

  private boolean ifExists() {
    if (accept("if")) {
      expect("exists");
      return true;
    }
    return false;
  }

  private List<String> identList() {
    expectSymbol("(");
    List<String> out = new ArrayList<>();
    do {
      out.add(ident());
    } while (acceptSymbol(","));
    expectSymbol(")");
    return out;
  }

  /** A name optionally qualified by "public." (the only schema). */
  private String qualifiedName() {
    String n = ident();
    if (acceptSymbol(".")) {
      String second = ident();
      if (!n.equals("public")) {
        throw new SqlError(SqlState.INVALID_SCHEMA_NAME, "schema \"" + n + "\" does not exist");
      }
      return second;
    }
    return n;
  }

  private String ident() {
    Token t = cur();
    if (!t.isIdentifier()) {
      throw err("expected a name but found \"" + t.text() + "\"", t);
    }
    pos++;
    return t.text();
  }

  private int number() {
    Token t = cur();
    if (t.kind() != Token.Kind.NUMBER) {
      throw err("expected a number", t);
    }
    pos++;
    try {
      return Integer.parseInt(t.text());
    } catch (NumberFormatException e) {
      throw err("expected an integer", t);
    }
  }

  private Token cur() {
    if (pos >= toks.size()) {
      Token last = toks.get(toks.size() - 1);
      return new Token(Token.Kind.SYMBOL, "end of input", last.end(), last.end());
    }
    return toks.get(pos);
  }

  private boolean peek(String w) {
    return pos < toks.size() && toks.get(pos).is(w);
  }

  private boolean peekSymbol(String s) {
    return pos < toks.size() && toks.get(pos).isSymbol(s);
  }

  private boolean accept(String w) {
    if (peek(w)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String s) {
    if (peekSymbol(s)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String w) {
    if (!accept(w)) {
      throw err("expected " + w.toUpperCase() + " but found \"" + cur().text() + "\"", cur());
    }
  }

  private void expectSymbol(String s) {
    if (!acceptSymbol(s)) {
      throw err("expected \"" + s + "\" but found \"" + cur().text() + "\"", cur());
    }
  }

  private void end() {
    if (pos < toks.size()) {
      throw err("unexpected \"" + cur().text() + "\" at end of statement", cur());
    }
  }

  private SqlError err(String msg, Token at) {
    return err(msg, at, SqlState.SYNTAX_ERROR);
  }

  private SqlError err(String msg, Token at, SqlState state) {
    return new SqlError(state, state == SqlState.SYNTAX_ERROR ? "syntax error: " + msg : msg,
        at.start() + 1, null, null, null);
  }
}
