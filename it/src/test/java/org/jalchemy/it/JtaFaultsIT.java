package org.jalchemy.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jalchemy.it.app.FaultyWriter;
import org.jalchemy.it.app.FaultyWriter.Fault;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On Open Liberty (reliability): 1,000 container transactions, each a user and its address, with
 * failures injected at random points; the database holds exactly the committed ones, 0 partial writes.
 */
@ExtendWith({DatabaseCondition.class, ArquillianExtension.class})
class JtaFaultsIT {
  static final int TRANSACTIONS = 1_000;

  @Deployment
  static WebArchive deployment() {
    return Deployments.app("faults-it", JtaFaultsIT.class, Deployments.class, DatabaseCondition.class);
  }

  @Inject FaultyWriter writer;

  @Inject
  @ConfigProperty(name = "jalchemy.datasource")
  String dataSourceName;

  @Test
  void noPartialWrites() throws Exception {
    DataSource ds = InitialContext.doLookup(dataSourceName);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("delete from it_address");
      st.executeUpdate("delete from it_user");
    }
    writer.write("it-fault-taken", Fault.NONE);
    Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    Random random = new Random(11);
    int rolledBack = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < TRANSACTIONS; i++) {
      Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
      injected.merge(fault, 1, Integer::sum);
      try {
        writer.write("it-fault-" + i, fault);
      } catch (Exception e) {
        assertThat(fault).as("only injected faults fail: " + e).isNotEqualTo(Fault.NONE);
        rolledBack++;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long committed = 1 + injected.getOrDefault(Fault.NONE, 0);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      assertThat(count(st, "select count(*) from it_user")).isEqualTo(committed);
      assertThat(count(st, "select count(*) from it_address")).isEqualTo(committed);
      assertThat(count(st, "select count(*) from it_user u where not exists (select 1 from it_address a where a.user_id = u.id)"))
          .isZero();
    }
    System.out.println(String.format(java.util.Locale.ROOT, "FAULT failures inside JTA transactions on Liberty (%s): %d transactions, faults %s: "
        + "%d committed = rows in the database, %d rolled back, 0 partial writes, %.1f s", dataSourceName, TRANSACTIONS, injected,
        committed, rolledBack, seconds));
  }

  private static long count(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
