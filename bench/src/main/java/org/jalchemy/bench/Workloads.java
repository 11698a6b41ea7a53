package org.jalchemy.bench;

import static org.jalchemy.bench.Variant.Check.RETURNED;
import static org.jalchemy.bench.Variant.Check.TABLE_ROWS;
import static org.jalchemy.bench.Variant.Check.UPDATED_ROWS;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;

/** The five workloads of issue 6 and the variants of each, for one database. */
final class Workloads {
  private Workloads() {}

  /** Labels of the baselines the ratios are taken to. */
  static final String RAW_BATCH = "raw JDBC batch";
  static final String RAW_FETCH = "raw JDBC into small objects";
  static final String RAW_STREAMING = "raw JDBC streaming (fetch size 1,000)";
  /** Streams as {@link #RAW_STREAMING} does, each row into a boxed value array that leaves the loop. */
  static final String RAW_STREAMING_ARRAYS = "raw JDBC streaming into boxed value arrays";
  static final String RAW = "raw JDBC";
  /** What an ORM or Core insert must do on a table whose key the database makes: read the key back. */
  static final String RAW_KEY = "raw JDBC, reading the generated key";

  /**
   * When set ({@code --only=text|text}), only variants whose label contains one of the texts run: for
   * profiling one. An underscore stands for a space, as the option is one word of {@code bench.args}.
   */
  static volatile String only;

  static List<Workload> of(Context ctx, Sizes sz) {
    List<Workload> all = all(ctx, sz);
    if (only == null) {
      return all;
    }
    List<Workload> out = new ArrayList<>();
    for (Workload w : all) {
      List<Variant> keep = w.variants().stream().filter(v -> java.util.Arrays.stream(only.replace('_', ' ').split("[|]")).anyMatch(v.label()::contains)).toList();
      if (!keep.isEmpty()) {
        out.add(new Workload(w.name(), w.preloadRows(), w.freshPerVariant(), w.expected(), w.baseline(), keep, w.roundsFactor(), w.shortRuns()));
      }
    }
    return out;
  }

