package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.jalchemy.dialect.h2.H2Dialect;
import org.jalchemy.dialect.mysql.MySQLDialect;
import org.jalchemy.dialect.postgresql.PostgreSQLDialect;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Engines are lazy, detect the server on first connect, and log in with encoded credentials. */
class ConnectivityTest {
  /** Characters that must be percent-encoded in a URL's user info. */
  private static final String SPECIAL_PASSWORD = "p@ss:w/o%rd+x y";

  private static String encode(String s) {
    // URLEncoder writes a space as '+', but a '+' in the URL's user info stays a literal '+'.
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void creatingAnEngineForAnUnreachableServerOpensNothing() {
    Engine engine =
        Engine.create(
            "postgresql+pgjdbc://postgres:secret@127.0.0.1:1/test",
            Engine.Options.defaults().poolTimeout(Duration.ofMillis(800)));
    assertThat(engine.poolStatus().total()).isZero();
    assertThat(engine.dialect().serverVersion()).isNull();
    assertThatThrownBy(engine::connect)
        .isInstanceOf(OperationalError.class)
        .hasMessageContaining("could not connect to jdbc:postgresql://127.0.0.1:1/test")
        .hasMessageContaining("800 ms")
        .hasMessageNotContaining("secret");
    assertThat(engine.poolStatus().total()).isZero();
    engine.dispose();
  }

  @Test
  void noServerSessionUntilFirstConnect() throws SQLException {
    TestDatabase db = TestDatabase.postgresql();
    db.requireReachable();
    String app = "eng_lazy_" + System.nanoTime();
    Engine engine = Engine.create(db.url(), Engine.Options.defaults().connectArgs(Map.of("ApplicationName", app)));
    try {
      assertThat(sessionsNamed(app)).isZero();
      assertThat(engine.dialect().serverVersion()).isNull();
      try (Connection conn = engine.connect()) {
        assertThat(sessionsNamed(app)).isEqualTo(1);
        assertThat(conn.execute(text("select current_setting('application_name')")).scalar()).isEqualTo(app);
      }
      int[] version = engine.dialect().serverVersion();
      assertThat(version).isNotNull();
      assertThat(version[0]).isGreaterThanOrEqualTo(9);
    } finally {
      engine.dispose();
    }
    assertThat(sessionsNamed(app)).isZero();
  }

  private static int sessionsNamed(String app) throws SQLException {
    try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        var ps = c.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
      ps.setString(1, app);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void firstConnectDetectsTheServerVersion(TestDatabase db) {
    try (Engine engine = db.engine()) {
      assertThat(engine.dialect().serverVersion()).isNull();
      try (Connection conn = engine.connect()) {
        assertThat(conn.execute(text("select 1")).scalar()).isNotNull();
      }
      assertThat(engine.dialect().serverVersion()).hasSize(2);
      assertThat(engine.dialect().serverVersion()[0]).isPositive();
    }
  }

  /**
   * pg_hba.conf here trusts 127.0.0.1, so PostgreSQL would accept any password; MariaDB checks it,
   * so the password proof runs there: the right one logs in, a wrong one is refused.
   */
  @Test
  void encodedPasswordWithSpecialCharactersLogsInToMariadb() throws SQLException {
    TestDatabase db = TestDatabase.mariadb();
    db.requireReachable();
    String user = "eng_pw_" + (System.nanoTime() % 100000);
    try (var admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
        var st = admin.createStatement()) {
      st.execute("CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + SPECIAL_PASSWORD + "'");
      try {
        String url = "mariadb://" + user + ":" + encode(SPECIAL_PASSWORD) + "@127.0.0.1:3306/";
        try (Engine engine = Engine.create(url, Engine.Options.defaults())) {
          try (Connection conn = engine.connect()) {
            assertThat((String) conn.execute(text("select current_user()")).scalar()).startsWith(user + "@");
          }
        }
        // Or unencoded, through Options.credentials.
        var plain = Engine.Options.defaults().credentials(user, SPECIAL_PASSWORD);
        try (Engine engine = Engine.create("mariadb://127.0.0.1:3306/", plain)) {
          try (Connection conn = engine.connect()) {
            assertThat((String) conn.execute(text("select current_user()")).scalar()).startsWith(user + "@");
          }
        }
        String wrong = "mariadb://" + user + ":" + encode("p@ss:w/o%rd+x") + "@127.0.0.1:3306/";
        try (Engine engine = Engine.create(wrong, Engine.Options.defaults().poolTimeout(Duration.ofSeconds(2)))) {
          assertThatThrownBy(engine::connect)
              .isInstanceOf(OperationalError.class)
              .hasMessageContaining("Access denied")
              .hasMessageNotContaining("p@ss");
        }
      } finally {
        st.execute("DROP USER '" + user + "'@'127.0.0.1'");
      }
    }
  }

  /** The user name, unlike the password, is checked by trust auth: the role must exist. */
  @Test
  void encodedUserNameWithSpecialCharactersLogsInToPostgresql() throws SQLException {
    TestDatabase db = TestDatabase.postgresql();
    db.requireReachable();
    String role = "eng_u@s:e/r " + (System.nanoTime() % 100000);
    try (var admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        var st = admin.createStatement()) {
      st.execute("CREATE ROLE \"" + role + "\" LOGIN PASSWORD '" + SPECIAL_PASSWORD.replace("'", "''") + "'");
      try {
        String url = "postgresql+pgjdbc://" + encode(role) + ":" + encode(SPECIAL_PASSWORD) + "@127.0.0.1:5432/test";
        try (Engine engine = Engine.create(url, Engine.Options.defaults())) {
          try (Connection conn = engine.connect()) {
            assertThat(conn.execute(text("select current_user")).scalar()).isEqualTo(role);
          }
          assertThat(engine.toString()).doesNotContain("p@ss").doesNotContain("o%rd");
        }
      } finally {
        st.execute("DROP ROLE \"" + role + "\"");
      }
    }
  }

  @Test
  void dataSourceEngineDetectsTheDialectOnFirstConnect() {
    TestDatabase.postgresql().requireReachable();
    var ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
    ds.setUser("postgres");
    Engine engine = Engine.of(ds);
    assertThat(engine.isExternallyManaged()).isTrue();
    assertThat(engine.dialect()).isNull();
    try (Connection conn = engine.connect()) {
      assertThat(conn.execute(text("select 41 + 1")).scalar()).isEqualTo(42);
    }
    assertThat(engine.dialect()).isInstanceOf(PostgreSQLDialect.class);
    assertThat(engine.dialect().serverVersion()).isNotNull();
    engine.dispose();
  }

  @Test
  void dataSourceEngineDetectsMariadbAndH2() throws SQLException {
    var h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL("jdbc:h2:mem:eng_ds_" + System.nanoTime());
    Engine h2Engine = Engine.of(h2);
    try (Connection conn = h2Engine.connect()) {
      assertThat(conn.execute(text("select 1")).scalar()).isNotNull();
    }
    assertThat(h2Engine.dialect()).isInstanceOf(H2Dialect.class);

    TestDatabase.mariadb().requireReachable();
    var maria = new org.mariadb.jdbc.MariaDbDataSource("jdbc:mariadb://127.0.0.1:3306/test?user=root");
    Engine mariaEngine = Engine.of(maria);
    try (Connection conn = mariaEngine.connect()) {
      assertThat(conn.execute(text("select 1")).scalar()).isNotNull();
    }
    assertThat(mariaEngine.dialect()).isInstanceOf(MySQLDialect.class);
  }

  @Test
  void dataSourceEngineWithANamedDialect() {
    var h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL("jdbc:h2:mem:eng_ds_named_" + System.nanoTime());
    Engine engine = Engine.of(h2, "h2");
    // Named: known before any connection, so statements can be compiled offline.
    assertThat(engine.dialect()).isInstanceOf(H2Dialect.class);
    assertThat(engine.dialect().serverVersion()).isNull();
    try (Connection conn = engine.connect()) {
      assertThat(conn.execute(text("select 1")).scalar()).isNotNull();
    }
    assertThat(engine.dialect().serverVersion()).isNotNull();
  }
}
