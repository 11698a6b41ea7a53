package org.jalchemy.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of the test's own ({@code initdb} as the postgres user, on another loopback
 * port), so that stopping it never touches the shared server. Always removed by {@link #close()}.
 */
final class ThrowawayPostgres implements AutoCloseable {
  final int port;
  private final Path dir;
  private final String bin;

  private ThrowawayPostgres(Path dir, String bin, int port) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
  }

  static ThrowawayPostgres create(int port) throws Exception {
    String bin = findBin();
    if (bin == null || !"root".equals(System.getProperty("user.name"))) {
      if (Boolean.getBoolean("jalchemy.test.requireServers")) {
        throw new AssertionError("a throwaway PostgreSQL needs initdb/pg_ctl and root (to run them as postgres)");
      }
      Assumptions.abort("no initdb/pg_ctl, or not root");
    }
    Path dir = Files.createTempDirectory("jalchemy-pg-");
    run("chown", "postgres", dir.toString());
    ThrowawayPostgres pg = new ThrowawayPostgres(dir, bin, port);
    pg.asPostgres(bin + "/initdb", "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres", "--no-sync");
    pg.start();
    return pg;
  }

  String url() {
    return "postgresql+pgjdbc://postgres@127.0.0.1:" + port + "/postgres";
  }

  void start() throws Exception {
    asPostgres(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-l", dir.resolve("log").toString(), "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
  }

  /** An immediate stop: connections die as in a crash. */
  void kill() throws Exception {
    asPostgres(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-m", "immediate", "stop");
  }

  @Override
  public void close() {
    try {
      asPostgres(bin + "/pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-m", "immediate", "stop");
    } catch (Exception ignored) {
      // already stopped
    }
    try {
      run("rm", "-rf", dir.toString());
    } catch (Exception ignored) {
      // a temporary directory
    }
  }

  private void asPostgres(String... command) throws Exception {
    List<String> c = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    c.addAll(List.of(command));
    run(c.toArray(String[]::new));
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  private static String findBin() {
    File base = new File("/usr/lib/postgresql");
    File[] versions = base.listFiles();
    if (versions == null) {
      return null;
    }
    for (File v : versions) {
      if (new File(v, "bin/initdb").canExecute()) {
        return new File(v, "bin").getPath();
      }
    }
    return null;
  }
}
