package io.shaledb.server.cli;

import io.shaledb.server.Node;
import io.shaledb.server.NodeConfig;
import io.shaledb.server.ServerSetting;
import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shale start}: runs a persistent node in the foreground until SIGTERM or SIGINT. Prints
 * "node listening on HOST:PORT" on standard output once clients can connect; logs to stderr.
 */
@Command(name = "start", mixinStandardHelpOptions = true, versionProvider = ShaleMain.Version.class,
    description = "Start a node in the foreground; stop it with SIGTERM or Ctrl-C.")
final class StartCommand implements Callable<Integer> {
  static final EnumSet<ServerSetting> SETTINGS = EnumSet.allOf(ServerSetting.class);

  private final CliContext ctx;
  @Spec CommandSpec spec;

  StartCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws InterruptedException {
    NodeConfig config;
    try {
      config = NodeConfig.from(s -> SettingOptions.value(spec, s));
    } catch (IllegalArgumentException e) {
      ctx.err().println("ERROR: " + e.getMessage());
      return 2;
    }
    Logger log = LoggerFactory.getLogger(StartCommand.class);
    Node node;
    try {
      node = Node.start(config, ctx.opener());
    } catch (IOException | RuntimeException e) {
      log.error("could not start the node", e);
      ctx.err().println("ERROR: could not start the node: " + e.getMessage());
      return 1;
    }
    Thread hook = new Thread(node::close, "shale-shutdown");
    ctx.hooks().register(hook);
    ctx.out().println("node listening on " + config.host() + ":" + node.port());
    ctx.out().flush();
    node.awaitClosed();
    return 0;
  }
}
