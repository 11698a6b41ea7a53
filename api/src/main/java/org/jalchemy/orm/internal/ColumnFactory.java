package org.jalchemy.orm.internal;

import jakarta.annotation.Nonnull;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.ColumnProperty;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.MappingError.Kind;
import org.jalchemy.orm.OnDelete;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.ForeignKey;
import org.jalchemy.schema.Table;
import org.jalchemy.types.SqlType;

/** Defines the Core column of one field in its table and pairs the two as a {@link ColumnProperty}. */
public final class ColumnFactory {
  private ColumnFactory() {}

  /** The column's name: {@code @MappedColumn(name)} or the field's name in snake_case. */
  public static String columnName(Field field) {
    MappedColumn ann = field.getAnnotation(MappedColumn.class);
    return ann != null && !ann.name().isEmpty() ? ann.name() : Names.snakeCase(field.getName());
  }

  /** Adds the column for {@code field} to {@code table}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <E> ColumnProperty<E, ?> define(Class<E> owner, Field field, Table table) {
    if (Modifier.isFinal(field.getModifiers())) {
      throw new MappingError(Kind.FINAL_FIELD, owner, field.getName(),
          "the field is final, so loaded values cannot be written into it",
          "remove 'final', or mark the field transient if it is not a column");
    }
    MappedColumn ann = field.getAnnotation(MappedColumn.class);
    SqlType<?> type = TypeInference.typeOf(owner, field, ann);
    String name = columnName(field);
    Column column;
    try {
      column = table.column(name, type);
    } catch (ArgumentError e) {
      throw new MappingError(Kind.DUPLICATE_NAME, owner, field.getName(),
          "table " + table.fullName() + " already has a column named '" + name + "'",
          "give one of the fields another column name with @MappedColumn(name = \"…\")", e);
    }
    boolean nonnull = field.getType().isPrimitive() || field.isAnnotationPresent(Nonnull.class);
    if (ann != null) {
      apply(owner, field, ann, column);
      nonnull |= !ann.nullable();
    }
    if (nonnull) {
      column.notNull();
    }
    Supplier<?> dflt = DefaultValues.of(owner, field, ann);
    if (dflt != null) {
      column.defaultValue((Supplier) dflt);
    }
    boolean version = ann != null && ann.version();
    if (version) {
      Class<?> t = TypeInference.boxed(field.getType());
      if (t != Integer.class && t != Long.class) {
        throw new MappingError(Kind.BAD_COLUMN_OPTION, owner, field.getName(),
            "a version counter must be an int, Integer, long or Long, not " + field.getType().getSimpleName(),
            "change the field's type or remove version = true");
      }
    }
    return new ColumnProperty<>(field.getName(), column, FieldAccessor.of(owner, field), version);
  }

  private static void apply(Class<?> owner, Field field, MappedColumn ann, Column<?> column) {
    if (ann.primaryKey()) {
      column.primaryKey();
    }
    switch (ann.autoincrement()) {
      case TRUE -> column.autoincrement(true);
      case FALSE -> column.autoincrement(false);
      case AUTO -> {}
    }
    if (ann.unique()) {
      column.unique();
    }
    if (ann.index()) {
      column.index();
    }
    if (!ann.serverDefault().isEmpty()) {
      column.serverDefault(ann.serverDefault());
    }
    if (!ann.foreignKey().isEmpty()) {
      try {
        ForeignKey fk = ForeignKey.to(ann.foreignKey());
        if (ann.onDelete() != OnDelete.NONE) {
          fk.onDelete(ann.onDelete().action());
        }
        column.references(fk);
      } catch (ArgumentError e) {
        throw new MappingError(Kind.FOREIGN_KEY_TARGET, owner, field.getName(),
            "foreignKey = \"" + ann.foreignKey() + "\" is not a column reference",
            "write it as \"table.column\", for example \"user_account.id\"", e);
      }
    } else if (ann.onDelete() != OnDelete.NONE) {
      throw new MappingError(Kind.BAD_COLUMN_OPTION, owner, field.getName(),
          "onDelete is given without a foreignKey", "add foreignKey = \"table.column\" or remove onDelete");
    }
  }
}
