/** Row and index storage of SQL tables (work in progress). */
package io.shaledb.sql.rowenc;
