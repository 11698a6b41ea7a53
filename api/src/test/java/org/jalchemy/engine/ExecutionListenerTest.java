package org.jalchemy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.IntegrityError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** before/after execute, on error and transaction events, as tests and users see them. */
class ExecutionListenerTest {
  private final MetaData md = new MetaData();
  private final Table users = md.table("eng_evt_user");
  private final Column<Integer> id = users.column("id", Types.INTEGER).primaryKey();
  private final Column<String> name = users.column("name", Types.string(30)).notNull().unique();

  /** Records everything it is told, one line per event. */
  static final class Recorder implements ExecutionListener {
    final List<String> events = new ArrayList<>();
    final List<ExecutionContext> contexts = new ArrayList<>();
    final List<RuntimeException> errors = new ArrayList<>();

    @Override
    public void beforeExecute(ExecutionContext ctx) {
      contexts.add(ctx);
      events.add("before " + ctx.parameters() + " cached=" + ctx.cached());
    }

    @Override
    public void afterExecute(ExecutionContext ctx, long rowcount) {
      events.add("after " + rowcount);
    }

    @Override
    public void onError(ExecutionContext ctx, RuntimeException error) {
      errors.add(error);
      events.add("error " + ctx.parameters());
    }

    @Override
    public void onTransaction(String event) {
      events.add(event);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void listenersSeeSqlParametersCacheUseAndErrors(TestDatabase db) {
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      Recorder rec = new Recorder();
      engine.addListener(rec);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(users).values(Map.of("name", "a")));
        conn.execute(insert(users).values(Map.of("name", "b")));
        assertThatThrownBy(() -> conn.execute(insert(users).values(Map.of("name", "a"))))
            .isInstanceOf(IntegrityError.class);
        conn.rollback();
      }
      assertThat(rec.events)
          .containsExactly(
              "BEGIN (implicit)",
              "before [a] cached=false",
              "after 1",
              "before [b] cached=true",
              "after 1",
              "before [a] cached=true",
              "error [a]",
              "ROLLBACK");
      assertThat(rec.contexts.get(0).sql()).isEqualTo("INSERT INTO eng_evt_user (name) VALUES (?)");
      assertThat(rec.contexts.get(0).executemany()).isFalse();
      assertThat(rec.errors).singleElement().isInstanceOf(IntegrityError.class);

      engine.removeListener(rec);
      try (Connection conn = engine.connect()) {
        conn.execute(select(name)).all();
      }
      assertThat(rec.events).hasSize(8);
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void queriesReportMinusOneAndSeeTheirParameters(TestDatabase db) {
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      Recorder rec = new Recorder();
      engine.addListener(rec);
      try (Connection conn = engine.connect()) {
        conn.execute(select(name).where(id.gt(5), name.ne("x"))).all();
        conn.commit();
      }
      assertThat(rec.events).containsExactly("BEGIN (implicit)", "before [5, x] cached=false", "after -1", "COMMIT");
      assertThat(rec.contexts.get(0).sql()).contains("WHERE eng_evt_user.id > ? AND eng_evt_user.name != ?");
      engine.removeListener(rec);
      md.dropAll(engine);
    }
  }
}
