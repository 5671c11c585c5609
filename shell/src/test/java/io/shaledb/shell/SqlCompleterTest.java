package io.shaledb.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlCompleterTest {
  Connection conn;
  SchemaNames names;
  SqlCompleter completer;

  @BeforeEach
  void connect() throws Exception {
    conn = DriverManager.getConnection("jdbc:hsqldb:mem:completion", "SA", "");
    try (var st = conn.createStatement()) {
      st.execute("CREATE TABLE orders (order_id INT, amount DECIMAL(8,2))");
      st.execute("CREATE TABLE customers (customer_id INT, name VARCHAR(10))");
    }
    names = new SchemaNames(conn);
    completer = new SqlCompleter(names);
  }

  @AfterEach
  void disconnect() throws Exception {
    try (var st = conn.createStatement()) {
      st.execute("SHUTDOWN");
    }
    conn.close();
  }

  private List<String> values(String word) {
    return completer.candidatesFor(word).stream().map(Candidate::value).toList();
  }

  @Test
  void keywordsFollowTheCaseOfThePrefix() {
    assertEquals(List.of("SELECT", "SET", "SHOW", "SMALLINT"), values("S"));
    assertEquals(List.of("select"), values("sel"));
  }

  @Test
  void tablesAndColumnsComeFromMetadata() {
    assertEquals(List.of("ORDER", "ORDERS", "ORDER_ID"), values("ORD"));
    assertEquals(List.of("customers", "customer_id"), values("cust"));
    assertEquals(List.of("ORDERS.ORDER_ID", "ORDERS.AMOUNT"), values("ORDERS."));
    assertEquals(List.of("orders.amount"), values("orders.am"));
  }

  @Test
  void namesAreReloadedAfterInvalidation() throws Exception {
    assertEquals(List.of(), values("wid"));
    try (var st = conn.createStatement()) {
      st.execute("CREATE TABLE widgets (w INT)");
    }
    assertEquals(List.of(), values("wid"), "cached until invalidated");
    names.invalidate();
    assertEquals(List.of("widgets"), values("wid"));
  }

  @Test
  void completeUsesTheWordBeforeTheCursor() {
    ParsedLine line = SqlLineParser.words("SELECT amo FROM orders", 10);
    assertEquals("amo", line.word());
    List<Candidate> out = new ArrayList<>();
    completer.complete(null, line, out);
    assertEquals(List.of("amount"), out.stream().map(Candidate::value).toList());
    assertTrue(completer.candidatesFor("\\d").isEmpty());
  }
}
