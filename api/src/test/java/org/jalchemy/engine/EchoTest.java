package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jalchemy.exc.DBAPIError;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** echo prints every statement, its parameters and how it was compiled; the System.Logger gets the same. */
class EchoTest {
  private final MetaData md = new MetaData();
  private final Table users = md.table("eng_echo_user");
  private final Column<Integer> id = users.column("id", Types.INTEGER).primaryKey();
  private final Column<String> name = users.column("name", Types.string(30)).notNull().unique();

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final List<String> logged = new ArrayList<>();
  // Held strongly: java.util.logging keeps loggers only weakly, and a collected one loses its handler.
  private final Logger julLogger = Logger.getLogger("org.jalchemy.engine");
  private Level previousLevel;
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (logged) {
            logged.add(new java.util.logging.SimpleFormatter().formatMessage(record));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLogger() {
    previousLevel = julLogger.getLevel();
    julLogger.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    julLogger.addHandler(handler);
  }

  @AfterEach
  void releaseLogger() {
    julLogger.removeHandler(handler);
    julLogger.setLevel(previousLevel);
  }

  private List<String> printedLines() {
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private Engine engine(Engine.Options options) {
    Engine engine = TestDatabase.sqlite().engine(options.echoTo(new PrintStream(printed, true, StandardCharsets.UTF_8)));
    md.createAll(engine);
    printed.reset();
    synchronized (logged) {
      logged.clear();
    }
    return engine;
  }

  @Test
  void echoPrintsStatementsParametersAndCacheUseInOrder() {
    try (Engine engine = engine(Engine.Options.echo(true))) {
      try (Connection conn = engine.connect()) {
        conn.execute(insert(users).values(Map.of("name", "spongebob")));
        conn.execute(insert(users), List.of(Map.of("name", "sandy"), Map.of("name", "patrick")));
        conn.execute(insert(users), List.of(Map.of("name", "squidward"), Map.of("name", "gary")));
        conn.commit();
        conn.execute(select(name).where(id.eq(1))).all();
        conn.execute(select(name).where(id.eq(2))).all();
      }
      List<String> lines = printedLines();
      assertThat(lines).allMatch(l -> l.startsWith("[jalchemy] ") || !l.startsWith("["));
      String all = String.join("\n", lines);
      // In the order sent.
      assertThat(all)
          .containsSubsequence(
              "[jalchemy] BEGIN (implicit)",
              "[jalchemy] INSERT INTO eng_echo_user (name) VALUES (?)",
              "[generated in ",
              "('spongebob')",
              "[jalchemy] INSERT INTO eng_echo_user (name) VALUES (?)",
              "[generated in ",
              "[2 parameter sets] (('sandy'), ('patrick'))",
              "[jalchemy] INSERT INTO eng_echo_user (name) VALUES (?)",
              "[cached since ",
              "[2 parameter sets] (('squidward'), ('gary'))",
              "[jalchemy] COMMIT",
              "[jalchemy] BEGIN (implicit)",
              "SELECT eng_echo_user.name",
              "[generated in ",
              "(1)",
              "SELECT eng_echo_user.name",
              "[cached since ",
              "(2)",
              "[jalchemy] ROLLBACK");
      assertThat(lines).anyMatch(l -> l.matches("\\[jalchemy] \\[generated in \\d+\\.\\d{5}s] \\(1\\)"));
      assertThat(lines).anyMatch(l -> l.matches("\\[jalchemy] \\[cached since [0-9.e-]+s ago] \\(2\\)"));
    }
  }

  @Test
  void theSystemLoggerGetsEveryStatementEvenWithEchoOff() {
    try (Engine engine = engine(Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        conn.execute(insert(users).values(Map.of("name", "plankton")));
        conn.execute(select(name).where(name.eq("plankton"))).all();
        conn.execute(select(name).where(name.eq("karen"))).all();
        conn.commit();
      }
      assertThat(printed.size()).as("echo off prints nothing").isZero();
      List<String> snapshot;
      synchronized (logged) {
        snapshot = List.copyOf(logged);
      }
      assertThat(String.join("\n", snapshot))
          .containsSubsequence(
              "BEGIN (implicit)",
              "INSERT INTO eng_echo_user (name) VALUES (?)",
              "('plankton')",
              "WHERE eng_echo_user.name = ?",
              "[generated in ",
              "('plankton')",
              "WHERE eng_echo_user.name = ?",
              "[cached since ",
              "('karen')",
              "COMMIT");
    }
  }

  @Test
  void hideParametersKeepsValuesOutOfEchoLogsListenersAndErrors() {
    try (Engine engine = engine(Engine.Options.echo(true).hideParameters(true))) {
      List<ExecutionContext> seen = new ArrayList<>();
      engine.addListener(
          new ExecutionListener() {
            @Override
            public void beforeExecute(ExecutionContext ctx) {
              seen.add(ctx);
            }
          });
      try (Connection conn = engine.connect()) {
        conn.execute(insert(users).values(Map.of("name", "secret-value")));
        assertThatThrownBy(() -> conn.execute(insert(users).values(Map.of("name", "secret-value"))))
            .isInstanceOf(IntegrityError.class)
            .hasMessageContaining("[SQL: INSERT INTO eng_echo_user (name) VALUES (?)]")
            .hasMessageContaining("[SQL parameters hidden due to hideParameters=true]")
            .hasMessageNotContaining("secret-value")
            .satisfies(e -> assertThat(((DBAPIError) e).parameters()).isEmpty())
            .satisfies(e -> assertThat(((DBAPIError) e).parametersHidden()).isTrue());
      }
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("[SQL parameters hidden due to hideParameters=true]")
          .doesNotContain("secret-value");
      assertThat(String.join("\n", logged)).doesNotContain("secret-value");
      assertThat(seen).allMatch(c -> c.parameters().isEmpty());
    }
  }

  @Test
  void withoutHideParametersErrorsShowTheValues() {
    try (Engine engine = engine(Engine.Options.defaults())) {
      try (Connection conn = engine.connect()) {
        conn.execute(insert(users).values(Map.of("name", "visible")));
        assertThatThrownBy(() -> conn.execute(insert(users).values(Map.of("name", "visible"))))
            .isInstanceOf(IntegrityError.class)
            .hasMessageContaining("[parameters: ('visible')]")
            .satisfies(e -> assertThat(List.copyOf(((DBAPIError) e).parameters())).isEqualTo(List.of("visible")));
      }
    }
  }

  @Test
  void cacheSizeZeroCompilesEveryTime() {
    try (Engine engine = engine(Engine.Options.echo(true).cacheSize(0))) {
      try (Connection conn = engine.connect()) {
        conn.execute(select(name).where(id.eq(1))).all();
        conn.execute(select(name).where(id.eq(2))).all();
      }
      assertThat(printedLines()).filteredOn(l -> l.contains("[generated in ")).hasSize(2);
      assertThat(printedLines()).noneMatch(l -> l.contains("[cached since "));
      assertThat(engine.cachedStatementCount()).isZero();
    }
  }
}
