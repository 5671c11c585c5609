package io.shaledb.sql.rowenc;

import io.shaledb.sql.catalog.IndexDescriptor;
import io.shaledb.sql.catalog.TableDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bounds on an index's key columns: equal values for a prefix, then an optional range on the
 * next column. Unconstrained (all empty) = the whole index. NULL in eqPrefix never matches.
 */
public record IndexBounds(List<Object> eqPrefix, Object lower, boolean lowerInclusive,
                          Object upper, boolean upperInclusive) {

  public IndexBounds {
    eqPrefix = Collections.unmodifiableList(new ArrayList<>(eqPrefix));
  }

  public static IndexBounds all() {
    return new IndexBounds(List.of(), null, false, null, false);
  }

  public String describe(TableDescriptor t, IndexDescriptor i) { throw new UnsupportedOperationException(); }
}
