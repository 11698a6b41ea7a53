package org.jalchemy.orm;

import org.jalchemy.schema.Column;
import org.jalchemy.sql.FromClause;
import org.jalchemy.sql.NamedColumn;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.types.SqlType;

/**
 * A mapped field in the typed metamodel ({@code User_.name}): an expression usable wherever its
 * column is, in {@code select}, {@code where}, {@code orderBy}, {@code groupBy} and reading rows.
 * It stands for the mapped {@link Column}, found through the mapper the first time it is needed,
 * so the metamodel class can be loaded before the base is configured.
 *
 * <pre>{@code
 * conn.execute(select(User_.id, User_.name).where(User_.name.eq("sandy")).orderBy(User_.id));
 * row.get(User_.name);
 * }</pre>
 *
 * @param <E> the mapped class
 * @param <T> the Java type of the field (boxed for primitives)
 */
public final class ColumnAttribute<E, T> extends NamedColumn<T> {
  private final Class<E> mappedClass;
  private final String fieldName;
  private final Class<T> javaType;
  private volatile Column<T> column;

  private ColumnAttribute(Class<E> mappedClass, String fieldName, Class<T> javaType) {
    this.mappedClass = mappedClass;
    this.fieldName = fieldName;
    this.javaType = javaType;
  }

  /** Used by generated metamodel classes: the attribute of {@code fieldName} holding {@code javaType}. */
  public static <E, T> ColumnAttribute<E, T> of(Class<E> mappedClass, String fieldName, Class<T> javaType) {
    return new ColumnAttribute<>(mappedClass, fieldName, javaType);
  }

  /** The mapped class declaring the field. */
  public Class<E> mappedClass() {
    return mappedClass;
  }

  /** The Java field's name. */
  public String fieldName() {
    return fieldName;
  }

  /** The mapped column (configures the base on first call). */
  @SuppressWarnings("unchecked")
  public Column<T> column() {
    Column<T> c = column;
    if (c == null) {
      Column<?> found = Mapper.of(mappedClass).columnProperty(fieldName).column();
      if (found.type().javaType() != javaType) {
        throw new MappingError(MappingError.Kind.NOT_MAPPED, mappedClass, fieldName,
            "the metamodel says the field holds " + javaType.getSimpleName() + " but it is mapped as "
                + found.type().javaType().getSimpleName(),
            "rebuild the module so the metamodel is generated again");
      }
      c = (Column<T>) found;
      column = c;
    }
    return c;
  }

  /** The column property, with access to the field on objects. */
  public ColumnProperty<E, ?> property() {
    return Mapper.of(mappedClass).columnProperty(fieldName);
  }

  @Override
  public String name() {
    return column().name();
  }

  @Override
  public FromClause parent() {
    return column().table();
  }

  /** The mapped column, so a row selected with the attribute can be read with either. */
  @Override
  public Column<T> origin() {
    return column();
  }

  @Override
  public SqlType<T> type() {
    return column().type();
  }

  @Override
  public void compileTo(SqlCompiler compiler) {
    column().compileTo(compiler);
  }

  /** The column's own key: a statement built from attributes shares the compiled SQL of one built from columns. */
  @Override
  public void appendCacheKey(CacheKey key) {
    column().appendCacheKey(key);
  }

  @Override
  public String toString() {
    return "ColumnAttribute(" + mappedClass.getSimpleName() + "." + fieldName + ")";
  }
}
