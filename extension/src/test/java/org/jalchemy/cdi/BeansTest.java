package org.jalchemy.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.inspect;
import static org.jalchemy.Jalchemy.select;
import static org.jalchemy.Jalchemy.selectinload;
import static org.jalchemy.Jalchemy.text;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.TypeLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jalchemy.cdi.internal.JalchemyExtension;
import org.jalchemy.cdi.model.CdiAddress;
import org.jalchemy.cdi.model.CdiUser;
import org.jalchemy.cdi.model.CdiUser_;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.ExecutionContext;
import org.jalchemy.engine.ExecutionListener;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.exc.OperationalError;
import org.jalchemy.orm.ObjectState;
import org.jalchemy.orm.Session;
import org.junit.jupiter.api.Test;

/** The beans the extension adds, on an engine configured by jalchemy.url (no JTA transaction involved). */
class BeansTest {
  private static Map<String, String> h2(String name) {
    return Map.of("jalchemy.url", "h2:mem:" + name + "_" + System.nanoTime(), "jalchemy.schema.create", "true");
  }

  @Test
  void mappedClassesComeFromTheIndexInAnnotatedModeAndAreNotBeans() {
    try (Container c = Container.boot(h2("cdi_discovery"))) {
      BeanManager bm = c.select(BeanManager.class);
      JalchemyExtension ext = bm.getExtension(JalchemyExtension.class);
      assertThat(ext.mappedClasses()).contains(CdiUser.class, CdiAddress.class);
      assertThat(bm.getBeans(CdiUser.class)).as("entities are not beans").isEmpty();
      assertThat(bm.getBeans(CdiAddress.class)).isEmpty();
    }
  }

  @Test
  void inAllModeTheContainerSeesMappedClassesAndTheExtensionVetoesThem() {
    org.jboss.weld.environment.se.Weld weld = new org.jboss.weld.environment.se.Weld().disableDiscovery()
        .addExtension(new JalchemyExtension()).addBeanClasses(CdiUser.class, CdiAddress.class);
    try (Container c = Container.boot(h2("cdi_all_mode"), weld)) {
      BeanManager bm = c.select(BeanManager.class);
      assertThat(bm.getBeans(CdiUser.class)).as("vetoed").isEmpty();
      assertThat(bm.getExtension(JalchemyExtension.class).mappedClasses()).contains(CdiUser.class);
    }
  }

  /** The injected Session forwards every public method to the request's session; a new method must not be forgotten. */
  @Test
  void theInjectedSessionForwardsEveryPublicMethod() throws ClassNotFoundException {
    Class<?> forwarding = Class.forName("org.jalchemy.cdi.internal.RequestSession");
    for (java.lang.reflect.Method m : Session.class.getMethods()) {
      if (m.getDeclaringClass() == Session.class && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        try {
          assertThat(forwarding.getDeclaredMethod(m.getName(), m.getParameterTypes())).as(m.toString()).isNotNull();
        } catch (NoSuchMethodException e) {
          throw new AssertionError("RequestSession does not forward " + m + "; add it", e);
        }
      }
    }
  }

  @Test
  void theEngineIsOneLazySingletonSharedBySessions() {
    // an address nothing listens on: booting must not connect
    try (Container c = Container.boot(Map.of("jalchemy.url", "postgresql+pgjdbc://nobody@127.0.0.1:1/none",
        "jalchemy.pool.timeout", "2"))) {
      Engine engine = c.select(Engine.class);
      RequestContextController request = c.select(RequestContextController.class);
      request.activate();
      try {
        Session session = c.select(Session.class);
        assertThatThrownBy(() -> session.execute(text("select 1"))).isInstanceOf(OperationalError.class);
      } finally {
        request.deactivate();
      }
      assertThat(engine.dialect().name()).isEqualTo("postgresql");
    }
    try (Container c = Container.boot(h2("cdi_singleton"))) {
      Engine one = c.select(Engine.class);
      List<String> sql = new ArrayList<>();
      one.addListener(new ExecutionListener() {
        @Override
        public void beforeExecute(ExecutionContext context) {
          sql.add(context.sql());
        }
      });
      RequestContextController request = c.select(RequestContextController.class);
      request.activate();
      try {
        c.select(Session.class).scalars(select(CdiUser.class)).all();
      } finally {
        request.deactivate();
      }
      assertThat(sql).as("the session's engine is the engine bean").hasSize(1);
      assertThat(c.select(Engine.class).dialect()).isSameAs(one.dialect());
    }
  }

  @Test
  void theEngineIsDisposedAtShutdown() throws java.sql.SQLException {
    java.sql.Connection physical;
    try (Container c = Container.boot(h2("cdi_dispose"))) {
      try (Connection conn = c.select(Engine.class).connect()) {
        physical = conn.jdbcConnection().unwrap(java.sql.Connection.class); // the pooled connection itself
      }
      assertThat(physical.isClosed()).as("back in the pool, open").isFalse();
    }
    assertThat(physical.isClosed()).as("the pool closed with the container").isTrue();
  }