  private static List<Workload> all(Context ctx, Sizes sz) {
    int n = sz.rows();
    List<Workload> out = new ArrayList<>();

    List<Variant> insert = new ArrayList<>();
    insert.add(new Variant(RAW_BATCH, () -> JdbcVariants.bulkInsert(ctx.jdbc, n), TABLE_ROWS));
    if (ctx.jdbcRewrite != null) {
      insert.add(new Variant("raw JDBC batch, reWriteBatchedInserts", () -> JdbcVariants.bulkInsert(ctx.jdbcRewrite, n), TABLE_ROWS));
    }
    insert.add(new Variant("jalchemy ORM unit of work (addAll, flush; DB keys)",
        () -> JalchemyVariants.ormUnitOfWork(ctx.sessions, n), TABLE_ROWS, 1.3));
    insert.add(new Variant("jalchemy ORM bulk insert of dicts",
        () -> JalchemyVariants.ormBulkInsert(ctx.sessions, n), TABLE_ROWS));
    insert.add(new Variant("jalchemy Core executemany", () -> JalchemyVariants.coreExecutemany(ctx.engine, n), TABLE_ROWS, 1.1));
    insert.add(new Variant("Hibernate, sequence + batch_size 1000",
        () -> HibernateVariants.bulkInsertSequence(hibernate(ctx), n), TABLE_ROWS));
    insert.add(new Variant("Hibernate, IDENTITY", () -> HibernateVariants.bulkInsertIdentity(hibernate(ctx), n), TABLE_ROWS));
    insert.add(new Variant("jOOQ batch", () -> JooqVariants.batchInsert(ctx.jooq, n), TABLE_ROWS));
    insert.add(new Variant("jOOQ multi-row insert (1,000 rows each)", () -> JooqVariants.multiRowInsert(ctx.jooq, n), TABLE_ROWS));
    out.add(new Workload("bulk insert " + n + " rows, one transaction", 0, true, n, RAW_BATCH, insert,
        Database.bulkInsertRoundsFactor(ctx.db.name()), false));

    List<Variant> fetch = new ArrayList<>();
    fetch.add(new Variant(RAW_FETCH, () -> JdbcVariants.fetch(ctx.jdbc), RETURNED));
    fetch.add(new Variant("raw JDBC into boxed value arrays", () -> JdbcVariants.fetchValueArrays(ctx.jdbc), RETURNED));
    fetch.add(new Variant(RAW_STREAMING, () -> JdbcVariants.fetchStreaming(ctx.jdbc), RETURNED));
    fetch.add(new Variant(RAW_STREAMING_ARRAYS, () -> JdbcVariants.fetchStreamingValueArrays(ctx.jdbc), RETURNED));
    fetch.add(new Variant("jalchemy ORM objects (identity map)", () -> JalchemyVariants.fetchOrmObjects(ctx.sessions), RETURNED, 1.5, RAW_FETCH));
    fetch.add(new Variant("jalchemy ORM objects, yieldPer(1000)", () -> JalchemyVariants.fetchOrmStreaming(ctx.sessions), RETURNED, 1.5, RAW_STREAMING));
    fetch.add(new Variant("jalchemy column tuples (session)", () -> JalchemyVariants.fetchOrmTuples(ctx.sessions), RETURNED, 1.1, RAW_FETCH));
    fetch.add(new Variant("jalchemy Core rows", () -> JalchemyVariants.fetchCoreRows(ctx.engine), RETURNED, 1.1, RAW_FETCH));
    fetch.add(new Variant("jalchemy Core rows, yieldPer(1000)", () -> JalchemyVariants.fetchCoreStreaming(ctx.engine), RETURNED, 1.1, RAW_STREAMING));
    fetch.add(new Variant("Hibernate entities", () -> HibernateVariants.fetchEntities(hibernate(ctx)), RETURNED));
    fetch.add(new Variant("Hibernate tuples", () -> HibernateVariants.fetchTuples(hibernate(ctx)), RETURNED));
    fetch.add(new Variant("jOOQ records", () -> JooqVariants.fetchRecords(ctx.jooq), RETURNED));
    fetch.add(new Variant("jOOQ into small objects", () -> JooqVariants.fetchInto(ctx.jooq), RETURNED));
    out.add(new Workload("large result, " + n + " rows", n, false, n, RAW_FETCH, fetch, Workload.SHORT, true));

    int s = sz.singles();
    List<Variant> singles = new ArrayList<>();
    singles.add(new Variant(RAW, () -> JdbcVariants.singleInserts(ctx.jdbc, s), TABLE_ROWS));
    singles.add(new Variant(RAW_KEY,
        () -> JdbcVariants.singleInsertsReadingKey(ctx.jdbc, ctx.db.name(), s), TABLE_ROWS));
    singles.add(new Variant("jalchemy ORM (session per row)", () -> JalchemyVariants.ormSingleInserts(ctx.sessions, s), TABLE_ROWS, 1.1, RAW_KEY));
    singles.add(new Variant("jalchemy Core (connection per row)", () -> JalchemyVariants.coreSingleInserts(ctx.engine, s), TABLE_ROWS, 1.1, RAW_KEY));
    singles.add(new Variant("Hibernate (session per row)", () -> HibernateVariants.singleInserts(hibernate(ctx), s), TABLE_ROWS));
    singles.add(new Variant("jOOQ (transaction per row)", () -> JooqVariants.singleInserts(ctx.jooq, s), TABLE_ROWS));
    out.add(new Workload("single-row transactions x" + s, 0, true, s, RAW, singles, Workload.SHORT, true));

    List<Variant> lookups = new ArrayList<>();
    lookups.add(new Variant(RAW, () -> JdbcVariants.pkSelects(ctx.jdbc, ctx.lookups), RETURNED));
    lookups.add(new Variant("jalchemy ORM session.get (session each)", () -> JalchemyVariants.ormGet(ctx.sessions, ctx.lookups), RETURNED, 1.1));
    lookups.add(new Variant("jalchemy Core select (connection each)", () -> JalchemyVariants.corePkSelect(ctx.engine, ctx.lookups), RETURNED, 1.1));
    lookups.add(new Variant("Hibernate find (session each)", () -> HibernateVariants.find(hibernate(ctx), ctx.lookups), RETURNED));
    lookups.add(new Variant("jOOQ fetchOne", () -> JooqVariants.pkSelects(ctx.jooq, ctx.lookups), RETURNED));
    out.add(new Workload("primary-key selects x" + sz.lookups(), sz.lookupTable(), false, sz.lookups(), RAW, lookups, Workload.SHORT, true));

    List<Variant> update = new ArrayList<>();
    update.add(new Variant(RAW_BATCH, () -> JdbcVariants.bulkUpdate(ctx.jdbc), UPDATED_ROWS));
    update.add(new Variant("jalchemy ORM (load 1,000 at a time, change, flush)", () -> JalchemyVariants.ormUpdate(ctx.sessions, ctx.range), UPDATED_ROWS));
    update.add(new Variant("jalchemy ORM bulk UPDATE by key (dicts)", () -> JalchemyVariants.ormBulkUpdate(ctx.sessions), UPDATED_ROWS));
    update.add(new Variant("Hibernate (load 1,000 at a time, flush, clear)", () -> HibernateVariants.update(hibernate(ctx), ctx.range), UPDATED_ROWS));
    update.add(new Variant("jOOQ batch update", () -> JooqVariants.batchUpdate(ctx.jooq), UPDATED_ROWS));
    out.add(new Workload("bulk update " + n + " rows", n, true, n, RAW_BATCH, update, 1, false));
    return out;
  }

  private static SessionFactory hibernate(Context ctx) {
    if (ctx.hibernate == null) {
      throw new IllegalStateException("Hibernate did not start: " + ctx.hibernateError);
    }
    return ctx.hibernate;
  }
}
