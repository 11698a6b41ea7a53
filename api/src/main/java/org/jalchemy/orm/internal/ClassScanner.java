package org.jalchemy.orm.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.MappingError;
import org.jalchemy.orm.MappingError.Kind;
import org.jalchemy.orm.Relationship;
import org.jalchemy.orm.Tablename;

/**
 * Finds the persistent fields of a mapped class: its own and those of unmapped superclasses
 * (mixins) up to its base, superclass fields first; static, transient and synthetic fields are
 * skipped. Decides which are relationships, and checks what the class itself must be.
 */
public final class ClassScanner {
  private ClassScanner() {}

  /** The persistent fields, classified. */
  public static List<ScannedField> scan(Class<?> cls) {
    checkClass(cls);
    Deque<Class<?>> chain = new ArrayDeque<>();
    for (Class<?> c = cls; c != null && c != DeclarativeBase.class && c != Object.class; c = c.getSuperclass()) {
      if (c != cls && c.isAnnotationPresent(Tablename.class)) {
        throw new MappingError(Kind.INHERITANCE, cls, null,
            "it extends mapped class " + c.getName() + "; inheritance between mapped classes is not supported yet",
            "extend the base (or an unmapped abstract superclass holding shared fields) instead of another mapped class");
      }
      chain.push(c);
    }
    List<ScannedField> out = new ArrayList<>();
    for (Class<?> c : chain) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
          continue;
        }
        out.add(classify(cls, f));
      }
    }
    return out;
  }

  private static void checkClass(Class<?> cls) {
    if (Modifier.isFinal(cls.getModifiers())) {
      throw new MappingError(Kind.FINAL_CLASS, cls, null,
          "the class is final, but loading and change tracking need to subclass or enhance mapped classes",
          "remove 'final' from the class declaration (records and enums cannot be mapped)");
    }
    if (Modifier.isAbstract(cls.getModifiers()) || cls.isInterface()) {
      throw new MappingError(Kind.NOT_MAPPED, cls, null,
          "the class is abstract, so rows cannot be loaded into it",
          "remove @Tablename from it and put it on its concrete subclasses, or make it concrete");
    }
    if (cls.getEnclosingClass() != null && !Modifier.isStatic(cls.getModifiers())) {
      throw new MappingError(Kind.NO_DEFAULT_CONSTRUCTOR, cls, null,
          "it is an inner (non-static) class, which needs an enclosing instance to be created",
          "declare it static, or move it to its own file");
    }
  }

  private static ScannedField classify(Class<?> owner, Field f) {
    Class<?> type = f.getType();
    boolean annotated = f.isAnnotationPresent(Relationship.class);
    if (isMapped(type)) {
      return checkedRelationship(owner, f, new ScannedField(f, type, null));
    }
    if (type == List.class || type == Set.class || type == Collection.class) {
      Class<?> element = elementType(f.getGenericType());
      if (element != null && isMapped(element)) {
        return checkedRelationship(owner, f, new ScannedField(f, element, type));
      }
      throw new MappingError(Kind.UNSUPPORTED_TYPE, owner, f.getName(),
          "a " + f.getGenericType().getTypeName() + " is neither a column type nor a collection of a mapped class",
          "make the element type a class annotated @Tablename (a one-to-many or many-to-many relationship), "
              + "or mark the field transient");
    }
    if (annotated) {
      throw new MappingError(Kind.BAD_RELATIONSHIP, owner, f.getName(),
          "@Relationship is on a field of type " + type.getName() + ", which is not a mapped class nor a List, Set"
              + " or Collection of one",
          "declare the field as the related class (many-to-one) or a List/Set of it (one-to-many)");
    }
    return new ScannedField(f, null, null);
  }

  private static ScannedField checkedRelationship(Class<?> owner, Field f, ScannedField s) {
    if (f.isAnnotationPresent(MappedColumn.class)) {
      throw new MappingError(Kind.BAD_COLUMN_OPTION, owner, f.getName(),
          "@MappedColumn is on a relationship (a field holding " + s.target().getSimpleName() + " objects)",
          "put @MappedColumn(foreignKey = \"…\") on the foreign key column field instead, and @Relationship here");
    }
    return s;
  }

  /** True for classes annotated {@code @Tablename}. */
  public static boolean isMapped(Class<?> c) {
    return c.isAnnotationPresent(Tablename.class);
  }

  private static Class<?> elementType(Type generic) {
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      Type a = p.getActualTypeArguments()[0];
      if (a instanceof Class<?> c) {
        return c;
      }
    }
    return null;
  }
}
