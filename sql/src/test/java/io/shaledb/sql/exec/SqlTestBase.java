package io.shaledb.sql.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.shaledb.sql.ExecOptions;
import io.shaledb.sql.Session;
import io.shaledb.sql.SqlEngine;
import io.shaledb.sql.SqlError;
import io.shaledb.sql.SqlState;
import io.shaledb.sql.StatementResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh engine and session over an in-memory store for each test, with small helpers. */
abstract class SqlTestBase {
  protected FakeTxnFactory store;
  protected SqlEngine engine;
  protected Session s;

  @BeforeEach
  void open() {
    store = new FakeTxnFactory();
    engine = SqlEngine.create(store);
    s = engine.openSession("defaultdb", "root");
  }

  @AfterEach
  void closeSession() {
    s.close();
    engine.close();
  }

  protected StatementResult exec(String sql, Object... params) {
    return s.execute(sql, Arrays.asList(params), ExecOptions.DEFAULT);
  }

  /** Rows rendered as lists for easy comparison. */
  protected List<List<Object>> rows(String sql, Object... params) {
    StatementResult r = exec(sql, params);
    List<List<Object>> out = new ArrayList<>();
    for (Object[] row : r.rows()) {
      out.add(Arrays.asList(row));
    }
    return out;
  }

  protected static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  protected SqlError fails(SqlState state, String sql, Object... params) {
    SqlError e = assertThrows(SqlError.class, () -> exec(sql, params));
    assertEquals(state, e.state(), () -> "got " + e.state() + ": " + e.getMessage());
    return e;
  }
}
