package org.jalchemy.orm;

import java.util.ArrayList;
import java.util.List;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.SelectItem;

/**
 * A mapped class in a SELECT list: its columns in mapper order. {@code Jalchemy.select(User.class)}
 * puts one first; {@code Session.scalars} turns each row back into the (identity-mapped) object.
 *
 * <pre>{@code
 * session.scalars(select(User.class).where(User_.name.eq("sandy"))).all();
 * }</pre>
 *
 * @param <E> the mapped class
 */
public final class EntityColumns<E> implements SelectItem {
  private final Mapper<E> mapper;
  private final List<Expression<?>> columns;
  /** Positions of the primary key columns among {@link #columns}: the identity of each row. */
  private final int[] primaryKeyIndexes;

  private EntityColumns(Mapper<E> mapper) {
    this.mapper = mapper;
    List<Expression<?>> cols = new ArrayList<>();
    for (ColumnProperty<E, ?> p : mapper.columnProperties()) {
      cols.add(p.column());
    }
    this.columns = List.copyOf(cols);
    this.primaryKeyIndexes = new int[mapper.primaryKey().size()];
    for (int i = 0; i < primaryKeyIndexes.length; i++) {
      primaryKeyIndexes[i] = mapper.columnProperties().indexOf(mapper.primaryKey().get(i));
    }
  }

  /** The columns of a mapped class, configuring its base first if needed. */
  public static <E> EntityColumns<E> of(Class<E> mappedClass) {
    return Mapper.of(mappedClass).entityColumns();
  }

  /** Made once per mapper ({@link Mapper#entityColumns()}): it is immutable, and every {@code select(User.class)} takes it. */
  static <E> EntityColumns<E> create(Mapper<E> mapper) {
    return new EntityColumns<>(mapper);
  }

  public Mapper<E> mapper() {
    return mapper;
  }

  @Override
  public List<Expression<?>> selectedColumns() {
    return columns;
  }

  int[] primaryKeyIndexes() {
    return primaryKeyIndexes;
  }
}
