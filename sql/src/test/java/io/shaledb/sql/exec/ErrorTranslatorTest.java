package io.shaledb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.txn.KvLimitException;
import io.shaledb.txn.TransactionRetryException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.junit.jupiter.api.Test;

class ErrorTranslatorTest {

  @Test
  void sqlErrorsPassThroughEvenWhenWrapped() {
    SqlError e = new SqlError(SqlState.UNIQUE_VIOLATION, "dup");
    assertSame(e, ErrorTranslator.translate(new RuntimeException(e), "x", 0));
  }

  @Test
  void validatorMessagesMapToSqlStatesWithPositions() {
    CalciteContextException cce = new CalciteContextException("From line 1, column 15",
        new SqlValidatorException("Object 'nope' not found", null), 1, 15, 1, 18);
    SqlError e = ErrorTranslator.translate(cce, "SELECT * FROM nope", 0);
    assertEquals(SqlState.UNDEFINED_TABLE, e.state());
    assertEquals("relation \"nope\" does not exist", e.getMessage());
    assertEquals(15, e.position());
    CalciteContextException amb = new CalciteContextException("x",
        new SqlValidatorException("Column 'id' is ambiguous", null), 2, 3, 2, 4);
    SqlError e2 = ErrorTranslator.translate(amb, "SELECT\nx id", 10);
    assertEquals(SqlState.AMBIGUOUS_COLUMN, e2.state());
    assertEquals(10 + 7 + 3, e2.position());
  }

  @Test
  void runtimeFailuresMapToDataExceptions() {
    assertEquals(SqlState.DIVISION_BY_ZERO,
        ErrorTranslator.translate(new ArithmeticException("/ by zero"), "", 0).state());
    assertEquals(SqlState.DIVISION_BY_ZERO,
        ErrorTranslator.translate(new ArithmeticException("Division undefined"), "", 0).state());
    assertEquals(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        ErrorTranslator.translate(new ArithmeticException("integer overflow"), "", 0).state());
    assertEquals(SqlState.INVALID_TEXT_REPRESENTATION,
        ErrorTranslator.translate(new NumberFormatException("For input string: \"x\""), "", 0).state());
    assertEquals(SqlState.PROGRAM_LIMIT_EXCEEDED,
        ErrorTranslator.translate(new KvLimitException("value too large"), "", 0).state());
    SqlError internal = ErrorTranslator.translate(new IllegalStateException("boom"), "", 0);
    assertEquals(SqlState.INTERNAL_ERROR, internal.state());
    assertTrue(internal.getMessage().contains("java.lang.IllegalStateException"), internal.getMessage());
  }

  @Test
  void findsRetryCauseAnywhereInChain() {
    TransactionRetryException r = new TransactionRetryException(
        TransactionRetryException.Reason.SERIALIZABLE_CONFLICT, "x");
    assertSame(r, ErrorTranslator.retryCause(new RuntimeException(new IllegalStateException(r))));
  }
}
