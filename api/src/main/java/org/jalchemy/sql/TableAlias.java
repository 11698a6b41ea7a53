package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.List;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Identifiers;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;

/**
 * {@code table AS name}: a table under another name, as in a self-join.
 *
 * <pre>{@code
 * TableAlias manager = employees.alias("manager");
 * select(employees.name, manager.c(employees.name)).join(manager, employees.managerId.eq(manager.c(employees.id)));
 * }</pre>
 */
public final class TableAlias extends FromClause {
  private final Table table;
  private final String name;
  private final List<DerivedColumn<?>> columns;

  public TableAlias(Table table, String name) {
    this.table = table;
    this.name = Identifiers.check(name, "alias name");
    List<DerivedColumn<?>> cols = new ArrayList<>();
    for (Column<?> c : table.columns()) {
      cols.add(derive(c));
    }
    this.columns = List.copyOf(cols);
  }

  private <T> DerivedColumn<T> derive(Column<T> c) {
    return new DerivedColumn<>(this, c.name(), c.type(), c);
  }

  /** The aliased table. */
  public Table table() {
    return table;
  }

  /** The alias name. */
  public String name() {
    return name;
  }

  /** This alias's counterpart of a column of the aliased table. */
  @SuppressWarnings("unchecked")
  public <T> DerivedColumn<T> c(Column<T> column) {
    for (DerivedColumn<?> d : columns) {
      if (d.origin() == column) {
        return (DerivedColumn<T>) d;
      }
    }
    throw new ArgumentError(column + " is not a column of " + table.describe() + ", aliased as " + name);
  }

  @Override
  public List<DerivedColumn<?>> columns() {
    return columns;
  }

  @Override
  public String describe() {
    return table.describe() + " AS " + name;
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    compiler.visitTableAlias(this);
  }

  @Override
  public void appendCacheKey(CacheKey key) {
    key.add(TableAlias.class).add(name).add(table);
  }
}
