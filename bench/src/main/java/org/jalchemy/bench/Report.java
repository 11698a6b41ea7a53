package org.jalchemy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the measured stats into the Markdown of bench/RESULTS.md. */
final class Report {
  private final StringBuilder sections = new StringBuilder();
  private final List<String> versions = new ArrayList<>();
  private final Sizes sizes;
  private final String command;
  private final Instant started = Instant.now();
  private double budgetSeconds;

  Report(Sizes sizes, String command) {
    this.sizes = sizes;
    this.command = command;
  }

  /** The whole run's time budget in seconds (0: none), for the page's header. */
  void budget(double seconds) {
    this.budgetSeconds = seconds;
  }

  /** A database that was not measured, and why. */
  void skipped(String db, String reason) {
    sections.append("## ").append(db).append("\n\nSkipped: ").append(reason).append("\n\n");
  }

  /** A database's Markdown as its own JVM wrote it. */
  void section(String markdown) {
    sections.append(markdown);
  }

  /** The sections so far (what a database's own JVM hands back). */
  String sectionsMarkdown() {
    return sections.toString();
  }

  /** The server and driver lines so far. */
  List<String> versionLines() {
    return List.copyOf(versions);
  }

  /** The server and driver versions of a database. */
  void version(String line) {
    versions.add(line);
  }

  /** The table of one database. */
  void database(String db, Map<Workload, List<Stats>> results, long rssAfterKb) {
    database(db, results, rssAfterKb, List.of());
  }

  /** The table of one database, with notes (the time budget's cuts) under it. */
  void database(String db, Map<Workload, List<Stats>> results, long rssAfterKb, List<String> notes) {
    sections.append("## ").append(db).append("\n\n");
    sections.append("| workload | variant | median ms | × raw JDBC | × Hibernate best | peak heap MB | runs | issue 6 target |\n");
    sections.append("|---|---|---:|---:|---:|---:|---:|---|\n");
    for (Map.Entry<Workload, List<Stats>> e : results.entrySet()) {
      Workload w = e.getKey();
      Stats base = labelled(e.getValue(), w.baseline());
      Stats fastestRaw = lowestMedian(e.getValue(), "raw JDBC");
      Stats hibernateBest = lowestMedian(e.getValue(), "Hibernate");
      boolean first = true;
      for (Stats s : e.getValue()) {
        double m = s.median();
        boolean jalchemy = s.variant.label().startsWith("jalchemy");
        sections.append("| ").append(first ? w.name() : "").append(" | ").append(s.variant.label()).append(" | ");
        first = false;
        if (s.status != null && Double.isNaN(m)) {
          sections.append(s.status).append(" | | | | | |\n");
          continue;
        }
        sections.append(fmt(m, 1)).append(" | ").append(base == null ? "" : fmt(s.ratioTo(base), 2)).append(" | ")
            .append(jalchemy && hibernateBest != null ? fmt(s.ratioTo(hibernateBest), 2) : "").append(" | ")
            .append(fmt(s.peakHeapBytes / 1048576.0, 0)).append(" | ").append(s.millis.size())
            .append(s.slow ? " (slow)" : "").append(" | ");
        Stats against = s.variant.targetAgainst() == null ? fastestRaw : labelled(e.getValue(), s.variant.targetAgainst());
        if (s.variant.target() > 0 && against != null && !Double.isNaN(against.median())) {
          double r = s.ratioTo(against);
          sections.append("≤ ").append(fmt(s.variant.target(), 1)).append("× ")
              .append(s.variant.targetAgainst() == null ? "fastest raw" : s.variant.targetAgainst()).append(": ")
              .append(r <= s.variant.target() ? "met" : "**missed**").append(" (").append(fmt(r, 2)).append("×)");
        }
        sections.append(" |\n");
      }
    }
    sections.append("\nPeak resident memory (VmHWM) of the JVM that measured this database: ")
        .append(rssAfterKb < 0 ? "n/a" : (rssAfterKb / 1024) + " MB").append("\n\n");
    for (String note : notes) {
      sections.append(note).append("\n\n");
    }
  }

  /** The variant of that label, or null. */
  private static Stats labelled(List<Stats> stats, String label) {
    for (Stats s : stats) {
      if (s.variant.label().equals(label)) {
        return s;
      }
    }
    return null;
  }

  /** The measured variant whose label starts with {@code prefix} and whose median is lowest, or null. */
  private static Stats lowestMedian(List<Stats> stats, String prefix) {
    Stats best = null;
    for (Stats s : stats) {
      double m = s.median();
      if (s.variant.label().startsWith(prefix) && !Double.isNaN(m) && (best == null || m < best.median())) {
        best = s;
      }
    }
    return best;
  }

