package org.jalchemy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine's statement cache seen from outside: counts and echo, on every database. */
class StatementCacheEngineTest {
  private final RoundTripFixture fx = new RoundTripFixture();
  private final SqlFixtures f = fx.f;

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void sameShapeIsCompiledOnceOtherShapesAgain(TestDatabase db) {
    ByteArrayOutputStream echo = new ByteArrayOutputStream();
    try (Engine engine = db.engine(Engine.Options.echo(true).echoTo(new PrintStream(echo, true, StandardCharsets.UTF_8)))) {
      fx.setUp(engine);
      try (Connection conn = engine.connect()) {
        assertThat(conn.execute(select(f.name).where(f.userId.eq(1))).scalarOne()).isEqualTo("spongebob");
        int afterFirst = engine.cachedStatementCount();
        echo.reset();
        assertThat(conn.execute(select(f.name).where(f.userId.eq(2))).scalarOne()).isEqualTo("sandy");
        assertThat(conn.execute(select(f.name).where(f.userId.eq(3))).scalarOne()).isEqualTo("patrick");
        assertThat(engine.cachedStatementCount()).isEqualTo(afterFirst);
        String log = echo.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("[cached since").doesNotContain("[generated in").contains("(2)").contains("(3)");

        // Different shapes compile anew and still give the right rows.
        echo.reset();
        assertThat(conn.execute(select(f.name).where(f.userId.in(List.of(1, 2))).orderBy(f.userId)).scalars().all())
            .containsExactly("spongebob", "sandy");
        assertThat(conn.execute(select(f.name).where(f.userId.in(List.of(1, 2, 3))).orderBy(f.userId)).scalars().all())
            .containsExactly("spongebob", "sandy", "patrick");
        assertThat(conn.execute(select(f.fullname).where(f.userId.eq(2))).scalarOne()).isEqualTo("Sandy Cheeks");
        assertThat(conn.execute(select(f.name.label("a")).where(f.userId.eq(2))).one().get("a")).isEqualTo("sandy");
        assertThat(conn.execute(select(f.name.label("b")).where(f.userId.eq(2))).one().get("b")).isEqualTo("sandy");
        assertThat(conn.execute(select(f.name).where(f.userId.gt(4))).scalarOne()).isEqualTo("50abc");
        assertThat(engine.cachedStatementCount()).isEqualTo(afterFirst + 6);
        assertThat(echo.toString(StandardCharsets.UTF_8)).doesNotContain("[cached since");

        // Same shape again with other values: every one from the cache.
        echo.reset();
        assertThat(conn.execute(select(f.name).where(f.userId.in(List.of(4, 5))).orderBy(f.userId)).scalars().all())
            .containsExactly("50%_off", "50abc");
        assertThat(conn.execute(select(f.name.label("b")).where(f.userId.eq(1))).one().get("b")).isEqualTo("spongebob");
        assertThat(engine.cachedStatementCount()).isEqualTo(afterFirst + 6);
        assertThat(echo.toString(StandardCharsets.UTF_8)).doesNotContain("[generated in");
      } finally {
        fx.tearDown(engine);
      }
    }
  }
}
