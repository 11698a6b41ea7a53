package org.jalchemy.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Load on the running sample (reliability, issue 7): 50 concurrent clients for 60 seconds on
 * loopback, each reading a user, creating one and deleting it again: 0 errors, and the server's
 * heap after a full GC at the end within 10 % of the start.
 */
class LoadIT {
  private static final String BASE = System.getProperty("sample.url", "http://localhost:9080/");
  private static final int CLIENTS = 50;
  private static final int SECONDS = Integer.getInteger("load.seconds", 60);
  /** Load before the first heap reading, so that caches and JIT reach their steady state first. */
  private static final int WARMUP_SECONDS = Integer.getInteger("load.warmup", 15);

  @Test
  void fiftyClientsForAMinuteWithoutErrorsOrHeapGrowth() throws Exception {
    long pid = serverPid();
    // HTTP/1.1 as wrk speaks it; idle connections close after 2 s (jdk.httpclient.keepalive.timeout, set
    // by the pom), so that the heap is read with no client connected
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(CLIENTS)).build();
    AtomicLong requests = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<String> firstErrors = new ArrayList<>();
    load(http, WARMUP_SECONDS, "warm", new AtomicLong(), errors, firstErrors);
    Thread.sleep(4_000); // the clients' idle connections close
    long heapBefore = heapAfterGcKb(pid);
    java.util.Map<String, Long> histogramBefore = histogram(pid);
    load(http, SECONDS, "load", requests, errors, firstErrors);
    Thread.sleep(4_000);
    long heapAfter = heapAfterGcKb(pid);
    String grown = growth(histogramBefore, histogram(pid));
    double growth = (heapAfter - heapBefore) / (double) heapBefore;
    System.out.printf(java.util.Locale.ROOT, "FAULT load on the Liberty sample: %d clients x %d s (after %d s of warm-up): %d "
        + "requests (%.0f/s), %d errors; heap after GC %d KB -> %d KB (%+.1f %%)%n", CLIENTS, SECONDS, WARMUP_SECONDS,
        requests.get(), requests.get() / (double) SECONDS, errors.get(), heapBefore, heapAfter, growth * 100);
    assertThat(firstErrors).isEmpty();
    assertThat(errors.get()).isZero();
    assertThat(growth).as("heap after GC within 10 % of the start; the classes that grew most:\n" + grown).isLessThan(0.10);
  }

  /** Bytes per class in the server's heap (jcmd GC.class_histogram, which collects first). */
  private static java.util.Map<String, Long> histogram(long pid) throws Exception {
    java.util.Map<String, Long> bytes = new java.util.HashMap<>();
    String out = run(System.getProperty("java.home") + "/bin/jcmd", String.valueOf(pid), "GC.class_histogram");
    Matcher m = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE).matcher(out);
    while (m.find()) {
      bytes.merge(m.group(3), Long.parseLong(m.group(2)), Long::sum);
    }
    return bytes;
  }

  private static String growth(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
    return after.entrySet().stream()
        .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(15)
        .map(e -> e.getValue() / 1024 + " KB " + e.getKey()).reduce("", (a, b) -> a + b + "\n");
  }

  /** {@link #CLIENTS} clients, each reading a user, creating one and deleting it, for {@code seconds}. */
  private static void load(HttpClient http, int seconds, String prefix, AtomicLong requests, AtomicLong errors,
      List<String> firstErrors) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      running.add(clients.submit(() -> {
        for (int i = 0; System.nanoTime() < end; i++) {
          String name = prefix + "-" + client + "-" + i;
          check(http, HttpRequest.newBuilder(URI.create(BASE + "api/users/sandy")).GET(), 200, requests, errors, firstErrors);
          check(http, HttpRequest.newBuilder(URI.create(BASE + "api/users")).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"addresses\":[\"" + name + "@load.org\"]}")),
              201, requests, errors, firstErrors);
          check(http, HttpRequest.newBuilder(URI.create(BASE + "api/users/" + name)).DELETE(), 204, requests, errors, firstErrors);
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get(seconds + 60L, TimeUnit.SECONDS);
    }
    clients.shutdown();
  }

  private static void check(HttpClient http, HttpRequest.Builder request, int expected, AtomicLong requests, AtomicLong errors,
      List<String> firstErrors) {
    requests.incrementAndGet();
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != expected) {
        fail(errors, firstErrors, r.request().method() + " " + r.uri() + " -> " + r.statusCode() + " " + r.body());
      }
    } catch (IOException | InterruptedException e) {
      fail(errors, firstErrors, e.toString());
    }
  }

  private static void fail(AtomicLong errors, List<String> firstErrors, String what) {
    errors.incrementAndGet();
    synchronized (firstErrors) {
      if (firstErrors.size() < 5) {
        firstErrors.add(what);
      }
    }
  }

  /** The Liberty server's process (started by the build for the integration tests). */
  private static long serverPid() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("ws-server") && c.contains("jalchemy-sample")).orElse(false))
        .mapToLong(ProcessHandle::pid).findFirst()
        .orElseThrow(() -> new AssertionError("the jalchemy-sample Liberty server is not running"));
  }

  /** A full GC of that JVM, then its heap in use, through jcmd. */
  private static long heapAfterGcKb(long pid) throws Exception {
    String jcmd = System.getProperty("java.home") + "/bin/jcmd";
    run(jcmd, String.valueOf(pid), "GC.run");
    String info = run(jcmd, String.valueOf(pid), "GC.heap_info");
    Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
    if (!m.find()) {
      throw new AssertionError("cannot read the heap from: " + info);
    }
    return Long.parseLong(m.group(1));
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
