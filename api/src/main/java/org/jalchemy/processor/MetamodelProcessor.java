package org.jalchemy.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates the typed metamodel ({@code User_} for {@code @Tablename User}) and the index of the
 * module's mapped classes at {@code META-INF/jalchemy/mapped-classes}, which
 * {@code DeclarativeBase} and the CDI extension read at run time.
 *
 * <p>javac finds it through {@code META-INF/services/javax.annotation.processing.Processor} in the
 * jalchemy jar: a module that depends on jalchemy needs no configuration (on JDK 23 and later,
 * which no longer run processors found on the class path by default, add {@code -proc:full} or
 * list jalchemy under {@code annotationProcessorPaths}).
 */
@SupportedAnnotationTypes(MappedClassModel.TABLENAME)
public final class MetamodelProcessor extends AbstractProcessor {
  /** Where the index goes; the same path the runtime reads. */
  static final String INDEX = "META-INF/jalchemy/mapped-classes";

  private final Set<String> indexed = new TreeSet<>();
  private final List<Element> originating = new ArrayList<>();

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement tablename = processingEnv.getElementUtils().getTypeElement(MappedClassModel.TABLENAME);
    if (tablename != null) {
      for (Element e : round.getElementsAnnotatedWith(tablename)) {
        if (e instanceof TypeElement type) {
          generate(type);
        }
      }
    }
    if (round.processingOver() && !originating.isEmpty()) {
      writeIndex();
    }
    return false;
  }

  private void generate(TypeElement type) {
    indexed.add(processingEnv.getElementUtils().getBinaryName(type).toString());
    originating.add(type);
    MappedClassModel m = MappedClassModel.of(
        type, processingEnv.getElementUtils(), processingEnv.getTypeUtils(), processingEnv.getMessager());
    if (m == null) {
      return;
    }
    try {
      MetamodelWriter.write(m, processingEnv.getFiler(), processingEnv.getElementUtils());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "jalchemy: cannot write the metamodel of " + type + ": " + e.getMessage(), type);
    }
  }

  /**
   * Writes the index: this compilation's classes plus those of an earlier index whose classes still
   * exist and are still mapped (an incremental build compiles only some sources).
   */
  private void writeIndex() {
    Set<String> all = new TreeSet<>(indexed);
    all.addAll(stillMapped(previousIndex()));
    try {
      FileObject f = processingEnv.getFiler().createResource(
          StandardLocation.CLASS_OUTPUT, "", INDEX, originating.toArray(Element[]::new));
      try (Writer w = f.openWriter()) {
        w.write("# Mapped classes of this module, written by " + getClass().getName() + "\n");
        for (String name : all) {
          w.write(name);
          w.write('\n');
        }
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "jalchemy: cannot write " + INDEX + ": " + e);
    }
  }

  private List<String> previousIndex() {
    List<String> names = new ArrayList<>();
    try {
      FileObject f = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
      try (Reader r = f.openReader(true); BufferedReader b = new BufferedReader(r)) {
        for (String line; (line = b.readLine()) != null; ) {
          String n = line.strip();
          if (!n.isEmpty() && !n.startsWith("#")) {
            names.add(n);
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // No earlier index: a clean build.
    }
    return names;
  }

  private List<String> stillMapped(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      TypeElement t = processingEnv.getElementUtils().getTypeElement(n.replace('$', '.'));
      if (t != null && MappedClassModel.isMapped(t)) {
        out.add(n);
      }
    }
    return out;
  }
}
