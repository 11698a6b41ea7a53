package org.jalchemy.schema.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jalchemy.dialect.DdlCompiler;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.internal.ErrorTranslator;
import org.jalchemy.schema.ForeignKey;
import org.jalchemy.schema.ForeignKeyConstraint;
import org.jalchemy.schema.Index;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.TextClause;

/**
 * Runs CREATE and DROP for a MetaData's tables in one transaction, echoing the DDL. Tables come
 * sorted parents first; a foreign key that points forward in that order (only possible in a cycle)
 * is left out of CREATE TABLE and added by ALTER TABLE once every table exists, and dropped by
 * ALTER TABLE before the tables are dropped.
 */
public final class SchemaGenerator {
  private SchemaGenerator() {}

  public static void createAll(Engine engine, List<Table> sorted, boolean checkFirst) {
    // resolve every foreign key before any DDL runs, so a typo fails with nothing half-created
    for (Table t : sorted) {
      for (ForeignKeyConstraint fk : t.foreignKeyConstraints()) {
        fk.referredColumns();
      }
    }
    try (Connection conn = engine.connect()) {
      DdlCompiler ddl = engine.dialect().newDdlCompiler();
      Set<ForeignKeyConstraint> deferred = ddl.supportsAlterForeignKey() ? forwardKeys(sorted) : Set.of();
      List<Table> created = new ArrayList<>();
      for (Table t : sorted) {
        if (checkFirst && exists(conn, t)) {
          continue;
        }
        run(conn, ddl.createTable(t, deferred));
        for (Index i : t.indexes()) {
          run(conn, ddl.createIndex(i));
        }
        created.add(t);
        engine.dialect().tableChanged(t);
      }
      for (ForeignKeyConstraint fk : deferred) {
        if (created.contains(fk.table())) {
          run(conn, ddl.addForeignKey(fk));
        }
      }
      conn.commit();
    }
  }

  /** {@code reversed} is the sorted list backwards: dependents first. */
  public static void dropAll(Engine engine, List<Table> reversed, boolean checkFirst) {
    try (Connection conn = engine.connect()) {
      DdlCompiler ddl = engine.dialect().newDdlCompiler();
      List<Table> present = new ArrayList<>();
      for (Table t : reversed) {
        if (!checkFirst || exists(conn, t)) {
          present.add(t);
        }
      }
      if (ddl.supportsAlterForeignKey()) {
        List<Table> sorted = new ArrayList<>(reversed);
        java.util.Collections.reverse(sorted);
        for (ForeignKeyConstraint fk : forwardKeys(sorted)) {
          if (present.contains(fk.table()) && present.contains(fk.referredTable())) {
            run(conn, ddl.dropForeignKey(fk));
          }
        }
      }
      for (Table t : present) {
        run(conn, ddl.dropTable(t));
        engine.dialect().tableChanged(t);
      }
      conn.commit();
    }
  }

  /** Foreign keys referring to a table that comes later in {@code sorted}: the ones closing a cycle. */
  static Set<ForeignKeyConstraint> forwardKeys(List<Table> sorted) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      position.put(sorted.get(i).fullName(), i);
    }
    Set<ForeignKeyConstraint> forward = new LinkedHashSet<>();
    for (int i = 0; i < sorted.size(); i++) {
      for (ForeignKeyConstraint fk : sorted.get(i).foreignKeyConstraints()) {
        ForeignKey first = fk.elements().get(0);
        Integer target = position.get(first.targetTableName());
        if (target != null && target > i) {
          forward.add(fk);
        }
      }
    }
    return forward;
  }

  private static boolean exists(Connection conn, Table t) {
    try {
      return conn.engine().dialect().hasTable(conn.jdbcConnection(), t);
    } catch (SQLException e) {
      throw ErrorTranslator.translate(e, "has table " + t.fullName(), List.of(), false);
    }
  }

  /** DDL has no parameters; it runs through text() so that echo and listeners see it. */
  private static void run(Connection conn, String sql) {
    conn.execute(TextClause.verbatim(sql));
  }
}
