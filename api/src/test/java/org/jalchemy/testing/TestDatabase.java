package org.jalchemy.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineUrl;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the suite runs against: SQLite and H2 always; PostgreSQL and MariaDB when
 * reachable, and required (a failure, not a skip) when {@code -Djalchemy.test.requireServers=true},
 * as {@code .ci/run} sets.
 *
 * <pre>{@code
 * @ParameterizedTest @MethodSource("org.jalchemy.testing.TestDatabase#all")
 * void roundTrip(TestDatabase db) { Engine engine = db.engine(); ... }
 * }</pre>
 */
public final class TestDatabase {
  private static final Map<String, Boolean> REACHABLE = new ConcurrentHashMap<>();

  private final String name;
  private final String url;
  private final boolean server;

  private TestDatabase(String name, String url, boolean server) {
    this.name = name;
    this.url = url;
    this.server = server;
  }

  public static TestDatabase sqlite() {
    return new TestDatabase("sqlite", "sqlite+xerial:///:memory:", false);
  }

  public static TestDatabase h2() {
    return new TestDatabase("h2", "h2:mem:jalchemy_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", false);
  }

  public static TestDatabase postgresql() {
    return new TestDatabase(
        "postgresql",
        System.getProperty("jalchemy.test.postgresql.url", "postgresql+pgjdbc://postgres@127.0.0.1:5432/test"),
        true);
  }

  public static TestDatabase mariadb() {
    return new TestDatabase(
        "mariadb", System.getProperty("jalchemy.test.mariadb.url", "mariadb://root@127.0.0.1:3306/test"), true);
  }

  /** All four, for {@code @MethodSource}. */
  public static List<TestDatabase> all() {
    List<TestDatabase> all = new ArrayList<>();
    all.add(sqlite());
    all.add(h2());
    all.add(postgresql());
    all.add(mariadb());
    return all;
  }

  public String name() {
    return name;
  }

  public String url() {
    return url;
  }

  /** A new engine for this database; skips (or fails when servers are required) if unreachable. */
  public Engine engine() {
    return engine(Engine.Options.defaults());
  }

  /** A new engine with options. */
  public Engine engine(Engine.Options options) {
    requireReachable();
    return Engine.create(url, options.poolTimeout(Duration.ofSeconds(10)));
  }

  /** Skips the test when a server database is down, unless servers are required. */
  public void requireReachable() {
    if (!server) {
      return;
    }
    boolean up = REACHABLE.computeIfAbsent(name, n -> probe());
    if (!up) {
      if (Boolean.getBoolean("jalchemy.test.requireServers")) {
        throw new AssertionError(
            name + " is required (jalchemy.test.requireServers=true) but unreachable at " + EngineUrl.redact(url));
      }
      Assumptions.abort(name + " unreachable at " + EngineUrl.redact(url) + "; test skipped");
    }
  }

  private boolean probe() {
    EngineUrl u = EngineUrl.parse(url);
    try (var c = DriverManager.getConnection(u.toJdbcUrl(), u.username(), u.password() == null ? "" : u.password())) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
