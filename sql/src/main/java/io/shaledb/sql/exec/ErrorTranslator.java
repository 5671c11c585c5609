package io.shaledb.sql.exec;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.txn.TransactionRetryException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;

/**
 * The one place where exceptions from Calcite, the JDK and the layers below become
 * {@link SqlError}s with a PostgreSQL SQLSTATE and an actionable message. Validator errors are
 * recognised by the text of Calcite's resource messages. Stateless.
 */
public final class ErrorTranslator {
  private ErrorTranslator() {}

  private record Rule(Pattern pattern, SqlState state, String format) {}

  private static final Rule[] VALIDATOR_RULES = {
      rule("Object '([^']*)' not found within '([^']*)'", SqlState.UNDEFINED_TABLE, "relation \"%1$s\" does not exist"),
      rule("Object '([^']*)' not found", SqlState.UNDEFINED_TABLE, "relation \"%1$s\" does not exist"),
      rule("Table '([^']*)' not found", SqlState.UNDEFINED_TABLE, "relation \"%1$s\" does not exist"),
      rule("Column '([^']*)' not found in any table", SqlState.UNDEFINED_COLUMN, "column \"%1$s\" does not exist"),
      rule("Column '([^']*)' not found in table '([^']*)'", SqlState.UNDEFINED_COLUMN, "column %2$s.%1$s does not exist"),
      rule("Unknown target column '([^']*)'", SqlState.UNDEFINED_COLUMN, "column \"%1$s\" does not exist"),
      rule("Column '([^']*)' is ambiguous", SqlState.AMBIGUOUS_COLUMN, "column reference \"%1$s\" is ambiguous"),
      rule("No match found for function signature (.*)", SqlState.UNDEFINED_FUNCTION,
          "function %1$s does not exist (check the name and argument types)"),
      rule("Cannot apply '([^']*)' to arguments of type (.*?)\\. Supported form.*", SqlState.UNDEFINED_FUNCTION,
          "operator or function %1$s does not exist for argument types %2$s"),
      rule("Invalid number of arguments to function '([^']*)'.*", SqlState.UNDEFINED_FUNCTION,
          "function %1$s does not exist with that number of arguments"),
      rule("Expression '([^']*)' is not being grouped", SqlState.GROUPING_ERROR,
          "column \"%1$s\" must appear in the GROUP BY clause or be used in an aggregate function"),
      rule("Aggregate expression is illegal in (.*)", SqlState.GROUPING_ERROR,
          "aggregate functions are not allowed in %1$s"),
      rule("Illegal use of dynamic parameter.*", SqlState.DATATYPE_MISMATCH,
          "could not determine the data type of a parameter; add a CAST(? AS type)"),
      rule("Illegal use of 'NULL'.*", SqlState.DATATYPE_MISMATCH,
          "could not determine the data type of NULL; add a CAST(NULL AS type)"),
      rule("Cast function cannot convert value of type (.*) to type (.*)", SqlState.DATATYPE_MISMATCH,
          "cannot cast type %1$s to %2$s"),
      rule("Type mismatch in column (\\d+) of (.*)", SqlState.DATATYPE_MISMATCH,
          "each %2$s column %1$s must have matching types"),
      rule("Values passed to (.*) operator must have compatible types", SqlState.DATATYPE_MISMATCH,
          "%1$s operands must have compatible types"),
      rule("(Column count mismatch in .*)", SqlState.SYNTAX_ERROR, "%1$s"),
      rule("(Number of INSERT target columns .*)", SqlState.SYNTAX_ERROR, "%1$s"),
      rule("(.*must return a single value.*|.*more than one row.*)", SqlState.CARDINALITY_VIOLATION, "%1$s"),
      rule("(.*WHERE clause must be a condition.*|.*ON clause must be a condition.*|.*HAVING clause must be a condition.*)",
          SqlState.DATATYPE_MISMATCH, "%1$s"),
      rule("(Duplicate .*)", SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, "%1$s"),
  };

  private static Rule rule(String regex, SqlState state, String format) {
    return new Rule(Pattern.compile(regex, Pattern.DOTALL), state, format);
  }

  /** The retry exception inside {@code t}'s cause chain, or null. */
  public static TransactionRetryException retryCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof TransactionRetryException r) {
        return r;
      }
    }
    return null;
  }

  /**
   * Translates any failure while running {@code sql}.
   *
   * @param offset where the text Calcite saw starts within the client's statement
   */
  public static SqlError translate(Throwable t, String sql, int offset) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SqlError e) {
        return e;
      }
    }
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof CalciteContextException cce) {
        String msg = cce.getCause() != null && cce.getCause().getMessage() != null
            ? cce.getCause().getMessage() : cce.getMessage();
        int position = position(sql, cce.getPosLine(), cce.getPosColumn(), offset);
        for (Rule r : VALIDATOR_RULES) {
          Matcher m = r.pattern.matcher(msg);
          if (m.lookingAt()) {
            Object[] groups = new Object[m.groupCount()];
            for (int i = 0; i < groups.length; i++) {
              groups[i] = m.group(i + 1);
            }
            int dym = msg.indexOf("; did you mean");
            String hint = dym >= 0 ? msg.substring(dym + 2) : null;
            return new SqlError(r.state, String.format(r.format, groups), position, null, hint, t);
          }
        }
        return new SqlError(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, msg, position, null, null, t);
      }
    }
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String m = String.valueOf(c.getMessage());
      if (c instanceof ArithmeticException) {
        String lower = m.toLowerCase();
        if (lower.contains("by zero") || lower.contains("division undefined") || lower.contains("divide by zero")) {
          return new SqlError(SqlState.DIVISION_BY_ZERO, "division by zero", t);
        }
        if (lower.contains("overflow") || lower.contains("out of range")) {
          return new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range: " + m, t);
        }
        return new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, m, t);
      }
      if (c instanceof NumberFormatException) {
        return new SqlError(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for a number: " + m, t);
      }
      if (c instanceof io.shaledb.txn.KvLimitException) {
        return new SqlError(SqlState.PROGRAM_LIMIT_EXCEEDED, m, t);
      }
      if (m.contains("out of range") && c.getClass().getName().startsWith("org.apache.calcite")) {
        return new SqlError(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, m, t);
      }
      if (c instanceof IllegalStateException && m.startsWith("Unable to implement")
          && m.contains("$cor")) {
        // Calcite could neither remove nor run a correlated sub-query where it stands (in an outer
        // join's ON condition): a missing feature, not an internal failure
        return new SqlError(SqlState.FEATURE_NOT_SUPPORTED,
            "a correlated sub-query in an outer join's ON condition is not supported", t);
      }
      if (c instanceof IllegalArgumentException && (m.contains("DATE") || m.contains("TIMESTAMP")
          || m.contains("date") || m.contains("timestamp"))) {
        return new SqlError(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for date/time: " + m, t);
      }
    }
    return new SqlError(SqlState.INTERNAL_ERROR,
        "internal error: " + t.getClass().getName() + ": " + t.getMessage(), t);
  }

  private static int position(String sql, int line, int column, int offset) {
    if (line <= 0 || sql == null) {
      return 0;
    }
    int idx = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', idx);
      if (nl < 0) {
        return 0;
      }
      idx = nl + 1;
    }
    return offset + idx + column;
  }
}
