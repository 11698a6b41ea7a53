package org.jalchemy.reliability;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.jalchemy.Jalchemy;
import org.jalchemy.engine.Engine;
import org.junit.jupiter.api.Assumptions;

/** The databases the faults are injected into: SQLite and H2 always; PostgreSQL and MariaDB when reachable, required in CI. */
record Databases(String name, String url, String host, int port) {
  static List<Databases> all() {
    List<Databases> out = new ArrayList<>();
    out.add(new Databases("sqlite", "sqlite+xerial:///" + System.getProperty("java.io.tmpdir") + "/jalchemy-rel-"
        + ProcessHandle.current().pid() + ".sqlite", null, 0));
    out.add(new Databases("h2", "h2:mem:rel_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, 0));
    out.add(new Databases("postgresql", "postgresql+pgjdbc://postgres@127.0.0.1:5432/test", "127.0.0.1", 5432));
    out.add(new Databases("mariadb", "mariadb://root@127.0.0.1:3306/test", "127.0.0.1", 3306));
    return out;
  }

  static Databases named(String name) {
    return all().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
  }

  /** Skips (or, with jalchemy.test.requireServers=true, fails) when a server is unreachable. */
  void requireReachable() {
    if (host == null) {
      return;
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000);
    } catch (java.io.IOException e) {
      if (Boolean.getBoolean("jalchemy.test.requireServers")) {
        throw new AssertionError(name + " is required (jalchemy.test.requireServers) but unreachable at " + host + ":" + port, e);
      }
      Assumptions.abort(name + " unreachable: " + e.getMessage());
    }
  }

  Engine engine(Engine.Options options) {
    requireReachable();
    return Jalchemy.createEngine(url, options);
  }

  @Override
  public String toString() {
    return name;
  }
}