  @Test
  void oneSessionPerRequestClosedWhenTheRequestEnds() {
    try (Container c = Container.boot(h2("cdi_request"))) {
      RequestContextController request = c.select(RequestContextController.class);
      CdiUser sandy = new CdiUser("sandy");
      request.activate();
      try {
        Session first = c.select(Session.class);
        Session second = c.select(Session.class);
        first.add(sandy);
        assertThat(second.contains(sandy)).as("every injection sees the request's session").isTrue();
        first.commit();
        assertThat(inspect(sandy).state()).isEqualTo(ObjectState.PERSISTENT);
      } finally {
        request.deactivate();
      }
      assertThat(inspect(sandy).state()).as("closed with the request").isEqualTo(ObjectState.DETACHED);

      request.activate();
      try {
        Session next = c.select(Session.class);
        assertThat(next.contains(sandy)).isFalse();
        assertThat(next.scalars(select(CdiUser_.name)).all()).containsExactly("sandy");
      } finally {
        request.deactivate();
      }
    }
  }

  @Test
  void usedWithoutARequestTheSessionSaysToActivateOne() {
    try (Container c = Container.boot(h2("cdi_norequest"))) {
      Session session = c.select(Session.class);
      assertThatThrownBy(() -> session.add(new CdiUser("nobody"))).isInstanceOf(InvalidRequestError.class)
          .hasMessageContaining("@jakarta.enterprise.context.control.ActivateRequestContext")
          .hasMessageContaining("no request is active");
    }
  }

  @Test
  void rowsHelpersAndTheConnectionOfTheSessionsTransaction() {
    try (Container c = Container.boot(h2("cdi_rows"))) {
      RequestContextController request = c.select(RequestContextController.class);
      request.activate();
      try {
        Session session = c.select(Session.class);
        CdiUser sandy = new CdiUser("sandy");
        sandy.getAddresses().add(new CdiAddress("sandy@sea.org"));
        session.addAll(List.of(sandy, new CdiUser("patrick")));
        session.commit();

        Rows<CdiUser> users = c.weld().select(new TypeLiteral<Rows<CdiUser>>() {}).get();
        assertThat(users.where(CdiUser_.name.eq("sandy")).one()).isSameAs(sandy);
        assertThat(users.orderBy(CdiUser_.name).all()).extracting(CdiUser::getName).containsExactly("patrick", "sandy");
        assertThat(users.orderBy(CdiUser_.name.desc()).first().getName()).isEqualTo("sandy");
        assertThat(users.get(sandy.getId())).isSameAs(sandy);
        assertThat(users.select(select(CdiUser.class).where(CdiUser_.name.startsWith("p"))).one().getName()).isEqualTo("patrick");
        assertThat(users.options(selectinload(CdiUser_.addresses)).where(CdiUser_.name.eq("sandy")).one().getAddresses())
            .extracting(CdiAddress::getEmail).containsExactly("sandy@sea.org");

        Connection conn = c.select(Connection.class);
        conn.execute(text("update cdi_user set name = 'squidward' where name = 'patrick'"));
        assertThat(session.scalars(select(CdiUser_.name).orderBy(CdiUser_.name)).all())
            .as("the Connection bean is the session's transaction").containsExactly("sandy", "squidward");
        session.rollback();
        assertThat(session.scalars(select(CdiUser_.name).orderBy(CdiUser_.name)).all()).containsExactly("patrick", "sandy");
      } finally {
        request.deactivate();
      }
    }
  }

  @Test
  void namedDatabasesHaveTheirOwnEngineSessionAndRows() {
    Map<String, String> settings = new java.util.HashMap<>(h2("cdi_default"));
    settings.put("jalchemy.reports.url", "sqlite+xerial:///:memory:");
    settings.put("jalchemy.reports.schema.create", "true");
    try (Container c = Container.boot(settings)) {
      Database reports = Database.Literal.of("reports");
      assertThat(c.select(Engine.class).dialect().name()).isEqualTo("h2");
      assertThat(c.select(Engine.class, reports).dialect().name()).isEqualTo("sqlite");
      RequestContextController request = c.select(RequestContextController.class);
      request.activate();
      try {
        Session reportsSession = c.select(Session.class, reports);
        reportsSession.add(new CdiUser("in-reports"));
        reportsSession.commit();
        Session main = c.select(Session.class);
        assertThat(main.scalars(select(CdiUser_.name)).all()).isEmpty();
        Rows<CdiUser> reportUsers = c.weld().select(new TypeLiteral<Rows<CdiUser>>() {}, reports).get();
        assertThat(reportUsers.all()).extracting(CdiUser::getName).containsExactly("in-reports");
      } finally {
        request.deactivate();
      }
    }
  }
}
