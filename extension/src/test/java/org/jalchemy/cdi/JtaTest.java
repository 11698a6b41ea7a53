package org.jalchemy.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.inspect;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.XADataSource;
import org.jalchemy.cdi.app.Accounts;
import org.jalchemy.cdi.app.JtaDataSources;
import org.jalchemy.cdi.model.CdiUser;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Session;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request's Session inside JTA transactions (Narayana, @Transactional), on H2 and on PostgreSQL
 * through an enlisted XA connection of the application's DataSource bean; what is committed is read
 * back with plain JDBC on a connection of its own.
 */
class JtaTest {

  /** A database for the container's DataSource bean, and a plain JDBC URL to read it back. */
  record Db(String name, Supplier<XADataSource> xa, String jdbcUrl, String user) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> databases() {
    String h2Url = "jdbc:h2:mem:cdi_jta_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    Db h2 = new Db("h2", () -> {
      var ds = new org.h2.jdbcx.JdbcDataSource();
      ds.setURL(h2Url);
      return ds;
    }, h2Url, "");
    Db pg = new Db("postgresql", () -> {
      var ds = new org.postgresql.xa.PGXADataSource();
      ds.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
      ds.setUser("postgres");
      return ds;
    }, "jdbc:postgresql://127.0.0.1:5432/test", "postgres");
    return Stream.of(Arguments.of(h2), Arguments.of(pg));
  }

  private static void requireReachable(Db db) {
    if (db.name().equals("h2")) {
      return;
    }
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), "")) {
      c.isValid(2);
    } catch (SQLException e) {
      if (Boolean.getBoolean("jalchemy.test.requireServers")) {
        throw new AssertionError(db.name() + " is required (jalchemy.test.requireServers) but unreachable: " + e, e);
      }
      Assumptions.abort(db.name() + " unreachable: " + e.getMessage());
    }
  }

  private static Container boot(Db db) throws SQLException {
    requireReachable(db);
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), ""); Statement st = c.createStatement()) {
      st.execute("drop table if exists cdi_address");
      st.execute("drop table if exists cdi_user");
    }
    JtaDataSources.target = db.xa().get();
    return Container.boot(Map.of("jalchemy.schema.create", "true", "jalchemy.echo", "false"));
  }

  private static List<String> names(Db db) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), ""); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("select name from cdi_user order by name")) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aTransactionalMethodsAddsAreCommittedAndAnExceptionLeavesNothing(Db db) throws Exception {
    try (Container c = boot(db)) {
      Accounts accounts = c.select(Accounts.class);
      RequestContextController request = c.select(RequestContextController.class);
      request.activate();
      try {
        CdiUser sandy = accounts.register("sandy", "sandy@sea.org");
        assertThat(names(db)).containsExactly("sandy");
        assertThat(inspect(sandy).state()).isEqualTo(ObjectState.PERSISTENT);
        assertThat(inspect(sandy).expiredAttributes()).as("expired after the commit").contains("name");

        assertThatThrownBy(() -> accounts.registerThenFail("doomed")).hasMessageContaining("failing on purpose after the flush");
        assertThat(names(db)).containsExactly("sandy");

        accounts.registerUnflushed("patrick");
        assertThat(names(db)).as("flushed in beforeCompletion").containsExactly("patrick", "sandy");
        assertThat(accounts.named("sandy")).as("two transactions, one identity map").containsExactly(sandy);
      } finally {
        request.deactivate();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aFlushThatFailsAtCommitRollsTheTransactionBack(Db db) throws Exception {
    try (Container c = boot(db)) {
      Accounts accounts = c.select(Accounts.class);
      RequestContextController request = c.select(RequestContextController.class);
      request.activate();
      try {
        accounts.register("sandy");
        // the duplicate name fails only when the session flushes, in beforeCompletion
        assertThatThrownBy(() -> accounts.registerUnflushed("sandy")).isNotNull();
        assertThat(names(db)).containsExactly("sandy");
        accounts.register("patrick");
        assertThat(names(db)).as("the session works again in the next transaction").containsExactly("patrick", "sandy");
      } finally {
        request.deactivate();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theSessionRefusesToCommitTheContainersTransaction(Db db) throws Exception {
    try (Container c = boot(db)) {
      Accounts accounts = c.select(Accounts.class);
      TransactionManager tx = c.select(TransactionManager.class);
      RequestContextController request = c.select(RequestContextController.class);
      request.activate();
      try {
        assertThatThrownBy(() -> accounts.commitInside("refused")).isInstanceOf(InvalidRequestError.class)
            .hasMessageContaining("container owns");
        Session session = accounts.session();
        tx.begin();
        session.add(new CdiUser("in-programmatic-transaction"));
        assertThatThrownBy(session::rollback).isInstanceOf(InvalidRequestError.class);
        tx.commit();
        assertThat(names(db)).containsExactly("in-programmatic-transaction");
      } finally {
        request.deactivate();
      }
    }
  }
}