  private static String fmt(double v, int digits) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "";
    }
    return String.format(Locale.ROOT, "%,." + digits + "f", v);
  }

  /** The table of one database alone (used by the smoke test). */
  String markdownFor(String db, Map<Workload, List<Stats>> results) {
    database(db, results, -1);
    return sections.toString();
  }

  /** The whole page. */
  String markdown(String caveat) {
    StringBuilder md = new StringBuilder();
    md.append("# jalchemy benchmark results\n\n");
    md.append("Written by `").append(command).append("` (see [README.md](README.md)), started ")
        .append(started.truncatedTo(ChronoUnit.SECONDS)).append(", took ")
        .append(java.time.Duration.between(started, Instant.now()).toSeconds()).append(" s.\n\n");
    if (caveat != null && !caveat.isBlank()) {
      md.append("> ").append(caveat).append("\n\n");
    }
    md.append("Sizes: ").append(sizes.rows()).append(" rows for bulk insert, large result and bulk update; ")
        .append(sizes.singles()).append(" single-row transactions; ").append(sizes.lookups())
        .append(" primary-key lookups in a table of ").append(sizes.lookupTable()).append(" rows. ")
        .append(sizes.warmup() * Workload.BULK_WARMUP).append(" warm-up round(s) and ").append(sizes.rounds())
        .append(" measured round(s) for the bulk workloads (")
        .append(sizes.rounds() * Database.bulkInsertRoundsFactor("mariadb")).append(" for MariaDB's bulk insert); ")
        .append(sizes.warmup() * Workload.SHORT_WARMUP).append(" warm-up and ")
        .append(sizes.rounds() * Workload.SHORT)
        .append(" measured for the large result, the single-row transactions and the lookups; the median is shown. A variant whose warm-up run took over ")
        .append(fmt(sizes.slowSeconds(), 0)).append(" s is measured once, by that run (\"slow\").");
    if (budgetSeconds > 0) {
      md.append(" The run has a time budget of ").append(fmt(budgetSeconds, 0)).append(" s, shared out among the "
          + "databases by what they usually take; where the rounds planned for a database would not fit its share, "
          + "rounds are taken away (from the costliest workload first, down to " + Schedule.BULK_WARMUP_FLOOR + " warm-up ("
          + Schedule.BULK_WARMUP_FLOOR_COLD + " on H2 and SQLite, whose first round is cold) and "
          + Schedule.BULK_MEASURED_FLOOR + " measured rounds for the bulk workloads, " + Schedule.SHORT_WARMUP_FLOOR + " and "
          + Schedule.SHORT_MEASURED_FLOOR + " for the short ones; a workload whose round takes under a second keeps all its rounds): each database's notes say what was cut, the *runs* column "
          + "what each variant got.");
    }
    md.append("\n\n");
    md.append("Durability settings, the same for every library: PostgreSQL connections use "
        + "`synchronous_commit=off`, SQLite runs in WAL mode with `synchronous=NORMAL` and MariaDB with "
        + "`innodb_flush_log_at_trx_commit=2` (set for the run, then put back), so commits do not "
        + "wait for the disk's flush (the single-row transactions measure the libraries, not this machine's "
        + "fsync); on PostgreSQL a `CHECKPOINT` precedes each timed run. Each database is measured in a JVM of its "
        + "own, started with the same options, so that the code every library shares was compiled for that "
        + "database's driver alone.\n\n");
    md.append("Columns: *median ms* is the median of the variant's runs; every ratio is the median over the "
        + "rounds of the two variants' times in the same round (runs of one round are seconds apart, so a slow "
        + "spell of the machine or the server hits both); *× raw JDBC* is the ratio to the workload's raw JDBC "
        + "baseline (the plain batch, without reWriteBatchedInserts, for bulk work); *× Hibernate best* compares "
        + "a jalchemy variant with the Hibernate variant of the lowest median (below 1 is ahead); *peak heap* is the sum of the heap "
        + "pools' peak usage during the run, reset after a GC before it (largest over the runs); "
        + "*issue 6 target* is taken against the raw JDBC variant it names: the one that does the same work: for the large result the one that keeps every row in a list, or streams them and keeps none; for the single-row transactions the one that reads the generated key back, as an insert into a table whose key the database makes must; elsewhere the raw JDBC variant of the lowest median. *raw JDBC into boxed value arrays* is what any API of rows by position allocates per row (an array, a boxed key, a holder), read with the typed getters: the floor under Core rows and column tuples; *raw JDBC streaming into boxed value arrays* streams the same rows, each row's array leaving the loop as a streamed row leaves its cursor (raw streaming's small object never does, and the JIT removes it): the floor under Core rows streamed with yieldPer.\n\n");
    md.append("## Machine and versions\n\n");
    for (String line : machine()) {
      md.append("- ").append(line).append('\n');
    }
    for (String line : versions) {
      md.append("- ").append(line).append('\n');
    }
    md.append('\n').append(sections);
    return md.toString();
  }

  void write(Path file, String caveat) throws IOException {
    Files.writeString(file, markdown(caveat));
  }

  private static List<String> machine() {
    List<String> out = new ArrayList<>();
    String cpu = "?";
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          cpu = l.substring(l.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    long memKb = -1;
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal")) {
          memKb = Long.parseLong(l.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    out.add("CPU: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " processors available to the JVM"
        + (memKb > 0 ? ", " + (memKb / 1048576) + " GB RAM" : ""));
    out.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    out.add("Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, "
        + ManagementFactoryNames.gcs());
    out.add("jalchemy " + version(org.jalchemy.Jalchemy.class, "0.1.0-SNAPSHOT") + gitCommit()
        + "; Hibernate ORM " + org.hibernate.Version.getVersionString()
        + "; jOOQ " + org.jooq.Constants.FULL_VERSION
        + "; HikariCP " + mavenVersion("com.zaxxer", "HikariCP"));
    return out;
  }

  private static String mavenVersion(String group, String artifact) {
    String res = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (var in = Report.class.getResourceAsStream(res)) {
      if (in == null) {
        return "?";
      }
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      return p.getProperty("version", "?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String version(Class<?> c, String fallback) {
    String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
    return v == null ? fallback : v;
  }

  private static String gitCommit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      boolean dirty = new ProcessBuilder("git", "diff", "--quiet", "HEAD").start().waitFor() != 0;
      return p.waitFor() == 0 && !out.isEmpty() ? " (commit " + out + (dirty ? ", with uncommitted changes" : "") + ")" : "";
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  /** Names of the garbage collectors in use. */
  static final class ManagementFactoryNames {
    private ManagementFactoryNames() {}

    static String gcs() {
      List<String> names = new ArrayList<>();
      java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().forEach(g -> names.add(g.getName()));
      return "GC " + String.join(", ", names);
    }
  }
}
