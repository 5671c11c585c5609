package io.shaledb.kv.mvcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.shaledb.kv.KeyValue;
import io.shaledb.kv.Timestamp;
import io.shaledb.kv.storage.Engine;
import io.shaledb.kv.storage.EngineBatch;
import io.shaledb.kv.storage.EngineOptions;
import io.shaledb.kv.storage.EngineSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden MVCC scripts in {@code src/test/resources/mvcc_histories/*.txt}. A script is a sequence of
 * blocks separated by blank lines; a block is one or more commands, then optionally {@code ----}
 * and the expected output of the block's commands. Lines starting with {@code #} are comments.
 *
 * <pre>
 *   put k=a ts=5 v=x          write a version (ts=WALL or ts=WALL,LOGICAL)
 *   del k=a ts=7              write a tombstone
 *   get k=a ts=6              -> get: "a" -> "x"  |  get: "a" -> &lt;none&gt;
 *   getall k=c|a|zz ts=6      -> one getall: line per key, in the order given (one iterator)
 *   scan k=a end=z ts=9 [limit=2] [reverse]   (end omitted: unbounded)
 *   newest k=a                -> newest: "a" -> 7,0  |  newest: "a" -> &lt;none&gt;
 *   snapshot / release        later reads go to a snapshot taken now / to the live engine again
 * </pre>
 *
 * Keys and values accept {@code \xNN} escapes and may be double-quoted (empty: {@code ""}). Run
 * with {@code -Dshale.rewrite=true} to rewrite the expected output in the source tree.
 */
class MvccHistoriesTest {
  private static final Path SOURCE_DIR = Path.of("src/test/resources/mvcc_histories");
  private static final boolean REWRITE = Boolean.getBoolean("shale.rewrite");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> histories() throws IOException, URISyntaxException {
    Path dir = Path.of(MvccHistoriesTest.class.getResource("/mvcc_histories").toURI());
    List<Path> scripts;
    try (Stream<Path> files = Files.list(dir)) {
      scripts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertFalse(scripts.isEmpty(), "no scripts in " + dir);
    return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)));
  }

  private void run(Path script) throws IOException {
    String text = Files.readString(script);
    StringBuilder rewritten = new StringBuilder();
    Path store = tmp.resolve(script.getFileName().toString());
    try (Engine engine = Engine.open(store, EngineOptions.defaults().withSyncWrites(false))) {
      Interpreter interp = new Interpreter(engine);
      try {
        List<Block> blocks = parse(text);
        for (Block block : blocks) {
          StringBuilder actual = new StringBuilder();
          for (String command : block.commands) {
            interp.execute(command, actual, script.getFileName() + ": " + command);
          }
          String expected = block.expected == null ? "" : block.expected;
          if (!REWRITE) {
            assertEquals(expected, actual.toString(),
                script.getFileName() + ": output of block\n" + String.join("\n", block.commands));
          }
          rewritten.append(block.leading);
          for (String c : block.commands) {
            rewritten.append(c).append('\n');
          }
          if (actual.length() > 0) {
            rewritten.append("----\n").append(actual);
          }
          rewritten.append('\n');
        }
      } finally {
        interp.releaseSnapshot();
      }
    }
    if (REWRITE) {
      String out = rewritten.toString().stripTrailing() + "\n";
      Files.writeString(SOURCE_DIR.resolve(script.getFileName().toString()), out);
    }
  }

  private record Block(String leading, List<String> commands, String expected) {}

  /** Splits a script into blocks; comment lines are kept with the block that follows them. */
  private static List<Block> parse(String text) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      StringBuilder leading = new StringBuilder();
      while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("#"))) {
        if (lines[i].startsWith("#")) {
          leading.append(lines[i]).append('\n');
        }
        i++;
      }
      List<String> commands = new ArrayList<>();
      while (i < lines.length && !lines[i].isBlank() && !lines[i].equals("----")) {
        if (!lines[i].startsWith("#")) {
          commands.add(lines[i].strip());
        }
        i++;
      }
      String expected = null;
      if (i < lines.length && lines[i].equals("----")) {
        i++;
        StringBuilder out = new StringBuilder();
        while (i < lines.length && !lines[i].isBlank()) {
          out.append(lines[i]).append('\n');
          i++;
        }
        expected = out.toString();
      }
      if (!commands.isEmpty()) {
        blocks.add(new Block(leading.toString(), commands, expected));
      } else if (leading.length() > 0) {
        blocks.add(new Block(leading.toString(), List.of(), null));
      }
    }
    return blocks;
  }

  /** Executes script commands against one engine. */
  private static final class Interpreter {
    private final Engine engine;
    private EngineSnapshot snapshot;

    Interpreter(Engine engine) {
      this.engine = engine;
    }

    MvccReader reader() {
      return MvccReader.of(snapshot != null ? snapshot : engine);
    }

    void releaseSnapshot() {
      if (snapshot != null) {
        snapshot.close();
        snapshot = null;
      }
    }

    void execute(String line, StringBuilder out, String where) {
      String[] words = line.split("\\s+");
      Map<String, String> args = new HashMap<>();
      for (int i = 1; i < words.length; i++) {
        int eq = words[i].indexOf('=');
        args.put(eq < 0 ? words[i] : words[i].substring(0, eq), eq < 0 ? "" : words[i].substring(eq + 1));
      }
      switch (words[0]) {
        case "put" -> {
          try (EngineBatch b = engine.newBatch()) {
            Mvcc.put(b, bytes(args, "k", where), ts(args, where), bytes(args, "v", where));
            engine.write(b, false);
          }
        }
        case "del" -> {
          try (EngineBatch b = engine.newBatch()) {
            Mvcc.delete(b, bytes(args, "k", where), ts(args, where));
            engine.write(b, false);
          }
        }
        case "get" -> {
          byte[] k = bytes(args, "k", where);
          Optional<byte[]> v = Mvcc.get(reader(), k, ts(args, where));
          out.append("get: ").append(show(k)).append(" -> ")
              .append(v.map(MvccHistoriesTest::show).orElse("<none>")).append('\n');
        }
        case "getall" -> {
          // keys separated by '|': Mvcc.getAll reads them through one iterator
          List<byte[]> keys = new ArrayList<>();
          for (String k : args.get("k").split("\\|", -1)) {
            keys.add(bytes(Map.of("k", k), "k", where));
          }
          List<Optional<byte[]>> vs = Mvcc.getAll(reader(), keys, ts(args, where));
          for (int i = 0; i < keys.size(); i++) {
            out.append("getall: ").append(show(keys.get(i))).append(" -> ")
                .append(vs.get(i).map(MvccHistoriesTest::show).orElse("<none>")).append('\n');
          }
        }
        case "scan" -> {
          byte[] start = bytes(args, "k", where);
          byte[] end = args.containsKey("end") ? bytes(args, "end", where) : null;
          int limit = args.containsKey("limit") ? Integer.parseInt(args.get("limit")) : 0;
          List<KeyValue> kvs = Mvcc.scan(reader(), start, end, ts(args, where), limit,
              args.containsKey("reverse"));
          if (kvs.isEmpty()) {
            out.append("scan: <none>\n");
          }
          for (KeyValue kv : kvs) {
            out.append("scan: ").append(show(kv.key())).append(" -> ").append(show(kv.value())).append('\n');
          }
        }
        case "newest" -> {
          byte[] k = bytes(args, "k", where);
          out.append("newest: ").append(show(k)).append(" -> ")
              .append(Mvcc.newestVersion(reader(), k).map(Timestamp::toString).orElse("<none>"))
              .append('\n');
        }
        case "snapshot" -> {
          releaseSnapshot();
          snapshot = engine.snapshot();
        }
        case "release" -> releaseSnapshot();
        default -> throw new IllegalArgumentException(where + ": unknown command " + words[0]);
      }
    }

    private static Timestamp ts(Map<String, String> args, String where) {
      String t = args.get("ts");
      if (t == null) {
        throw new IllegalArgumentException(where + ": missing ts=");
      }
      int comma = t.indexOf(',');
      return comma < 0
          ? new Timestamp(Long.parseLong(t), 0)
          : new Timestamp(Long.parseLong(t.substring(0, comma)), Integer.parseInt(t.substring(comma + 1)));
    }

    private static byte[] bytes(Map<String, String> args, String name, String where) {
      String s = args.get(name);
      if (s == null) {
        throw new IllegalArgumentException(where + ": missing " + name + "=");
      }
      if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
        s = s.substring(1, s.length() - 1);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 0; i < s.length(); i++) {
        if (s.startsWith("\\x", i)) {
          out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
          i += 3;
        } else {
          byte[] utf8 = String.valueOf(s.charAt(i)).getBytes(StandardCharsets.UTF_8);
          out.write(utf8, 0, utf8.length);
        }
      }
      return out.toByteArray();
    }
  }

  static String show(byte[] b) {
    StringBuilder s = new StringBuilder("\"");
    for (byte x : b) {
      int u = x & 0xFF;
      if (u >= 0x20 && u < 0x7F && u != '"' && u != '\\') {
        s.append((char) u);
      } else {
        s.append(String.format("\\x%02x", u));
      }
    }
    return s.append('"').toString();
  }
}
