package io.shaledb.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Positive;
import org.junit.jupiter.api.Test;

class TimestampTest {
  @Test
  void orderedByWallThenLogical() {
    assertTrue(new Timestamp(1, 5).compareTo(new Timestamp(2, 0)) < 0);
    assertTrue(new Timestamp(2, 1).compareTo(new Timestamp(2, 0)) > 0);
    assertEquals(0, new Timestamp(2, 1).compareTo(new Timestamp(2, 1)));
  }

  @Test
  void rejectsNegativeComponents() {
    assertThrows(IllegalArgumentException.class, () -> new Timestamp(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Timestamp(0, -1));
  }

  @Property
  void nextIsStrictlyGreater(@ForAll @Positive long wall, @ForAll @Positive int logical) {
    Timestamp t = new Timestamp(wall == Long.MAX_VALUE ? wall - 1 : wall, logical);
    assertTrue(t.next().compareTo(t) > 0);
  }
}
