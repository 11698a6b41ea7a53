package org.jalchemy.orm;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jalchemy.orm.internal.BaseRegistry;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;

/**
 * How one mapped class maps to its table: its column properties, primary key, version counter and
 * relationships, built once when its base is configured. Field access and construction use method
 * handles made at that time.
 *
 * <pre>{@code
 * Mapper<User> m = Mapper.of(User.class);
 * m.table().name();                   // "user_account"
 * m.columnProperty("name").column();  // the Column
 * User u = m.newInstance();           // through the no-argument constructor
 * }</pre>
 *
 * @param <E> the mapped class
 */
public final class Mapper<E> {
  private final Class<E> mappedClass;
  private final Class<? extends DeclarativeBase> base;
  private final Table table;
  private final List<ColumnProperty<E, ?>> columns;
  private final Map<String, ColumnProperty<E, ?>> columnsByField = new LinkedHashMap<>();
  private final Map<Column<?>, ColumnProperty<E, ?>> columnsByColumn = new IdentityHashMap<>();
  private final List<ColumnProperty<E, ?>> primaryKey = new ArrayList<>();
  private final ColumnProperty<E, ?> version;
  private final List<RelationshipProperty<E, ?>> relationships;
  private final Map<String, RelationshipProperty<E, ?>> relationshipsByField = new LinkedHashMap<>();
  /** The mapped columns as one select item; made on first use (all final fields: safe to share, a race makes two alike). */
  private EntityColumns<E> entityColumns;
  /** New instances for loading (see InstanceFactory: a plain {@code new} where the JVM allows). */
  private final java.util.function.Supplier<Object> factory;
  private final Set<String> columnFieldNames;

