package org.jalchemy.processor;

import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;

/** Writes the source of one metamodel class. Every name is fully qualified, so no import can clash. */
final class MetamodelWriter {
  private MetamodelWriter() {}

  static void write(MappedClassModel m, Filer filer, Elements elements) throws IOException {
    String pkg = m.packageName(elements);
    String simple = m.metamodelSimpleName();
    String entity = MappedClassModel.canonical(m.element);
    StringBuilder sb = new StringBuilder(1024);
    if (!pkg.isEmpty()) {
      sb.append("package ").append(pkg).append(";\n\n");
    }
    sb.append("/**\n * The typed metamodel of {@link ").append(entity).append("}: one attribute per mapped field,\n")
        .append(" * usable in select, where, orderBy and join. Generated; do not edit.\n */\n")
        .append("@jakarta.annotation.Generated(value = \"").append(MetamodelProcessor.class.getName())
        .append("\", comments = \"jalchemy metamodel of ").append(entity).append("\")\n")
        .append("public final class ").append(simple).append(" {\n");
    for (MappedClassModel.Attribute a : m.attributes) {
      if (a.relationship()) {
        sb.append("  /** Relationship {@code ").append(a.name()).append("} to {@link ").append(a.type()).append("}. */\n")
            .append("  public static final org.jalchemy.orm.RelationshipAttribute<").append(entity).append(", ")
            .append(a.type()).append("> ").append(a.name()).append(" =\n      org.jalchemy.orm.RelationshipAttribute.of(")
            .append(entity).append(".class, \"").append(a.name()).append("\", ").append(a.type()).append(".class);\n\n");
      } else {
        sb.append("  /** Column of field {@code ").append(a.name()).append("}. */\n")
            .append("  public static final org.jalchemy.orm.ColumnAttribute<").append(entity).append(", ")
            .append(a.type()).append("> ").append(a.name()).append(" =\n      org.jalchemy.orm.ColumnAttribute.of(")
            .append(entity).append(".class, \"").append(a.name()).append("\", ").append(a.type()).append(".class);\n\n");
      }
    }
    sb.append("  private ").append(simple).append("() {}\n}\n");
    String qualified = pkg.isEmpty() ? simple : pkg + "." + simple;
    try (Writer w = filer.createSourceFile(qualified, m.element).openWriter()) {
      w.write(sb.toString());
    }
  }
}
