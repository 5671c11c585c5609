package io.shaledb.server.cli;

import io.shaledb.server.ServerSetting;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds {@link ServerSetting}s to a command as {@code --name VALUE} options, so names, defaults
 * and help text come from the one registry, and reads their values back.
 */
final class SettingOptions {
  private SettingOptions() {}

  static void addTo(CommandSpec spec, Set<ServerSetting> settings) {
    for (ServerSetting s : settings) {
      String doc = s.doc() + (s.defaultValue().isEmpty() ? "" : " Default: " + s.defaultValue());
      spec.addOption(OptionSpec.builder("--" + s.cliName())
          .paramLabel("<" + s.cliName().replace("-", "_").toUpperCase(Locale.ROOT) + ">")
          .type(String.class)
          .description(doc)
          .build());
    }
  }

  /** The value given for {@code s}, or {@code null} when absent (meaning: the default). */
  static String value(CommandSpec spec, ServerSetting s) {
    OptionSpec o = spec.findOption("--" + s.cliName());
    return o == null ? null : o.getValue();
  }
}
