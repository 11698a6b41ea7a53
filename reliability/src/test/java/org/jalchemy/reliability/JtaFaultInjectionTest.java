package org.jalchemy.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.control.RequestContextController;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.sql.XADataSource;
import org.jalchemy.cdi.Container;
import org.jalchemy.cdi.app.JtaDataSources;
import org.jalchemy.reliability.FaultyWriter.Fault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 1,000 JTA transactions (Weld SE, Narayana, the extension's request Session on an enlisted XA
 * connection), each writing a user and its address, with failures injected at random points:
 * the rows in the database must be exactly those of the transactions that committed, and no user
 * may be without its address (0 partial writes).
 */
class JtaFaultInjectionTest {
  static final int TRANSACTIONS = 1_000;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void noPartialWrites(String name) throws Exception {
    Databases db = Databases.named(name);
    db.requireReachable();
    String jdbcUrl = name.equals("h2") ? "jdbc:h2:mem:rel_jta_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1"
        : "jdbc:postgresql://127.0.0.1:5432/test";
    String user = name.equals("h2") ? "" : "postgres";
    Supplier<XADataSource> xa = name.equals("h2") ? () -> {
      var ds = new org.h2.jdbcx.JdbcDataSource();
      ds.setURL(jdbcUrl);
      return ds;
    } : () -> {
      var ds = new org.postgresql.xa.PGXADataSource();
      ds.setUrl(jdbcUrl);
      ds.setUser(user);
      return ds;
    };
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); Statement st = c.createStatement()) {
      st.execute("drop table if exists cdi_address");
      st.execute("drop table if exists cdi_user");
    }
    JtaDataSources.target = xa.get();
    Map<Fault, Integer> outcomes = new EnumMap<>(Fault.class);
    int failedAsExpected = 0;
    long t0 = System.nanoTime();
    try (Container c = Container.boot(Map.of("jalchemy.schema.create", "true"))) {
      FaultyWriter writer = c.select(FaultyWriter.class);
      RequestContextController request = c.select(RequestContextController.class);
      request.activate();
      try {
        writer.write("taken", Fault.NONE); // the name IN_FLUSH collides with
      } finally {
        request.deactivate();
      }
      Random random = new Random(7);
      Fault[] faults = Fault.values();
      for (int i = 0; i < TRANSACTIONS; i++) {
        Fault fault = faults[random.nextInt(faults.length)];
        outcomes.merge(fault, 1, Integer::sum);
        request.activate(); // a request each, as a web request would be
        try {
          writer.write("user" + i, fault);
        } catch (Exception e) { // Narayana throws its RollbackException as it is, checked or not
          if (fault != Fault.NONE) {
            failedAsExpected++;
          } else {
            throw e;
          }
        } finally {
          request.deactivate();
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    int committed = 1 + outcomes.getOrDefault(Fault.NONE, 0);
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); Statement st = c.createStatement()) {
      assertThat(count(st, "select count(*) from cdi_user")).as("users = committed transactions").isEqualTo(committed);
      assertThat(count(st, "select count(*) from cdi_address")).as("addresses = committed transactions").isEqualTo(committed);
      assertThat(count(st, "select count(*) from cdi_user u where not exists (select 1 from cdi_address a where a.user_id = u.id)"))
          .as("no user without its address").isZero();
    }
    assertThat(failedAsExpected).isEqualTo(TRANSACTIONS + 1 - committed);
    Figures.report("failures inside JTA transactions (" + name + ")", String.format(java.util.Locale.ROOT,
        "%d transactions, faults injected %s: %d committed = %d users and %d addresses in the database, %d rolled back, "
            + "0 partial writes, %.1f s", TRANSACTIONS, outcomes, committed, committed, committed, failedAsExpected, seconds));
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
