package org.jalchemy.examples.webapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Run by the README's main job after Liberty started: waits for the sample's first answer, then
 * prints where it is, what it answered and how to stop it.
 */
public final class StartedBanner {
  private StartedBanner() {}

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:9080/";
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/users")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          System.out.println();
          System.out.println("  jalchemy sample is running: " + base);
          System.out.println("  curl " + base + "api/users");
          System.out.println("    -> " + r.body());
          System.out.println("  stop it with: mvn -pl examples/webapp liberty:stop");
          System.out.println();
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the sample did not answer at " + base + " within 60 s; see "
            + "examples/webapp/target/liberty/wlp/usr/servers/jalchemy-sample/logs/messages.log");
      }
      Thread.sleep(500);
    }
  }
}
