package io.shaledb.sql.parse;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Lets common column names that Calcite reserves but PostgreSQL does not ({@code value},
 * {@code day}, {@code year}, {@code count}, {@code at}, ...) be used unquoted: where such a word
 * stands in an identifier position it is double-quoted (in its folded lower-case form) before the
 * text reaches Calcite's parser. Keyword uses are recognised by context ({@code EXTRACT(DAY FROM},
 * {@code INTERVAL '1' DAY}, {@code count(}, {@code AT TIME ZONE}, {@code NEXT VALUE FOR}).
 * Pure; thread-safe.
 */
final class ReservedWordQuoter {
  /** PostgreSQL non-reserved words likely to be column or table names. */
  private static final Set<String> CANDIDATES = Set.of(
      "value", "day", "month", "year", "hour", "minute", "second", "at", "count", "sum", "min",
      "max", "avg", "level", "result", "start", "source", "session", "language", "names", "size",
      "element", "method", "module", "ref", "path", "data", "position", "rank", "section",
      "version", "zone", "uescape", "member", "mode", "no", "match", "label", "input", "output",
      "location", "scale", "sets", "temporary", "trim", "upper", "lower", "first", "last", "absolute",
      // More PostgreSQL non-reserved words that Calcite reserves and people use as names. Words
      // that are also syntax in a non-call position (without, escape, over, rows, range, current,
      // next, unknown, uuid, variant, large) are deliberately absent.
      "one", "new", "old", "none", "exp", "ln", "mod", "power", "abs", "sqrt", "floor", "ceil",
      "ceiling", "corr", "cube", "rollup", "cycle", "each", "empty", "every", "exec", "execute",
      "global", "local", "hold", "identity", "import", "initial", "measures", "measure", "merge",
      "minus", "omit", "open", "close", "ordinal", "pattern", "per", "percent", "period",
      "permute", "portion", "prev", "reads", "release", "reset", "return", "returns", "running",
      "scope", "search", "seek", "show", "skip", "specific", "sql", "sqlstate", "static", "stream",
      "subset", "system", "translation", "trigger", "truncate", "versioning", "dynamic", "external",
      "free", "get", "condition", "contains", "deterministic", "allow", "disallow", "equals",
      "fusion", "intersection", "normalize", "treat", "parameter", "precedes", "referencing",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lag", "lead",
      "ntile", "define", "matches", "timezone_hour", "timezone_minute");

  /** Date/time units, keywords after INTERVAL literals and in EXTRACT. */
  private static final Set<String> UNITS = Set.of("day", "month", "year", "hour", "minute", "second");

  private static final SqlAbstractParserImpl.Metadata METADATA =
      SqlParser.create("", CalciteParsing.CONFIG).getMetadata();

  private ReservedWordQuoter() {}

  static String quote(String sql) {
    return quoteWords(PgSyntaxRewriter.rewrite(sql));
  }

  private static String quoteWords(String sql) {
    List<Token> toks;
    try {
      toks = Tokenizer.tokenize(sql);
    } catch (RuntimeException e) {
      return sql; // let the real parser report it
    }
    StringBuilder b = null;
    int copied = 0;
    for (int i = 0; i < toks.size(); i++) {
      Token t = toks.get(i);
      if (t.kind() != Token.Kind.WORD || !CANDIDATES.contains(t.text())
          || !METADATA.isReservedWord(t.text().toUpperCase(Locale.ROOT))) {
        continue;
      }
      if (i == 0) {
        continue; // a statement keyword (SHOW, EXECUTE, TRUNCATE, ...)
      }
      Token prev = i > 0 ? toks.get(i - 1) : null;
      Token next = i + 1 < toks.size() ? toks.get(i + 1) : null;
      boolean unit = UNITS.contains(t.text());
      if (next != null && (next.isSymbol("(") || unit && (next.is("from") || next.is("to"))
          || next.is("time") && t.text().equals("at") || next.is("for") && t.text().equals("value"))) {
        continue; // function call, EXTRACT(x FROM), interval qualifier, AT TIME ZONE
      }
      if (unit && prev != null && (prev.kind() == Token.Kind.STRING || prev.is("interval") || prev.is("to"))) {
        continue;
      }
      if (prev != null && (prev.is("next") || prev.is("nulls") || prev.isSymbol("(") && isExtractArg(toks, i))) {
        continue;
      }
      if (b == null) {
        b = new StringBuilder();
      }
      b.append(sql, copied, t.start()).append('"').append(t.text()).append('"');
      copied = t.end();
    }
    if (b == null) {
      return sql;
    }
    return b.append(sql.substring(copied)).toString();
  }

  private static boolean isExtractArg(List<Token> toks, int i) {
    return i >= 2 && (toks.get(i - 2).is("extract") || toks.get(i - 2).is("floor") || toks.get(i - 2).is("ceil"));
  }
}
