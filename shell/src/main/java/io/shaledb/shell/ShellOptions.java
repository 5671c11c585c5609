package io.shaledb.shell;

import java.nio.file.Path;

/**
 * How a {@link Shell} behaves.
 *
 * @param format how result sets are printed
 * @param database shown in the prompt ("defaultdb> ")
 * @param historyFile where interactive history is kept; {@code null} for none
 * @param timing whether "Time: ... ms" is printed after each statement at start
 */
public record ShellOptions(OutputFormat format, String database, Path historyFile,
    boolean timing) {

  public ShellOptions {
    if (format == null) {
      throw new IllegalArgumentException("format is required");
    }
    if (database == null || database.isEmpty()) {
      database = "defaultdb";
    }
  }

  /** The default history file, {@code ~/.shale_sql_history}. */
  public static Path defaultHistoryFile() {
    return Path.of(System.getProperty("user.home"), ".shale_sql_history");
  }

  public static ShellOptions of(OutputFormat format) {
    return new ShellOptions(format, "defaultdb", null, false);
  }

  public ShellOptions withDatabase(String db) {
    return new ShellOptions(format, db, historyFile, timing);
  }

  public ShellOptions withHistoryFile(Path file) {
    return new ShellOptions(format, database, file, timing);
  }
}
