package org.jalchemy.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.internal.SchemaGenerator;
import org.jalchemy.schema.internal.TableSorter;

/**
 * A collection of tables that are created and dropped together.
 *
 * <pre>{@code
 * MetaData metadata = new MetaData();
 * Table users = metadata.table("user_account");
 * ...
 * metadata.createAll(engine);   // CREATE TABLE for each missing table, parents first
 * metadata.dropAll(engine);     // DROP TABLE for each existing table, children first
 * }</pre>
 */
public final class MetaData {
  private final Map<String, Table> tables = new LinkedHashMap<>();

  /** Defines a table in the default schema. */
  public Table table(String name) {
    return table(name, null);
  }

  /** Defines a table in {@code schema}. */
  public Table table(String name, String schema) {
    Table t = new Table(this, name, schema);
    if (tables.containsKey(t.fullName())) {
      throw new ArgumentError(
          "table '" + t.fullName() + "' is already defined in this MetaData; use metadata.tables().get(\""
              + t.fullName() + "\") to reach it");
    }
    tables.put(t.fullName(), t);
    return t;
  }

  /** The tables by full name ({@code schema.name} or {@code name}), in definition order. */
  public Map<String, Table> tables() {
    return Collections.unmodifiableMap(tables);
  }

  /** The tables ordered so that each comes after the tables its foreign keys refer to. */
  public List<Table> sortedTables() {
    return TableSorter.sort(tables.values());
  }

  /** Creates every table (and its indexes) that does not exist yet, in dependency order. */
  public void createAll(Engine engine) {
    createAll(engine, true);
  }

  /** Creates every table in dependency order; with {@code checkFirst} existing tables are skipped. */
  public void createAll(Engine engine, boolean checkFirst) {
    SchemaGenerator.createAll(engine, sortedTables(), checkFirst);
  }

  /** Drops every table that exists, dependents first. */
  public void dropAll(Engine engine) {
    dropAll(engine, true);
  }

  /** Drops every table, dependents first; with {@code checkFirst} missing tables are skipped. */
  public void dropAll(Engine engine, boolean checkFirst) {
    List<Table> reversed = new java.util.ArrayList<>(sortedTables());
    Collections.reverse(reversed);
    SchemaGenerator.dropAll(engine, reversed, checkFirst);
  }
}
