package org.jalchemy.schema;

import java.util.Locale;
import org.jalchemy.exc.ArgumentError;

/**
 * A foreign key from one column to another. The target may be named as {@code "table.column"} and
 * is then resolved through the owning table's {@link MetaData} when first needed, so tables can be
 * defined in any order.
 *
 * <pre>{@code
 * addresses.column("user_id", Types.INTEGER)
 *     .references(ForeignKey.to("user_account.id").onDelete(ForeignKey.Action.CASCADE));
 * }</pre>
 */
public final class ForeignKey {
  /** Referential actions for ON DELETE / ON UPDATE. */
  public enum Action {
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT"),
    RESTRICT("RESTRICT"),
    NO_ACTION("NO ACTION");

    private final String sql;

    Action(String sql) {
      this.sql = sql;
    }

    public String sql() {
      return sql;
    }
  }

  private final String targetSpec;
  private Column<?> target;
  private Column<?> parent;
  private Action onDelete;
  private Action onUpdate;
  private String name;

  private ForeignKey(String targetSpec, Column<?> target) {
    this.targetSpec = targetSpec;
    this.target = target;
  }

  /** A foreign key to {@code "table.column"} or {@code "schema.table.column"}. */
  public static ForeignKey to(String target) {
    if (target == null || target.indexOf('.') <= 0 || target.endsWith(".")) {
      throw new ArgumentError(
          "foreign key target '" + target + "' must be written \"table.column\", for example \"user_account.id\"");
    }
    return new ForeignKey(target, null);
  }

  /** A foreign key to a column object. */
  public static ForeignKey to(Column<?> target) {
    return new ForeignKey(null, target);
  }

  /** ON DELETE action. */
  public ForeignKey onDelete(Action action) {
    this.onDelete = action;
    return this;
  }

  /** ON UPDATE action. */
  public ForeignKey onUpdate(Action action) {
    this.onUpdate = action;
    return this;
  }

  /** The constraint name used in DDL (otherwise the database picks one). */
  public ForeignKey named(String constraintName) {
    this.name = Identifiers.check(constraintName, "constraint name");
    return this;
  }

  ForeignKey attach(Column<?> owner) {
    if (parent != null) {
      throw new ArgumentError("foreign key " + this + " is already attached to " + parent);
    }
    this.parent = owner;
    return this;
  }

  /** The referencing column. */
  public Column<?> parent() {
    return parent;
  }

  /** The referenced column, resolved through the MetaData on first use. */
  public Column<?> column() {
    if (target == null) {
      target = resolve();
    }
    return target;
  }

  /** The target as written, {@code "table.column"}, for messages and for dependency sorting. */
  public String targetFullName() {
    return target != null ? target.table().fullName() + "." + target.name() : targetSpec;
  }

  /** The name of the referenced table (with schema if given), without resolving it. */
  public String targetTableName() {
    if (target != null) {
      return target.table().fullName();
    }
    return targetSpec.substring(0, targetSpec.lastIndexOf('.'));
  }

  public Action onDelete() {
    return onDelete;
  }

  public Action onUpdate() {
    return onUpdate;
  }

  /** The constraint name, or null. */
  public String name() {
    return name;
  }

  private Column<?> resolve() {
    MetaData metadata = parent.table().metadata();
    String tableName = targetTableName();
    String columnName = targetSpec.substring(targetSpec.lastIndexOf('.') + 1);
    Table t = metadata.tables().get(tableName);
    if (t == null) {
      throw new ArgumentError(
          "foreign key on " + parent.table().fullName() + "." + parent.name() + " refers to table '"
              + tableName + "', which is not in this MetaData; known tables: " + metadata.tables().keySet()
              + ". Define that table, or fix the name in references(\"" + targetSpec + "\")");
    }
    for (Column<?> c : t.columns()) {
      if (c.name().equals(columnName)) {
        return c;
      }
    }
    throw new ArgumentError(
        "foreign key on " + parent.table().fullName() + "." + parent.name() + " refers to column '"
            + columnName + "' of table " + tableName + ", which has columns "
            + t.columns().stream().map(Column::name).toList() + ". Add that column, or fix the name in references(\""
            + targetSpec + "\")");
  }

  @Override
  public String toString() {
    return "ForeignKey(" + (parent == null ? "?" : parent.table().fullName() + "." + parent.name())
        + " -> " + targetFullName().toLowerCase(Locale.ROOT) + ")";
  }
}
