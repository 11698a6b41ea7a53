package org.jalchemy.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one database's share of the benchmark in a JVM of its own and reads back what it measured.
 * In one JVM the databases that ran first shape the JIT's view of the code every library shares
 * (the JDBC interfaces, jalchemy's codecs, HikariCP), and the last database measured code compiled
 * for four drivers: on this machine MariaDB, run last, measured its large result at 1.25–1.6×
 * raw JDBC where a JVM of its own measured 1.04–1.35×. A JVM per database, as JMH forks per
 * benchmark, measures each as a fresh application would run.
 *
 * <pre>{@code
 * DatabaseProcess.Part part = DatabaseProcess.run("h2", List.of("--rounds=5"));
 * }</pre>
 */
final class DatabaseProcess {
  private DatabaseProcess() {}

  /** What a database's JVM hands back: its server and driver line (null when skipped), its Markdown, whether a check failed. */
  record Part(String version, String section, boolean failed) {}

  /**
   * Runs {@code Main} for database {@code name} with {@code args} (sizes, rounds, --only) in a new
   * JVM with this JVM's options, its output shown as it comes, and returns its part.
   */
  static Part run(String name, List<String> args) throws IOException, InterruptedException {
    Path file = Files.createTempFile("jalchemy-bench-" + name + "-", ".part");
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(Main.class.getName());
      cmd.addAll(args);
      cmd.add("--db=" + name);
      cmd.add("--part=" + file);
      int status = new ProcessBuilder(cmd).inheritIO().start().waitFor();
      List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
      if (lines.size() < 2) {
        return new Part(null, "## " + name + "\n\nThe benchmark JVM for " + name + " exited with status " + status
            + " before writing its results; see the output above.\n\n", true);
      }
      String version = lines.get(0).isEmpty() ? null : lines.get(0);
      boolean failed = status != 0 || Boolean.parseBoolean(lines.get(1));
      return new Part(version, String.join("\n", lines.subList(2, lines.size())) + "\n", failed);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Written by the database's JVM: the version line (empty when skipped), whether a check failed, then the Markdown. */
  static void write(Path file, List<String> versions, String section, boolean failed) throws IOException {
    Files.writeString(file, (versions.isEmpty() ? "" : versions.get(0)) + "\n" + failed + "\n" + section);
  }
}
