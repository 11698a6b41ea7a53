package org.jalchemy.bench;

import java.util.List;
import org.jalchemy.bench.Data.Small;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.Result;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** jOOQ's variants, with the table described in the DSL (no code generation). */
final class JooqVariants {
  private JooqVariants() {}

  static final Table<Record> T = DSL.table(DSL.name("bench_customer"));
  static final Field<Integer> ID = DSL.field(DSL.name("id"), SQLDataType.INTEGER);
  static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR(255));
  static final Field<String> DESCRIPTION = DSL.field(DSL.name("description"), SQLDataType.VARCHAR(255));

  /** One transaction, one batch with bind values. */
  static long batchInsert(DSLContext ctx, int n) {
    ctx.transaction(cfg -> {
      DSLContext t = DSL.using(cfg);
      BatchBindStep batch = t.batch(t.insertInto(T, NAME, DESCRIPTION).values((String) null, (String) null));
      for (int i = 0; i < n; i++) {
        batch = batch.bind(Data.name(i), Data.description(i));
      }
      batch.execute();
    });
    return n;
  }

  /** One transaction, multi-row INSERT … VALUES of 1,000 rows each. */
  static long multiRowInsert(DSLContext ctx, int n) {
    ctx.transaction(cfg -> {
      DSLContext t = DSL.using(cfg);
      for (int start = 0; start < n; start += 1000) {
        InsertValuesStep2<Record, String, String> step = t.insertInto(T, NAME, DESCRIPTION);
        for (int i = start; i < Math.min(n, start + 1000); i++) {
          step = step.values(Data.name(i), Data.description(i));
        }
        step.execute();
      }
    });
    return n;
  }

  /** Every row as jOOQ records. */
  static long fetchRecords(DSLContext ctx) {
    Result<Record3<Integer, String, String>> all = ctx.select(ID, NAME, DESCRIPTION).from(T).fetch();
    long chars = 0;
    for (Record3<Integer, String, String> r : all) {
      chars += r.value2().length();
    }
    return chars > 0 ? all.size() : -1;
  }

  /** Every row into a small object through a record mapper. */
  static long fetchInto(DSLContext ctx) {
    List<Small> all = ctx.select(ID, NAME, DESCRIPTION).from(T)
        .fetch(r -> new Small(r.value1(), r.value2(), r.value3()));
    return JdbcVariants.consume(all);
  }

  /** One transaction per row. */
  static long singleInserts(DSLContext ctx, int n) {
    for (int i = 0; i < n; i++) {
      String name = Data.name(i);
      String description = Data.description(i);
      ctx.transaction(cfg -> DSL.using(cfg).insertInto(T, NAME, DESCRIPTION).values(name, description).execute());
    }
    return n;
  }

  /** One SELECT by key per lookup, into a small object. */
  static long pkSelects(DSLContext ctx, int[] ids) {
    long found = 0;
    for (int id : ids) {
      Small s = ctx.select(ID, NAME, DESCRIPTION).from(T).where(ID.eq(id))
          .fetchOne(r -> new Small(r.value1(), r.value2(), r.value3()));
      if (s != null && s.id() == id) {
        found++;
      }
    }
    return found;
  }

  /** Reads the keys, then one batch of UPDATE … WHERE id = ?, one transaction. */
  static long batchUpdate(DSLContext ctx) {
    return ctx.transactionResult(cfg -> {
      DSLContext t = DSL.using(cfg);
      Result<Record1<Integer>> ids = t.select(ID).from(T).fetch();
      BatchBindStep batch = t.batch(t.update(T).set(DESCRIPTION, DSL.param("d", SQLDataType.VARCHAR(255)))
          .where(ID.eq(DSL.param("id", SQLDataType.INTEGER))));
      for (Record1<Integer> r : ids) {
        batch = batch.bind(Data.updated(r.value1()), r.value1());
      }
      batch.execute();
      return (long) ids.size();
    });
  }
}
