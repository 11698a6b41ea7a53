package org.jalchemy.schema.internal;

import java.sql.SQLException;
import java.util.List;
import org.jalchemy.dialect.DdlCompiler;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.internal.ErrorTranslator;
import org.jalchemy.schema.Index;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.TextClause;

/** Runs CREATE and DROP for a MetaData's tables in one transaction, echoing the DDL. */
public final class SchemaGenerator {
  private SchemaGenerator() {}

  public static void createAll(Engine engine, List<Table> tables, boolean checkFirst) {
    try (Connection conn = engine.connect()) {
      DdlCompiler ddl = engine.dialect().newDdlCompiler();
      for (Table t : tables) {
        if (checkFirst && exists(conn, t)) {
          continue;
        }
        run(conn, ddl.createTable(t));
        for (Index i : t.indexes()) {
          run(conn, ddl.createIndex(i));
        }
      }
      conn.commit();
    }
  }

  public static void dropAll(Engine engine, List<Table> tables, boolean checkFirst) {
    try (Connection conn = engine.connect()) {
      DdlCompiler ddl = engine.dialect().newDdlCompiler();
      for (Table t : tables) {
        if (checkFirst && !exists(conn, t)) {
          continue;
        }
        run(conn, ddl.dropTable(t));
      }
      conn.commit();
    }
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
