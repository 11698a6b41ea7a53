package org.jalchemy.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * What the processor knows of one mapped class: its attributes, classified the way the runtime
 * mapper does (a mapped class, or a List/Set/Collection of one, is a relationship; anything else a
 * column). Type checks beyond that are the runtime's job, which reports them with the fix.
 */
final class MappedClassModel {
  static final String TABLENAME = "org.jalchemy.orm.Tablename";
  static final String BASE = "org.jalchemy.orm.DeclarativeBase";
  private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Collection");

  /** One metamodel attribute: a column of {@code type}, or a relationship to {@code type}. */
  record Attribute(String name, String type, boolean relationship) {}

  final TypeElement element;
  final List<Attribute> attributes = new ArrayList<>();

  private MappedClassModel(TypeElement element) {
    this.element = element;
  }

  /** The model of {@code type}, or null (with a warning) when no metamodel can be generated for it. */
  static MappedClassModel of(TypeElement type, Elements elements, Types types, Messager messager) {
    if (type.getKind() != ElementKind.CLASS || !type.getTypeParameters().isEmpty() || hasPrivateNesting(type)) {
      messager.printMessage(Diagnostic.Kind.WARNING,
          "jalchemy: no metamodel for " + type + ": @Tablename belongs on a non-generic, non-private class", type);
      return null;
    }
    MappedClassModel m = new MappedClassModel(type);
    Set<String> seen = new LinkedHashSet<>();
    for (TypeElement c : chain(type, types)) {
      for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
        Set<Modifier> mods = f.getModifiers();
        if (mods.contains(Modifier.STATIC) || mods.contains(Modifier.TRANSIENT) || !seen.add(f.getSimpleName().toString())) {
          continue;
        }
        Attribute a = attribute(f, types);
        if (a == null) {
          messager.printMessage(Diagnostic.Kind.WARNING,
              "jalchemy: field " + f.getSimpleName() + " of " + type + " has type " + f.asType()
                  + ", which cannot be a column; mapping the class will fail until it is changed or made transient", f);
        } else {
          m.attributes.add(a);
        }
      }
    }
    return m;
  }

  /** The class and its unmapped superclasses up to the declarative base, superclasses first. */
  private static List<TypeElement> chain(TypeElement type, Types types) {
    List<TypeElement> out = new ArrayList<>();
    for (TypeElement c = type; c != null; c = superclass(c, types)) {
      String name = c.getQualifiedName().toString();
      if (name.equals(BASE) || name.equals("java.lang.Object") || (c != type && isMapped(c))) {
        break;
      }
      out.add(0, c);
    }
    return out;
  }

  private static TypeElement superclass(TypeElement c, Types types) {
    TypeMirror s = c.getSuperclass();
    return s.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(s) : null;
  }

  private static Attribute attribute(VariableElement f, Types types) {
    String name = f.getSimpleName().toString();
    TypeMirror t = f.asType();
    if (t.getKind().isPrimitive()) {
      return new Attribute(name, types.boxedClass(types.getPrimitiveType(t.getKind())).getQualifiedName().toString(), false);
    }
    if (t instanceof ArrayType a) {
      return a.getComponentType().getKind() == TypeKind.BYTE ? new Attribute(name, "byte[]", false) : null;
    }
    if (!(t instanceof DeclaredType d)) {
      return null;
    }
    TypeElement e = (TypeElement) d.asElement();
    if (isMapped(e)) {
      return new Attribute(name, canonical(e), true);
    }
    if (COLLECTIONS.contains(e.getQualifiedName().toString()) && d.getTypeArguments().size() == 1
        && d.getTypeArguments().get(0) instanceof DeclaredType arg && isMapped((TypeElement) arg.asElement())) {
      return new Attribute(name, canonical((TypeElement) arg.asElement()), true);
    }
    if (!d.getTypeArguments().isEmpty() || hasPrivateNesting(e)) {
      return null;
    }
    return new Attribute(name, canonical(e), false);
  }

  static boolean isMapped(TypeElement e) {
    for (var a : e.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(TABLENAME)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasPrivateNesting(Element e) {
    for (Element c = e; c != null && (c.getKind().isClass() || c.getKind().isInterface()); c = c.getEnclosingElement()) {
      if (c.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  static String canonical(TypeElement e) {
    return e.getQualifiedName().toString();
  }

  /** The metamodel's simple name: nested classes are flattened, {@code Outer.Inner} → {@code Outer_Inner_}. */
  String metamodelSimpleName() {
    StringBuilder sb = new StringBuilder();
    for (Element c = element; c instanceof TypeElement t; c = c.getEnclosingElement()) {
      sb.insert(0, t.getSimpleName() + "_");
    }
    return sb.toString();
  }

  String packageName(Elements elements) {
    return elements.getPackageOf(element).getQualifiedName().toString();
  }
}
