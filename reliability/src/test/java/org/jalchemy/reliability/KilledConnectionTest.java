package org.jalchemy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.inspect;
import static org.jalchemy.Jalchemy.select;
import static org.jalchemy.Jalchemy.text;

import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.JalchemyException;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.reliability.model.Note;
import org.jalchemy.reliability.model.RelBase;
import org.jalchemy.reliability.model.Note_;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server kills the session's connection in the middle of its transaction: the session reports
 * it once, rolls back cleanly with its objects back to the right states, and the next transaction
 * on the same engine succeeds on a fresh connection.
 */
class KilledConnectionTest {

  @ParameterizedTest
  @ValueSource(strings = {"postgresql", "mariadb"})
  void theSessionRecoversOnAFreshConnection(String name) throws Exception {
    Databases db = Databases.named(name);
    Engine engine = db.engine(Engine.Options.defaults().poolSize(3));
    try {
      var md = DeclarativeBase.metadata(RelBase.class);
      md.dropAll(engine, true);
      md.createAll(engine);
      SessionMaker sessions = SessionMaker.of(engine);
      try (Session session = sessions.open()) {
        Note kept = new Note("kept");
        session.add(kept);
        session.commit();
        Note doomed = new Note("doomed");
        session.add(doomed);
        session.flush();
        Object backend = session.execute(text(name.equals("postgresql") ? "select pg_backend_pid()" : "select connection_id()")).scalar();
        try (Connection killer = engine.connect()) {
          killer.execute(text(name.equals("postgresql") ? "select pg_terminate_backend(" + backend + ")" : "kill " + backend));
          killer.commit();
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(session::commit).isInstanceOf(JalchemyException.class);
        long reportedMs = (System.nanoTime() - t0) / 1_000_000;
        session.rollback();
        assertThat(inspect(doomed).state()).as("its INSERT died with the transaction").isEqualTo(ObjectState.TRANSIENT);
        assertThat(inspect(kept).state()).isEqualTo(ObjectState.PERSISTENT);

        session.add(new Note("after"));
        session.commit();
        assertThat(session.scalars(select(Note_.body).orderBy(Note_.body)).all()).containsExactly("after", "kept");
        assertThat(engine.poolStatus().active()).isLessThanOrEqualTo(1);
        Figures.report("connection killed mid-transaction (" + name + ")", "error reported once after " + reportedMs
            + " ms; rollback clean (pending -> transient, committed kept); next transaction succeeded on a fresh connection");
      }
      try (Connection c = engine.connect()) {
        assertThat(((Number) c.execute(text("select count(*) from rel_note")).scalar()).longValue())
            .as("rows read back: kept and after").isEqualTo(2L);
      }
    } finally {
      engine.dispose();
    }
  }
}
