package org.jalchemy.orm;

import org.jalchemy.orm.internal.FieldAccessor;
import org.jalchemy.schema.Column;

/**
 * One field mapped to one column: the column, and fast access to the field (method handles made
 * when the mapping is configured, so reading and writing a field costs no reflection lookup).
 *
 * <pre>{@code
 * ColumnProperty<User, ?> p = Mapper.of(User.class).columnProperty("name");
 * p.column().name();   // "name"
 * p.get(user);         // the field's value
 * }</pre>
 *
 * @param <E> the mapped class
 * @param <T> the Java type of the column's values (boxed for primitive fields)
 */
public final class ColumnProperty<E, T> {
  private final String fieldName;
  private final Column<T> column;
  private final FieldAccessor accessor;
  private final boolean version;

  /** Made by the mapper configuration; applications read properties from {@link Mapper}. */
  public ColumnProperty(String fieldName, Column<T> column, FieldAccessor accessor, boolean version) {
    this.fieldName = fieldName;
    this.column = column;
    this.accessor = accessor;
    this.version = version;
  }

  /** The Java field's name. */
  public String fieldName() {
    return fieldName;
  }

  /** The mapped column. */
  public Column<T> column() {
    return column;
  }

  /** Whether this is the optimistic concurrency counter. */
  public boolean isVersion() {
    return version;
  }

  /** The field's value on {@code object}. */
  @SuppressWarnings("unchecked")
  public T get(E object) {
    return (T) accessor.get(object);
  }

  /** Sets the field on {@code object}; null on a primitive field is refused with a clear error. */
  public void set(E object, T value) {
    accessor.set(object, value);
  }

  /**
   * Sets the field to a value just loaded from the database (hydration): through the enhancer's
   * generated {@code $$jal$load} when the object's class has one for this field, else as {@link #set}.
   */
  public void load(E object, T value) {
    accessor.load(object, value);
  }

  @Override
  public String toString() {
    return "ColumnProperty(" + fieldName + " -> " + column.table().fullName() + "." + column.name() + ")";
  }
}
