package io.shaledb.sql.catalog;

import java.util.Objects;

/**
 * A database as stored in the catalog.
 *
 * @param id database id (shares the id space of tables)
 * @param name database name as stored
 */
record DatabaseDescriptor(int id, String name) {
  DatabaseDescriptor {
    Objects.requireNonNull(name, "name");
  }
}
