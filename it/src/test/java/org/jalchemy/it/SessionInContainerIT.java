package org.jalchemy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.inspect;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jalchemy.cdi.Rows;
import org.jalchemy.it.app.ItUser_;
import org.junit.jupiter.api.BeforeEach;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.it.app.Accounts;
import org.jalchemy.it.app.ItAddress;
import org.jalchemy.it.app.ItUser;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: the extension found the mapped classes from the WAR's index (annotated
 * discovery), the Session joins JTA transactions, and what it commits is read back with plain JDBC
 * through the server's DataSource.
 */
@ExtendWith({DatabaseCondition.class, ArquillianExtension.class})
class SessionInContainerIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.app("session-it", SessionInContainerIT.class, Deployments.class, DatabaseCondition.class);
  }

  @Inject Accounts accounts;
  @Inject Session session;
  @Inject BeanManager beans;
  @Inject UserTransaction tx;

  @Inject Rows<ItUser> users;

  /** The DataSource the extension uses, as MicroProfile Config names it (server.xml default, or the environment). */
  @Inject
  @ConfigProperty(name = "jalchemy.datasource")
  String dataSourceName;

  DataSource dataSource;

  @BeforeEach
  void cleanTables() throws Exception {
    dataSource = InitialContext.doLookup(dataSourceName);
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("delete from it_address");
      st.executeUpdate("delete from it_user");
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void mappedClassesAreFoundAndAreNotBeans() throws SQLException {
    assertThat(beans.getBeans(ItUser.class)).as("entities are vetoed").isEmpty();
    assertThat(beans.getBeans(ItAddress.class)).isEmpty();
    assertThat(count("select count(*) from it_user where name = 'nobody'")).as("created at boot").isZero();
  }

  @Test
  void aTransactionalMethodCommitsWhatTheSessionAdded() throws SQLException {
    ItUser sandy = accounts.register("it-sandy", "sandy@it.org", "cheeks@it.org");
    assertThat(count("select count(*) from it_user where name = 'it-sandy'")).isEqualTo(1);
    assertThat(count("select count(*) from it_address a join it_user u on u.id = a.user_id where u.name = 'it-sandy'"))
        .isEqualTo(2);
    assertThat(inspect(sandy).state()).isEqualTo(ObjectState.PERSISTENT);
    assertThat(accounts.named("it-sandy")).as("one identity map for the request").containsExactly(sandy);
  }

  @Test
  void anExceptionAfterTheFlushLeavesNothing() throws SQLException {
    assertThatThrownBy(() -> accounts.registerThenFail("it-doomed")).hasMessageContaining("failing on purpose after the flush");
    assertThat(count("select count(*) from it_user where name = 'it-doomed'")).isZero();
  }

  @Test
  void twoTransactionsInOneRequestShareTheSession() throws SQLException {
    ItUser first = accounts.register("it-first");
    ItUser second = accounts.register("it-second");
    assertThat(count("select count(*) from it_user where name in ('it-first', 'it-second')")).isEqualTo(2);
    assertThat(session.contains(first)).isTrue();
    assertThat(session.contains(second)).isTrue();
    assertThat(session.get(ItUser.class, first.getId())).isSameAs(first);
  }

  @Test
  void sessionCommitIsRefusedInsideAJtaTransaction() throws Exception {
    tx.begin();
    try {
      session.add(new ItUser("it-refused", null));
      assertThatThrownBy(session::commit).isInstanceOf(InvalidRequestError.class).hasMessageContaining("container owns");
    } finally {
      tx.rollback();
    }
    assertThat(count("select count(*) from it_user where name = 'it-refused'")).isZero();
  }

  @Test
  void rowsHelpersQueryThroughTheRequestsSession() {
    ItUser sandy = accounts.register("it-rows-sandy");
    accounts.register("it-rows-patrick");
    assertThat(users.where(ItUser_.name.eq("it-rows-sandy")).one()).isSameAs(sandy);
    assertThat(users.where(ItUser_.name.startsWith("it-rows-")).orderBy(ItUser_.name).all())
        .extracting(ItUser::getName).containsExactly("it-rows-patrick", "it-rows-sandy");
    assertThat(users.get(sandy.getId())).isSameAs(sandy);
  }

  @Test
  void theDatabaseIsTheOneTheConfigurationNames() {
    accounts.named("anyone"); // connects, which detects the dialect of a DataSource engine
    String expected = "jdbc/jalchemy-postgresql".equals(dataSourceName) ? "postgresql" : "h2";
    assertThat(session.engine().dialect().name()).isEqualTo(expected);
  }

  @Test
  void relationshipsLoadLazilyInsideTheRequest() {
    accounts.register("it-lazy", "lazy@it.org");
    session.expireAll();
    List<ItUser> found = accounts.named("it-lazy");
    assertThat(inspect(found.get(0)).unloadedRelationships()).contains("addresses");
    assertThat(found.get(0).getAddresses()).extracting(ItAddress::getEmailAddress).containsExactly("lazy@it.org");
  }
}
