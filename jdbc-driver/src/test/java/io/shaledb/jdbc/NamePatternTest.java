package io.shaledb.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamePatternTest {
  @Test
  void wildcardsEscapesAndCase() {
    assertTrue(NamePattern.matches(null, "anything"));
    assertTrue(NamePattern.matches("%", ""));
    assertTrue(NamePattern.matches("a%c", "abbbc"));
    assertTrue(NamePattern.matches("a%c", "ac"));
    assertFalse(NamePattern.matches("a%c", "acb"));
    assertTrue(NamePattern.matches("a_c", "abc"));
    assertFalse(NamePattern.matches("a_c", "ac"));
    assertTrue(NamePattern.matches("A\\_C", "a_c"));
    assertFalse(NamePattern.matches("a\\_c", "abc"));
    assertTrue(NamePattern.matches("%\\%", "100%"));
    assertFalse(NamePattern.matches("abc", null));
    assertTrue(NamePattern.matches(NamePattern.quote("t_%\\x"), "t_%\\x"));
    assertFalse(NamePattern.matches(NamePattern.quote("t_1"), "tx1"));
  }
}
