package io.shaledb.tests.slt;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The sqllogictest files shipped in the harness jar, and the selection of a subset by group and
 * pattern. Everything except {@link #harnessJar()} and {@link #listJar(Path)} is pure.
 *
 * <p>Resource paths look like {@code test/select1.test}, {@code test/evidence/in1.test},
 * {@code test/index/between/10/slt_good_0.test}, {@code test/random/expr/slt_good_12.test}.
 */
public final class SltFiles {
  private static final String PREFIX = "test/";

  private SltFiles() {}

  /** The jar holding the harness (and its {@code test/**} resources), found through its class loader. */
  public static Path harnessJar() {
    CodeSource src = net.hydromatic.sqllogictest.Main.class.getProtectionDomain().getCodeSource();
    if (src == null) {
      throw new IllegalStateException("cannot locate the sql-logic-test jar");
    }
    try {
      return Path.of(src.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad sql-logic-test location " + src.getLocation(), e);
    }
  }

  /** Every {@code test/**.test} entry of {@code jar}, sorted. */
  public static List<String> listJar(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile jf = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = jf.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (!e.isDirectory()) {
          names.add(e.getName());
        }
      }
    }
    return testFiles(names);
  }

  /** The {@code test/**.test} names among {@code names}, sorted and without duplicates. */
  public static List<String> testFiles(List<String> names) {
    return names.stream().filter(n -> n.startsWith(PREFIX) && n.endsWith(".test")).distinct().sorted().toList();
  }

  /** The path without its leading {@code test/}. */
  public static String relative(String file) {
    return file.startsWith(PREFIX) ? file.substring(PREFIX.length()) : file;
  }

  /**
   * Whether {@code file} belongs to {@code group}: its group ({@link SltFileResult#group}) equals
   * it, or its relative path starts with {@code group + "/"} (so {@code index} covers every
   * {@code index/<kind>} and {@code index/between/10} one size of a kind).
   */
  public static boolean inGroup(String file, String group) {
    String g = group.endsWith("/") ? group.substring(0, group.length() - 1) : group;
    return SltFileResult.groupOf(file).equals(g) || relative(file).startsWith(g + "/");
  }

  /**
   * A predicate over resource paths. {@code regex:R} finds R anywhere in the path; {@code glob:G}
   * matches the whole path, with or without its {@code test/} prefix; anything else matches if it
   * does either (a string that is not a valid regex is used as a glob only).
   */
  public static Predicate<String> pattern(String spec) {
    if (spec.startsWith("regex:")) {
      Pattern p = Pattern.compile(spec.substring("regex:".length()));
      return f -> p.matcher(f).find();
    }
    if (spec.startsWith("glob:")) {
      return glob(spec.substring("glob:".length()));
    }
    Predicate<String> glob = glob(spec);
    try {
      Pattern p = Pattern.compile(spec);
      return glob.or(f -> p.matcher(f).find());
    } catch (PatternSyntaxException e) {
      return glob;
    }
  }

  private static Predicate<String> glob(String g) {
    FileSystem fs = FileSystems.getDefault();
    PathMatcher m = fs.getPathMatcher("glob:" + g);
    return f -> m.matches(Path.of(f)) || m.matches(Path.of(relative(f)));
  }

  /**
   * The files of {@code all} (order kept) in any of {@code groups} (all files when empty) and
   * matching every one of {@code patterns}.
   */
  public static List<String> select(List<String> all, List<String> groups, List<String> patterns) {
    Predicate<String> keep = f -> groups.isEmpty() || groups.stream().anyMatch(g -> inGroup(f, g));
    for (String p : patterns) {
      keep = keep.and(pattern(p));
    }
    return all.stream().filter(keep).toList();
  }
}
