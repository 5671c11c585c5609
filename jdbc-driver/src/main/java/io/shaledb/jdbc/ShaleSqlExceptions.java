package io.shaledb.jdbc;

import io.shaledb.jdbc.client.WireException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

/**
 * The one place where failures become {@link SQLException}s. The subclass follows the SQLSTATE
 * class: 40 -> {@link SQLTransactionRollbackException}, 23 -> integrity violation, 42 -> syntax
 * error, 0A -> feature not supported, 08 -> non-transient connection, 22 -> data, 28 -> auth, 57014
 * -> {@link SQLTimeoutException}; anything else is a plain {@link SQLException}.
 */
public final class ShaleSqlExceptions {
  /** Connection does not exist (closed). */
  public static final String CONNECTION_DOES_NOT_EXIST = "08003";

  /** Object not in prerequisite state (closed statement or result set). */
  public static final String OBJECT_NOT_IN_STATE = "55000";

  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  public static final String INVALID_TRANSACTION_STATE = "25000";
  public static final String INVALID_PARAMETER_VALUE = "22023";
  public static final String DATA_TYPE_MISMATCH = "42804";
  public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
  public static final String INVALID_TEXT_REPRESENTATION = "22P02";
  public static final String INVALID_COLUMN = "42703";
  public static final String NO_DATA = "02000";
  public static final String INVALID_CURSOR_STATE = "24000";
  public static final String TOO_MANY_RESULTS = "0100E";
  public static final String INVALID_PARAMETER_INDEX = "07009";
  public static final String PARAMETER_NOT_SET = "07002";

  private ShaleSqlExceptions() {}

  /**
   * Converts a client-core failure, keeping the server's position, detail and hint in the message.
   */
  public static SQLException from(WireException e) {
    StringBuilder msg = new StringBuilder(e.getMessage() == null ? "" : e.getMessage());
    if (!e.detail().isEmpty()) {
      msg.append("\n  Detail: ").append(e.detail());
    }
    if (!e.hint().isEmpty()) {
      msg.append("\n  Hint: ").append(e.hint());
    }
    if (e.position() > 0) {
      msg.append("\n  Position: ").append(e.position());
    }
    return create(msg.toString(), e.sqlState(), e);
  }

  /** An exception of the subclass matching {@code sqlState}. */
  public static SQLException create(String message, String sqlState, Throwable cause) {
    String s = sqlState == null ? "" : sqlState;
    SQLException ex;
    if (s.startsWith("40")) {
      ex = new SQLTransactionRollbackException(message, s);
    } else if (s.startsWith("23")) {
      ex = new SQLIntegrityConstraintViolationException(message, s);
    } else if (s.startsWith("42")) {
      ex = new SQLSyntaxErrorException(message, s);
    } else if (s.startsWith("0A")) {
      ex = new SQLFeatureNotSupportedException(message, s);
    } else if (s.startsWith("08")) {
      ex = new SQLNonTransientConnectionException(message, s);
    } else if (s.startsWith("22")) {
      ex = new SQLDataException(message, s);
    } else if (s.startsWith("28")) {
      ex = new SQLInvalidAuthorizationSpecException(message, s);
    } else if (s.equals("57014")) {
      ex = new SQLTimeoutException(message, s);
    } else {
      ex = new SQLException(message, s);
    }
    if (cause != null) {
      ex.initCause(cause);
    }
    return ex;
  }

  static SQLException create(String message, String sqlState) {
    return create(message, sqlState, null);
  }

  static SQLFeatureNotSupportedException notSupported(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported", FEATURE_NOT_SUPPORTED);
  }

  static SQLException connectionClosed() {
    return new SQLNonTransientConnectionException(
        "This connection has been closed.", CONNECTION_DOES_NOT_EXIST);
  }

  static SQLException statementClosed() {
    return new SQLException("This statement has been closed.", OBJECT_NOT_IN_STATE);
  }

  static SQLException resultSetClosed() {
    return new SQLException("This ResultSet is closed.", OBJECT_NOT_IN_STATE);
  }

  static SQLException invalidProperty(String name, String value) {
    return new SQLNonTransientConnectionException(
        "invalid value for connection property " + name + ": '" + value + "'", "08001");
  }

  static SQLException cannotConvert(Object value, String target) {
    String type = value == null ? "null" : value.getClass().getSimpleName();
    return new SQLDataException(
        "cannot convert value '" + value + "' of type " + type + " to " + target,
        DATA_TYPE_MISMATCH);
  }

  static SQLException outOfRange(Object value, String target) {
    return new SQLDataException(
        "value " + value + " is out of range for " + target, NUMERIC_VALUE_OUT_OF_RANGE);
  }

  static SQLException unwrapFailed(Class<?> iface, Object self) {
    return new SQLException(
        self.getClass().getName() + " does not implement " + iface.getName(), "0A000");
  }
}
