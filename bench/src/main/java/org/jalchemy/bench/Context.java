package org.jalchemy.bench;

import static org.jalchemy.Jalchemy.createEngine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.jalchemy.bench.model.HibernateIdentityCustomer;
import org.jalchemy.bench.model.HibernateSeqCustomer;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.SessionMaker;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The pools and factories of one database, one per library, each with at most {@value #POOL_SIZE}
 * connections, built once before the first round (their start-up is not timed). Every peer pools
 * with HikariCP, as jalchemy's engine does, so pooling is the same for all.
 */
public final class Context implements AutoCloseable {
  /** Connections per pool. */
  public static final int POOL_SIZE = 5;

  /** The database. */
  public final Database db;
  /** jalchemy's engine. */
  public final Engine engine;
  /** jalchemy's sessions on {@link #engine}. */
  public final SessionMaker sessions;
  /** Raw JDBC's pool. */
  public final HikariDataSource jdbc;
  /** Raw JDBC's pool with pgjdbc's reWriteBatchedInserts (PostgreSQL only), else null. */
  public final HikariDataSource jdbcRewrite;
  /** Hibernate's pool and session factory. */
  public final HikariDataSource hibernatePool;
  /** Hibernate's session factory (null where it failed to start). */
  public final SessionFactory hibernate;
  /** Why Hibernate did not start, or null. */
  public final String hibernateError;
  /** jOOQ's pool. */
  public final HikariDataSource jooqPool;
  /** jOOQ's context. */
  public final DSLContext jooq;

  /** The keys the primary-key lookups read this round (set after the table is filled, untimed). */
  public volatile int[] lookups = new int[0];
  /** The lowest and highest key in the table this round. */
  public volatile int[] range = {1, 0};

  /** Opens everything for {@code db}. */
  public Context(Database db) {
    this.db = db;
    try {
      db.freshSequence();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create the sequence bench_customer_seq on " + db.name(), e);
    }
    this.engine = createEngine(db.jalchemyUrl(), Engine.Options.defaults().poolSize(POOL_SIZE));
    this.sessions = SessionMaker.of(engine);
    this.jdbc = pool(db, false, "bench-jdbc");
    this.jdbcRewrite = db.name().equals("postgresql") ? pool(db, true, "bench-jdbc-rewrite") : null;
    this.hibernatePool = pool(db, false, "bench-hibernate");
    SessionFactory sf = null;
    String error = null;
    try {
      sf = hibernate(db, hibernatePool);
    } catch (RuntimeException e) {
      error = e.toString();
    }
    this.hibernate = sf;
    this.hibernateError = error;
    this.jooqPool = pool(db, false, "bench-jooq");
    this.jooq = DSL.using(jooqPool, db.jooqDialect(),
        new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withExecuteLogging(false));
  }

  private static HikariDataSource pool(Database db, boolean rewrite, String name) {
    HikariConfig c = new HikariConfig();
    c.setPoolName(name);
    c.setJdbcUrl(db.jdbcUrl());
    if (db.user() != null) {
      c.setUsername(db.user());
    }
    c.setAutoCommit(false);
    c.setMaximumPoolSize(POOL_SIZE);
    c.setMinimumIdle(1);
    if (rewrite) {
      c.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    return new HikariDataSource(c);
  }

  private static SessionFactory hibernate(Database db, DataSource ds) {
    Configuration cfg = new Configuration();
    cfg.addAnnotatedClass(HibernateSeqCustomer.class);
    cfg.addAnnotatedClass(HibernateIdentityCustomer.class);
    cfg.getProperties().put("hibernate.connection.datasource", ds);
    if (db.name().equals("sqlite")) {
      cfg.setProperty("hibernate.dialect", db.hibernateDialect()); // the others are detected
    }
    cfg.setProperty("hibernate.connection.provider_disables_autocommit", "true");
    cfg.setProperty("hibernate.jdbc.batch_size", "1000");
    cfg.setProperty("hibernate.order_inserts", "true");
    cfg.setProperty("hibernate.order_updates", "true");
    cfg.setProperty("hibernate.hbm2ddl.auto", "none");
    cfg.setProperty("hibernate.show_sql", "false");
    cfg.setProperty("hibernate.generate_statistics", "false");
    return cfg.buildSessionFactory();
  }

  @Override
  public void close() {
    if (hibernate != null) {
      hibernate.close();
    }
    engine.dispose();
    jdbc.close();
    if (jdbcRewrite != null) {
      jdbcRewrite.close();
    }
    hibernatePool.close();
    jooqPool.close();
  }
}
