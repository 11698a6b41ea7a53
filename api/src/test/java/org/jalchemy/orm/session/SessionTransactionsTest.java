package org.jalchemy.orm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.inspect;
import static org.jalchemy.Jalchemy.select;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.ExecutionContext;
import org.jalchemy.engine.ExecutionListener;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.orm.SessionTransaction;
import org.jalchemy.orm.StaleDataError;
import org.jalchemy.orm.session.model.SesAddress;
import org.jalchemy.orm.session.model.SesBase;
import org.jalchemy.orm.session.model.SesItem;
import org.jalchemy.orm.session.model.SesUser;
import org.jalchemy.orm.session.model.SesUser_;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** session.begin(), noAutoflush, merge, and working inside a transaction someone else owns. */
class SessionTransactionsTest {

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void beginCommitsOnlyWhenToldAndRollsBackOnClose(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      SesUser kept = new SesUser("kept", null);
      try (Session session = db.sessions.open()) {
        try (SessionTransaction tx = session.begin()) {
          session.add(kept);
          tx.commit();
        }
        SesUser dropped = new SesUser("dropped", null);
        try (SessionTransaction tx = session.begin()) {
          session.add(dropped);
          session.flush();
          assertThat(inspect(dropped).state()).isEqualTo(ObjectState.PERSISTENT);
        } // no commit: rolled back
        assertThat(inspect(dropped).state()).isEqualTo(ObjectState.TRANSIENT);

        session.scalars(select(SesUser.class)).all(); // begins implicitly
        assertThatThrownBy(session::begin).isInstanceOf(InvalidRequestError.class).hasMessageContaining("already begun");
      }
      assertThat(db.rows("select name from ses_user")).containsExactly(List.of("kept"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void sessionMakerTransactionCommitsOnReturnAndRollsBackOnException(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      Integer id = db.sessions.transaction(session -> {
        SesUser u = new SesUser("sandy", null);
        session.add(u);
        session.flush();
        return u.getId();
      });
      assertThat(id).isNotNull();
      assertThatThrownBy(() -> db.sessions.transaction(session -> {
        session.add(new SesUser("patrick", null));
        session.flush();
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      assertThat(db.rows("select name from ses_user")).containsExactly(List.of("sandy"));
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void noAutoflushHoldsPendingObjectsBackFromQueries(TestDatabase tdb) {
    try (SessionDb db = new SessionDb(tdb)) {
      try (Session session = db.sessions.open()) {
        session.add(new SesUser("sandy", null));
        try (var paused = session.noAutoflush()) {
          assertThat(session.scalars(select(SesUser.class)).all()).isEmpty();
          assertThat(db.statements()).containsExactly("SELECT ses_user");
        }
        assertThat(session.scalars(select(SesUser.class)).all()).extracting(SesUser::getName).containsExactly("sandy");
        assertThat(db.statements()).as("autoflush is back").containsExactly("INSERT ses_user", "SELECT ses_user");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void mergeCopiesADetachedObjectOntoTheSessionsObject(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      SesUser detached;
      try (Session session = db.sessions.open()) {
        SesUser u = new SesUser("sandy", "Sandy");
        u.getAddresses().add(new SesAddress("a@sea.org"));
        session.add(u);
        session.commit();
        detached = session.get(SesUser.class, u.getId());
        detached.getAddresses().size();
      }
      detached.setFullname("Sandy Cheeks");
      detached.getAddresses().get(0).setEmailAddress("sandy@sea.org");
      detached.getAddresses().add(new SesAddress("b@sea.org"));
      db.takeSql();

      try (Session session = db.sessions.open()) {
        SesUser managed = session.merge(detached);
        assertThat(managed).isNotSameAs(detached);
        assertThat(session.get(SesUser.class, detached.getId())).isSameAs(managed);
        assertThat(inspect(detached).state()).as("the given object is left alone").isEqualTo(ObjectState.DETACHED);
        assertThat(inspect(managed).state()).isEqualTo(ObjectState.PERSISTENT);
        assertThat(managed.getFullname()).isEqualTo("Sandy Cheeks");
        assertThat(managed.getAddresses()).extracting(SesAddress::getEmailAddress).containsExactly("sandy@sea.org", "b@sea.org");
        assertThat(managed.getAddresses().get(1).getUser()).isSameAs(managed);
        assertThat(db.statements()).as("loaded by key, with its addresses").containsExactly("SELECT ses_user", "SELECT ses_address");

        session.commit();
        assertThat(db.statements()).containsExactlyInAnyOrder("INSERT ses_address", "UPDATE ses_user", "UPDATE ses_address");
      }
      assertThat(db.rows("select fullname from ses_user")).containsExactly(List.of("Sandy Cheeks"));
      assertThat(db.rows("select email_address from ses_address order by email_address"))
          .containsExactly(List.of("b@sea.org"), List.of("sandy@sea.org"));

      try (Session session = db.sessions.open()) {
        SesUser already = session.get(SesUser.class, detached.getId());
        db.takeSql();
        detached.setFullname("S. Cheeks");
        assertThat(session.merge(detached)).as("found in the identity map: no SELECT of the user").isSameAs(already);
        assertThat(already.getFullname()).isEqualTo("S. Cheeks");
        assertThat(db.statements()).containsExactly("SELECT ses_address");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void mergeOfANewObjectMakesAPendingCopyAndAStaleVersionIsRefused(TestDatabase tdb) throws SQLException {
    try (SessionDb db = new SessionDb(tdb)) {
      SesUser fresh = new SesUser("patrick", "Patrick Star");
      SesItem item;
      try (Session session = db.sessions.open()) {
        SesUser copy = session.merge(fresh);
        assertThat(copy).isNotSameAs(fresh);
        assertThat(inspect(copy).state()).isEqualTo(ObjectState.PENDING);
        assertThat(inspect(fresh).state()).isEqualTo(ObjectState.TRANSIENT);
        item = new SesItem("kelp", 1);
        session.add(item);
        session.commit();
        item.getQuantity(); // loaded before it leaves the session
      }
      assertThat(db.rows("select name, fullname from ses_user")).containsExactly(List.of("patrick", "Patrick Star"));

      db.exec("update ses_item set quantity = 5, version = version + 1");
      item.setQuantity(2);
      try (Session session = db.sessions.open()) {
        assertThatThrownBy(() -> session.merge(item)).isInstanceOf(StaleDataError.class)
            .hasMessageContaining("version 1").hasMessageContaining("stored version 2");
      }
      assertThat(db.rows("select quantity from ses_item")).containsExactly(List.of(5L));
    }
  }

  /**
   * The container SPI without a container: the test plays the transaction's owner, with one JDBC
   * connection it commits or rolls back itself, as a JTA transaction manager would.
   */
  @Test
  void aSessionJoinedToAnExternalTransactionLeavesCommitAndRollbackToItsOwner() throws SQLException {
    Owner owner = new Owner("ses_external_");
    java.sql.Connection owned = owner.connection;
    Engine engine = owner.engine;
    List<String> sql = new ArrayList<>();
    engine.addListener(new ExecutionListener() {
      @Override
      public void beforeExecute(ExecutionContext context) {
        sql.add(SessionDb.shape(context.sql()));
      }
    });
    try (Session session = SessionMaker.of(engine).open()) {
      session.joinExternalTransaction("the test's transaction");
      SesUser sandy = new SesUser("sandy", null);
      session.add(sandy);
      assertThatThrownBy(session::commit).isInstanceOf(InvalidRequestError.class)
          .hasMessageContaining("the test's transaction").hasMessageContaining("container owns");
      assertThatThrownBy(session::rollback).isInstanceOf(InvalidRequestError.class);
      session.beforeExternalCompletion();
      assertThat(sql).containsExactly("INSERT ses_user");
      owned.commit();
      session.afterExternalCompletion(true);
      assertThat(inspect(sandy).state()).isEqualTo(ObjectState.PERSISTENT);
      assertThat(inspect(sandy).expiredAttributes()).as("expired after the owner's commit").contains("name");

      session.joinExternalTransaction("the test's second transaction");
      assertThat(session.get(SesUser.class, sandy.getId())).as("one identity map across transactions").isSameAs(sandy);
      SesUser patrick = new SesUser("patrick", null);
      session.add(patrick);
      session.beforeExternalCompletion();
      owned.rollback();
      session.afterExternalCompletion(false);
      assertThat(inspect(patrick).state()).isEqualTo(ObjectState.TRANSIENT);
      assertThat(session.scalars(select(SesUser_.name)).all()).containsExactly("sandy");
      session.commit(); // on its own again: a resource-local transaction
    } finally {
      owned.close();
    }
  }

  /** A binder joins the session on first use; reads done before the transaction began end quietly. */
  @Test
  void aTransactionBinderJoinsTheSessionOnFirstUse() throws SQLException {
    Owner owner = new Owner("ses_binder_");
    java.sql.Connection owned = owner.connection;
    Engine engine = owner.engine;
    boolean[] active = {false};
    List<String> joins = new ArrayList<>();
    SessionMaker sessions = SessionMaker.of(engine).withTransactionBinder(session -> {
      if (active[0] && !session.inExternalTransaction()) {
        joins.add("joined");
        session.joinExternalTransaction("the test's transaction");
      }
    });
    try (Session session = sessions.open()) {
      assertThat(session.scalars(select(SesUser.class)).all()).isEmpty(); // its own transaction, reads only
      active[0] = true;
      SesUser sandy = new SesUser("sandy", null);
      session.add(sandy);
      assertThat(joins).containsExactly("joined");
      assertThat(session.inExternalTransaction()).isTrue();
      assertThatThrownBy(session::commit).isInstanceOf(InvalidRequestError.class).hasMessageContaining("container owns");
      session.beforeExternalCompletion();
      owned.commit();
      session.afterExternalCompletion(true);
      active[0] = false;
      assertThat(session.scalars(select(SesUser_.name)).all()).containsExactly("sandy");
      assertThat(joins).hasSize(1);
    } finally {
      owned.close();
    }
  }

  /**
   * Plays a transaction manager: one H2 connection it commits or rolls back itself, handed out by a
   * DataSource (as a container's enlisted one) whose handles do not close it.
   */
  private static final class Owner {
    final java.sql.Connection connection;
    final Engine engine;

    Owner(String databasePrefix) throws SQLException {
      var h2 = new org.h2.jdbcx.JdbcDataSource();
      h2.setURL("jdbc:h2:mem:" + databasePrefix + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      connection = h2.getConnection();
      connection.setAutoCommit(false);
      DataSource enlisted = (DataSource) Proxy.newProxyInstance(Owner.class.getClassLoader(), new Class<?>[] {DataSource.class},
          (proxy, method, args) -> method.getName().equals("getConnection") ? uncloseable(connection) : null);
      engine = Engine.of(enlisted, "h2");
      DeclarativeBase.metadata(SesBase.class).createAll(Engine.of(h2, "h2"));
    }
  }

  private static java.sql.Connection uncloseable(java.sql.Connection c) {
    return (java.sql.Connection) Proxy.newProxyInstance(SessionTransactionsTest.class.getClassLoader(),
        new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null; // the owner closes it
          }
          try {
            return method.invoke(c, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