  /** Made by the mapper configuration; applications use {@link #of}. */
  public Mapper(
      Class<E> mappedClass,
      Class<? extends DeclarativeBase> base,
      Table table,
      List<ColumnProperty<E, ?>> columns,
      List<RelationshipProperty<E, ?>> relationships,
      MethodHandle constructor) {
    this.mappedClass = mappedClass;
    this.base = base;
    this.table = table;
    this.columns = List.copyOf(columns);
    this.relationships = List.copyOf(relationships);
    this.factory = org.jalchemy.orm.internal.InstanceFactory.of(mappedClass, constructor);
    ColumnProperty<E, ?> v = null;
    for (ColumnProperty<E, ?> p : columns) {
      columnsByField.put(p.fieldName(), p);
      columnsByColumn.put(p.column(), p);
      if (p.isVersion()) {
        v = p;
      }
    }
    for (Column<?> pk : table.primaryKeyColumns()) {
      primaryKey.add(columnsByColumn.get(pk));
    }
    this.version = v;
    this.columnFieldNames = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(columnsByField.keySet()));
    for (RelationshipProperty<E, ?> r : relationships) {
      relationshipsByField.put(r.fieldName(), r);
    }
  }

  /**
   * The mapper of a mapped class, configuring its base first if that has not happened yet (mapping
   * errors surface here).
   */
  public static <E> Mapper<E> of(Class<E> mappedClass) {
    return BaseRegistry.mapperOf(mappedClass);
  }

  public Class<E> mappedClass() {
    return mappedClass;
  }

  /** The {@link DeclarativeBase} subclass whose MetaData holds the table. */
  public Class<? extends DeclarativeBase> base() {
    return base;
  }

  public Table table() {
    return table;
  }

  /** The column fields' names in column order, unmodifiable (what expiring every column marks). */
  Set<String> columnFieldNames() {
    return columnFieldNames;
  }

  /** The column properties in table order. */
  public List<ColumnProperty<E, ?>> columnProperties() {
    return columns;
  }

  /** {@link #insertColumns}, per set of columns left out. */
  private final Map<Long, List<Column<?>>> insertColumns = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The columns an INSERT of an object of this class gives, in table order, when those of the bits
   * of {@code leftOut} (bit i: the i-th column property) are left to the database: one immutable
   * list per set, so that every flush of such objects hands the engine the same list, and the
   * engine's kept plan of that INSERT is found by the list itself (equals is then identity).
   */
  List<Column<?>> insertColumns(long leftOut) {
    List<Column<?>> kept = insertColumns.get(leftOut);
    if (kept == null) {
      List<Column<?>> cols = new ArrayList<>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        if ((leftOut & (1L << i)) == 0) {
          cols.add(columns.get(i).column());
        }
      }
      kept = insertColumns.computeIfAbsent(leftOut, k -> List.copyOf(cols));
    }
    return kept;
  }

  /** The column property of a field; fails, listing the mapped fields, when there is none. */
  public ColumnProperty<E, ?> columnProperty(String fieldName) {
    ColumnProperty<E, ?> p = columnsByField.get(fieldName);
    if (p == null) {
      throw new MappingError(MappingError.Kind.NOT_MAPPED, mappedClass, fieldName,
          "no column is mapped from this field; the column fields are " + columnsByField.keySet()
              + " and the relationships " + relationshipsByField.keySet(),
          "use one of those names (the metamodel may be stale: rebuild the module)");
    }
    return p;
  }

  /** The column property of a field, or null when the field is not a column. */
  ColumnProperty<E, ?> findColumn(String fieldName) {
    return columnsByField.get(fieldName);
  }

  /** The relationship of a field, or null when the field is not a relationship. */
  RelationshipProperty<E, ?> findRelationship(String fieldName) {
    return relationshipsByField.get(fieldName);
  }

  /** The column property mapped to {@code column}, or null. */
  public ColumnProperty<E, ?> columnProperty(Column<?> column) {
    return columnsByColumn.get(column);
  }

  /** The primary key's properties in table order. */
  public List<ColumnProperty<E, ?>> primaryKey() {
    return primaryKey;
  }

  /** The version counter, or null. */
  public ColumnProperty<E, ?> version() {
    return version;
  }

  /** Whether the class maps any relationship (reads of its fields then need no lookup). */
  boolean hasRelationships() {
    return !relationships.isEmpty();
  }

  public List<RelationshipProperty<E, ?>> relationships() {
    return relationships;
  }

  /** The relationship of a field; fails, listing the relationships, when there is none. */
  public RelationshipProperty<E, ?> relationship(String fieldName) {
    RelationshipProperty<E, ?> r = relationshipsByField.get(fieldName);
    if (r == null) {
      throw new MappingError(MappingError.Kind.NOT_MAPPED, mappedClass, fieldName,
          "this field is not a relationship; the relationships are " + relationshipsByField.keySet(),
          "use one of those names (the metamodel may be stale: rebuild the module)");
    }
    return r;
  }

  /** The relationship of a field, checked to lead to {@code target}. */
  @SuppressWarnings("unchecked")
  public <T> RelationshipProperty<E, T> relationshipTo(String fieldName, Class<T> target) {
    RelationshipProperty<E, ?> r = relationship(fieldName);
    if (r.targetClass() != target) {
      throw new MappingError(MappingError.Kind.BAD_RELATIONSHIP, mappedClass, fieldName,
          "the relationship leads to " + r.targetClass().getName() + ", not " + target.getName(),
          "rebuild the module so the metamodel matches the classes");
    }
    return (RelationshipProperty<E, T>) r;
  }

  /** This class's columns as the select item of {@code select(Type.class)}, one instance per mapper. */
  EntityColumns<E> entityColumns() {
    EntityColumns<E> e = entityColumns;
    if (e == null) {
      e = EntityColumns.create(this);
      entityColumns = e;
    }
    return e;
  }

  /** A new instance through the no-argument constructor, with no field set. */
  @SuppressWarnings("unchecked")
  public E newInstance() {
    try {
      return (E) factory.get();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("constructor of " + mappedClass.getName() + " failed", t);
    }
  }

  @Override
  public String toString() {
    return "Mapper(" + mappedClass.getName() + " -> " + table.fullName() + ")";
  }
}
