package org.jalchemy.orm.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.orm.ColumnProperty;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.ManagedEntity;
import org.jalchemy.orm.Mapper;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.MappingError.Kind;
import org.jalchemy.orm.RelationshipProperty;
import org.jalchemy.orm.Tablename;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.ForeignKey;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;

/**
 * Configures the classes of one base in phases, each needing the previous one complete: tables and
 * columns of every class; foreign key targets (all tables exist now); relationships (all foreign
 * keys resolve); back-populates pairs (all relationships exist).
 */
final class MapperConfigurator implements RelationshipResolver.Tables {
  private final Class<? extends DeclarativeBase> base;
  private final MetaData metadata;
  private final Map<Class<?>, Draft> drafts = new LinkedHashMap<>();

  /** One class between phases. */
  private static final class Draft {
    final Class<?> cls;
    final Table table;
    final List<ScannedField> fields;
    final Map<String, ColumnProperty<?, ?>> columns = new LinkedHashMap<>();
    final List<RelationshipProperty<?, ?>> relationships = new ArrayList<>();
    MethodHandle constructor;

    Draft(Class<?> cls, Table table, List<ScannedField> fields) {
      this.cls = cls;
      this.table = table;
      this.fields = fields;
    }
  }

  MapperConfigurator(Class<? extends DeclarativeBase> base, MetaData metadata) {
    this.base = base;
    this.metadata = metadata;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  Map<Class<?>, Mapper<?>> configure(Set<Class<?>> classes) {
    Deque<Class<?>> queue = new ArrayDeque<>(classes);
    Set<Class<?>> seen = new LinkedHashSet<>(classes);
    while (!queue.isEmpty()) {
      Class<?> cls = queue.poll();
      Draft d = defineTable(cls);
      for (ScannedField f : d.fields) {
        if (f.isRelationship() && seen.add(f.target())) {
          checkSameBase(cls, f);
          queue.add(f.target());
        }
      }
    }
    for (Draft d : drafts.values()) {
      checkForeignKeys(d);
    }
    for (Draft d : drafts.values()) {
      for (ScannedField f : d.fields) {
        if (f.isRelationship()) {
          d.relationships.add(RelationshipResolver.resolve(d.cls, f, this));
        }
      }
    }
    BackPopulates.check(drafts.values().stream().flatMap(d -> d.relationships.stream()).toList(),
        cls -> drafts.get(cls).relationships);
    Map<Class<?>, Mapper<?>> mappers = new LinkedHashMap<>();
    for (Draft d : drafts.values()) {
      mappers.put(d.cls, new Mapper(d.cls, base, d.table, new ArrayList<>(d.columns.values()),
          d.relationships, d.constructor));
    }
    return mappers;
  }

  private void checkSameBase(Class<?> owner, ScannedField f) {
    if (!base.isAssignableFrom(f.target())) {
      throw new MappingError(Kind.BAD_RELATIONSHIP, owner, f.name(),
          "it refers to " + f.target().getName() + ", which is not mapped on base " + base.getName(),
          "make " + f.target().getSimpleName() + " extend " + base.getSimpleName()
              + " (relationships stay within one base and its MetaData)");
    }
  }

  private Draft defineTable(Class<?> cls) {
    Tablename tn = cls.getAnnotation(Tablename.class);
    if (tn == null) {
      throw new MappingError(Kind.NOT_MAPPED, cls, null, "it has no @Tablename annotation",
          "annotate it @Tablename(\"table_name\")");
    }
    checkEnhanced(cls);
    List<ScannedField> fields = ClassScanner.scan(cls);
    Table table;
    try {
      table = metadata.table(tn.value(), tn.schema().isEmpty() ? null : tn.schema());
    } catch (ArgumentError e) {
      Draft other = drafts.values().stream().filter(x -> x.table.name().equals(tn.value())).findFirst().orElse(null);
      throw new MappingError(Kind.DUPLICATE_NAME, cls, null,
          "table '" + tn.value() + "' is already mapped" + (other == null ? "" : " by " + other.cls.getName())
              + " (or the name is not a valid identifier: " + e.getMessage() + ")",
          "give each class its own @Tablename", e);
    }
    Draft d = new Draft(cls, table, fields);
    for (ScannedField f : fields) {
      if (!f.isRelationship()) {
        d.columns.put(f.name(), ColumnFactory.define(cls, f.field(), table));
      }
    }
    if (table.primaryKeyColumns().isEmpty()) {
      throw new MappingError(Kind.NO_PRIMARY_KEY, cls, null,
          "no field is part of the primary key, so rows cannot be identified",
          "mark the key field @MappedColumn(primaryKey = true) (several fields for a composite key)");
    }
    d.constructor = constructor(cls);
    drafts.put(cls, d);
    return d;
  }

  /**
   * The Session sees reads and writes of mapped fields only through build-time enhancement; a class
   * compiled without it would silently lose changes, so it is refused here, with the fix.
   */
  private static void checkEnhanced(Class<?> cls) {
    Class<?> missing = ManagedEntity.class.isAssignableFrom(cls) ? unenhancedMixin(cls) : cls;
    if (missing != null) {
      throw new MappingError(Kind.NOT_ENHANCED, cls, null,
          (missing == cls ? "it was" : "its superclass " + missing.getName() + ", whose fields it maps, was")
              + " not enhanced at build time, so the Session could not track changes or load attributes",
          "add to the pom of the module holding " + missing.getSimpleName() + ": <plugin><groupId>net.bytebuddy</groupId>"
              + "<artifactId>byte-buddy-maven-plugin</artifactId><version>1.17.7</version><executions><execution><phase>compile</phase><goals>"
              + "<goal>transform</goal></goals></execution></executions><configuration><transformations><transformation>"
              + "<plugin>org.jalchemy.enhance.EntityEnhancer</plugin></transformation></transformations></configuration>"
              + "<dependencies><dependency><groupId>org.jalchemy</groupId><artifactId>jalchemy-enhancer</artifactId>"
              + "<version>(jalchemy's version)</version></dependency></dependencies></plugin> (goal transform-test for "
              + "mapped classes under src/test; see docs/orm-session.md)");
    }
  }

  /** A superclass ("mixin") declaring mapped fields but without the enhancer's accessors, or null. */
  private static Class<?> unenhancedMixin(Class<?> cls) {
    for (Class<?> c = cls.getSuperclass(); c != null && c != DeclarativeBase.class && c != Object.class; c = c.getSuperclass()) {
      for (java.lang.reflect.Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (!Modifier.isStatic(mod) && !Modifier.isTransient(mod) && !f.isSynthetic()) {
          try {
            c.getDeclaredMethod("$$jal$get$" + f.getName());
          } catch (NoSuchMethodException e) {
            return c;
          }
        }
      }
    }
    return null;
  }

  private static MethodHandle constructor(Class<?> cls) {
    try {
      cls.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new MappingError(Kind.NO_DEFAULT_CONSTRUCTOR, cls, null,
          "it has no no-argument constructor, which loading rows needs",
          "add one, of any visibility: 'protected " + cls.getSimpleName() + "() {}'");
    }
    try {
      return MethodHandles.privateLookupIn(cls, MethodHandles.lookup())
          .findConstructor(cls, MethodType.methodType(void.class))
          .asType(MethodType.methodType(Object.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new MappingError(Kind.INACCESSIBLE, cls, null,
          "jalchemy cannot call its no-argument constructor (" + e.getMessage() + ")",
          "in a named module, open the package " + cls.getPackageName() + " to jalchemy", e);
    }
  }

  private void checkForeignKeys(Draft d) {
    for (ColumnProperty<?, ?> p : d.columns.values()) {
      for (ForeignKey fk : p.column().foreignKeys()) {
        Column<?> target;
        try {
          target = fk.column();
        } catch (ArgumentError e) {
          throw new MappingError(Kind.FOREIGN_KEY_TARGET, d.cls, p.fieldName(),
              "foreignKey = \"" + fk.targetFullName() + "\" refers to no column of this base ("
                  + e.getMessage().replaceAll(" \\[jalchemy:\\w+]$", "") + ")",
              "name an existing \"table.column\" of a class mapped on " + base.getSimpleName()
                  + " (column names are snake_case unless @MappedColumn(name) says otherwise)", e);
        }
        if (target.type().javaType() != p.column().type().javaType()) {
          throw new MappingError(Kind.FOREIGN_KEY_TARGET, d.cls, p.fieldName(),
              "the column holds " + p.column().type().javaType().getSimpleName() + " but the key it refers to, "
                  + fk.targetFullName() + ", holds " + target.type().javaType().getSimpleName(),
              "declare the field as " + target.type().javaType().getSimpleName());
        }
      }
    }
  }

  @Override
  public Table tableOf(Class<?> mappedClass) {
    return drafts.get(mappedClass).table;
  }

  @Override
  public Map<String, ColumnProperty<?, ?>> columnsOf(Class<?> mappedClass) {
    return drafts.get(mappedClass).columns;
  }

  @Override
  public MetaData metadata() {
    return metadata;
  }
}
