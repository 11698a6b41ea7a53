package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.JalchemyException;
import org.junit.jupiter.api.Test;

/** Every URL form the engine accepts, parsed without connecting. */
class EngineUrlTest {
  @Test
  void sqliteRelativeAbsoluteAndMemory() {
    EngineUrl rel = EngineUrl.parse("sqlite+xerial:///path.db");
    assertThat(rel.dialect()).isEqualTo("sqlite");
    assertThat(rel.driver()).isEqualTo("xerial");
    assertThat(rel.database()).isEqualTo("path.db");
    assertThat(rel.toJdbcUrl()).isEqualTo("jdbc:sqlite:path.db");
    assertThat(rel.isSqliteMemory()).isFalse();

    EngineUrl abs = EngineUrl.parse("sqlite+xerial:////abs/path.db");
    assertThat(abs.database()).isEqualTo("/abs/path.db");
    assertThat(abs.toJdbcUrl()).isEqualTo("jdbc:sqlite:/abs/path.db");

    EngineUrl mem = EngineUrl.parse("sqlite+xerial:///:memory:");
    assertThat(mem.database()).isEqualTo(":memory:");
    assertThat(mem.isSqliteMemory()).isTrue();
    assertThat(mem.toJdbcUrl()).isEqualTo("jdbc:sqlite::memory:");
    assertThat(EngineUrl.parse("sqlite://").isSqliteMemory()).isTrue();
  }

  @Test
  void h2ShortForm() {
    EngineUrl u = EngineUrl.parse("h2:mem:name");
    assertThat(u.dialect()).isEqualTo("h2");
    // A named memory database outlives the pool's idle-connection retirement.
    assertThat(u.toJdbcUrl()).isEqualTo("jdbc:h2:mem:name;DB_CLOSE_DELAY=-1");
    assertThat(u.isPrivateMemory()).isFalse();
    assertThat(EngineUrl.parse("h2:mem:x;DB_CLOSE_DELAY=0").toJdbcUrl()).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=0");
    assertThat(EngineUrl.parse("h2:./data/app").toJdbcUrl()).isEqualTo("jdbc:h2:./data/app");
    assertThat(EngineUrl.parse("h2://dbhost:9092/app").toJdbcUrl()).isEqualTo("jdbc:h2:tcp://dbhost:9092/app");
    // An unnamed one exists inside one connection only, like SQLite's.
    assertThat(EngineUrl.parse("h2:mem:").isPrivateMemory()).isTrue();
    assertThat(EngineUrl.parse("jdbc:h2:mem:").isPrivateMemory()).isTrue();
    assertThat(EngineUrl.parse("sqlite+xerial:///:memory:").isPrivateMemory()).isTrue();
  }

  @Test
  void aNamedH2MemoryDatabaseSurvivesTheEnginesConnectionsClosing() {
    String url = "h2:mem:eng_url_" + System.nanoTime();
    try (Engine engine = Engine.create(url, Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        conn.execute(org.jalchemy.Jalchemy.text("create table eng_keep (x int)"));
        conn.commit();
      }
      engine.dispose(); // every pooled connection closed
      try (Connection conn = engine.connect()) {
        assertThat(conn.execute(org.jalchemy.Jalchemy.text("select count(*) from eng_keep")).scalar()).isEqualTo(0L);
      }
    }
  }

  @Test
  void anUnnamedH2MemoryDatabaseIsSharedThroughOneConnection() {
    try (Engine engine = Engine.create("h2:mem:", Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        conn.execute(org.jalchemy.Jalchemy.text("create table eng_one (x int)"));
        conn.commit();
      }
      try (Connection conn = engine.connect()) {
        assertThat(conn.execute(org.jalchemy.Jalchemy.text("select count(*) from eng_one")).scalar()).isEqualTo(0L);
      }
      assertThat(engine.poolStatus().size()).isEqualTo(1);
    }
  }

