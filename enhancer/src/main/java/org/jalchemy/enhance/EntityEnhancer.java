package org.jalchemy.enhance;

import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;

/**
 * The byte-buddy build plugin that enhances every class annotated {@code @org.jalchemy.orm.Tablename}
 * so the ORM's Session sees each read and write of its mapped fields (lazy loading, expired
 * attributes, change tracking, back-populates). Configure it in the module holding the mapped
 * classes:
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>net.bytebuddy</groupId><artifactId>byte-buddy-maven-plugin</artifactId><version>1.17.7</version>
 *   <executions><execution><goals><goal>transform</goal></goals></execution></executions>
 *   <configuration><transformations><transformation>
 *     <plugin>org.jalchemy.enhance.EntityEnhancer</plugin>
 *   </transformation></transformations></configuration>
 *   <dependencies><dependency>
 *     <groupId>org.jalchemy</groupId><artifactId>jalchemy-enhancer</artifactId><version>…</version>
 *   </dependency></dependencies>
 * </plugin>
 * }</pre>
 *
 * <p>Unmapped superclasses of mapped classes ("mixins", whose fields become columns) get the
 * accessors too, without the state slot (the mapped subclass has it).
 *
 * <p>Enhancing twice is harmless: a class that already implements the ORM's {@code ManagedEntity}
 * is left alone, so an incremental build that re-runs the plugin on unchanged classes is safe.
 */
public final class EntityEnhancer implements Plugin {
  /** The annotation marking a mapped class. */
  static final String TABLENAME = "org.jalchemy.orm.Tablename";

  @Override
  public boolean matches(TypeDescription target) {
    if (target.isInterface() || target.isAnnotation() || target.isEnum() || target.isRecord()) {
      return false;
    }
    if (isMapped(target)) {
      return !implementsManagedEntity(target);
    }
    return isMixin(target) && !alreadyEnhancedMixin(target);
  }

  @Override
  public DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription type, ClassFileLocator locator) {
    return builder.visit(new FieldAccessRewriting(!isMapped(type), inheritedMappedFields(type)));
  }

  static boolean isMapped(TypeDescription type) {
    for (AnnotationDescription a : type.getDeclaredAnnotations()) {
      if (a.getAnnotationType().getName().equals(TABLENAME)) {
        return true;
      }
    }
    return false;
  }

  private static boolean implementsManagedEntity(TypeDescription type) {
    for (TypeDescription.Generic i : type.getInterfaces()) {
      if (i.asErasure().getName().equals(EnhancementNames.MANAGED_ENTITY_BINARY)) {
        return true;
      }
    }
    return false;
  }

  /**
   * An unmapped superclass of mapped classes ("mixin"): not {@code @Tablename}, but below
   * DeclarativeBase and declaring fields, which become columns of its mapped subclasses. Its own
   * reads and writes of those fields must reach the hooks too.
   */
  private static boolean isMixin(TypeDescription type) {
    if (FieldAccessRewriting.mappedFields(type).isEmpty()) {
      return false;
    }
    try {
      for (TypeDescription.Generic sc = type.getSuperClass(); sc != null; sc = sc.asErasure().getSuperClass()) {
        if (sc.asErasure().getName().equals(EnhancementNames.DECLARATIVE_BASE)) {
          return true;
        }
      }
    } catch (RuntimeException unresolvable) {
      // a superclass missing from the build's class path: not something jalchemy maps
    }
    return false;
  }

  private static boolean alreadyEnhancedMixin(TypeDescription type) {
    return type.getDeclaredMethods().stream().anyMatch(m -> m.getName().startsWith(EnhancementNames.GETTER_PREFIX));
  }

  /** Non-private mapped fields the class inherits from mixins: its own code may read and write them. */
  private static java.util.Set<String> inheritedMappedFields(TypeDescription type) {
    java.util.Set<String> names = new java.util.HashSet<>();
    try {
      for (TypeDescription.Generic sc = type.getSuperClass(); sc != null; sc = sc.asErasure().getSuperClass()) {
        TypeDescription t = sc.asErasure();
        if (t.getName().equals(EnhancementNames.DECLARATIVE_BASE) || t.getName().equals("java.lang.Object")) {
          break;
        }
        for (var f : t.getDeclaredFields()) {
          if (!f.isPrivate() && FieldAccessRewriting.isMappedField(f)) {
            names.add(f.getName());
          }
        }
      }
    } catch (RuntimeException unresolvable) {
      // without the superclass, only the class's own fields are rewritten
    }
    return names;
  }

  @Override
  public void close() {}
}