  @Test
  void postgresqlWithEverything() {
    EngineUrl u = EngineUrl.parse("postgresql+pgjdbc://u:p@h:5432/db?x=y&sslmode=disable");
    assertThat(u.dialect()).isEqualTo("postgresql");
    assertThat(u.driver()).isEqualTo("pgjdbc");
    assertThat(u.username()).isEqualTo("u");
    assertThat(u.password()).isEqualTo("p");
    assertThat(u.host()).isEqualTo("h");
    assertThat(u.port()).isEqualTo(5432);
    assertThat(u.database()).isEqualTo("db");
    assertThat(u.query()).containsExactly(Map.entry("x", "y"), Map.entry("sslmode", "disable"));
    assertThat(u.toJdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
  }

  @Test
  void mysqlAndMariadbBothUseTheMariadbDriver() {
    EngineUrl my = EngineUrl.parse("mysql+mariadb://scott:tiger@db.example.com:3306/shop");
    assertThat(my.dialect()).isEqualTo("mysql");
    assertThat(my.driver()).isEqualTo("mariadb");
    assertThat(my.toJdbcUrl()).isEqualTo("jdbc:mariadb://db.example.com:3306/shop");
    EngineUrl maria = EngineUrl.parse("mariadb://root@127.0.0.1/test");
    assertThat(maria.username()).isEqualTo("root");
    assertThat(maria.password()).isNull();
    assertThat(maria.port()).isNull();
    assertThat(maria.toJdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1/test");
    assertThat(EngineUrl.parse("postgresql://u@[::1]:5433/db").toJdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
  }

  @Test
  void plainJdbcUrlIsKeptAsGiven() {
    EngineUrl u = EngineUrl.parse("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    assertThat(u.toJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    assertThat(u.jdbcUrl()).isNotNull();
    assertThat(EngineUrl.parse("jdbc:sqlite::memory:").isSqliteMemory()).isTrue();
    assertThat(EngineUrl.parse("jdbc:sqlite:/tmp/x.db").isSqliteMemory()).isFalse();
  }

  @Test
  void encodedSpecialCharactersInUserAndPassword() {
    // @ : / % + and space, percent-encoded as SQLAlchemy (urllib.parse.quote_plus minus '+') expects.
    EngineUrl u = EngineUrl.parse("postgresql://us%40er:p%40ss%3Aw%2Fo%25rd+x%20y@h/db");
    assertThat(u.username()).isEqualTo("us@er");
    assertThat(u.password()).isEqualTo("p@ss:w/o%rd+x y");
    assertThat(u.host()).isEqualTo("h");
  }

  @Test
  void passwordNeverShown() {
    EngineUrl u = EngineUrl.parse("postgresql://scott:s3cr%40t@h/db");
    assertThat(u.toString()).isEqualTo("postgresql://scott:***@h/db").doesNotContain("s3cr");
    assertThat(EngineUrl.parse("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true").toString())
        .doesNotContain("s3cret").contains("password=***").contains("ssl=true");
    assertThat(EngineUrl.redact("jdbc:mariadb://a:s3cret@h/db")).doesNotContain("s3cret");
    assertThat(EngineUrl.redact("jdbc:h2:mem:x;USER=sa;PASSWORD=s3cret")).doesNotContain("s3cret");

    Engine e = Engine.create("postgresql+pgjdbc://scott:s3cr%40t@127.0.0.1:1/db", Engine.Options.defaults());
    assertThat(e.toString()).contains("scott:***@").doesNotContain("s3cr");
    e.dispose();
  }

  @Test
  void badUrlListsTheAcceptedForms() {
    assertThatThrownBy(() -> EngineUrl.parse("not a url"))
        .isInstanceOf(ArgumentError.class)
        .hasMessageContaining("could not parse database URL 'not a url'")
        .hasMessageContaining("sqlite+xerial:///:memory:")
        .hasMessageContaining("postgresql+pgjdbc://")
        .hasMessageContaining("jdbc:");
    assertThatThrownBy(() -> EngineUrl.parse("")).isInstanceOf(ArgumentError.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> EngineUrl.parse("postgresql://u:secret@h:port/db"))
        .isInstanceOf(ArgumentError.class)
        .hasMessageContaining("port 'port' is not a number")
        .hasMessageNotContaining("secret");
  }

  @Test
  void unknownDialectListsTheKnownOnes() {
    assertThatThrownBy(() -> Engine.create("oracle://u:secret@h/db", Engine.Options.defaults()))
        .isInstanceOf(ArgumentError.class)
        .isInstanceOf(JalchemyException.class)
        .hasMessageContaining("unknown dialect 'oracle'")
        .hasMessageContaining("sqlite, h2, postgresql")
        .hasMessageContaining("mariadb")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> Engine.create("jdbc:db2://h/db", Engine.Options.defaults()))
        .isInstanceOf(ArgumentError.class)
        .hasMessageContaining("unknown dialect 'db2'")
        .hasMessageContaining("postgresql");
  }

  @Test
  void optionsRejectNonsenseNamingTheOption() {
    assertThatThrownBy(() -> Engine.Options.defaults().poolSize(0))
        .isInstanceOf(ArgumentError.class).hasMessageContaining("poolSize must be at least 1");
    assertThatThrownBy(() -> Engine.Options.defaults().cacheSize(-1))
        .isInstanceOf(ArgumentError.class).hasMessageContaining("cacheSize");
    assertThatThrownBy(() -> Engine.Options.defaults().poolTimeout(java.time.Duration.ofSeconds(-1)))
        .isInstanceOf(ArgumentError.class).hasMessageContaining("poolTimeout");
    // Options are values: each call returns a new one.
    Engine.Options base = Engine.Options.defaults();
    Engine.Options echoing = base.withEcho(true).poolSize(3);
    assertThat(base.echoEnabled()).isFalse();
    assertThat(base.poolOptions().size()).isEqualTo(5);
    assertThat(echoing.echoEnabled()).isTrue();
    assertThat(echoing.poolOptions().size()).isEqualTo(3);
  }
}
