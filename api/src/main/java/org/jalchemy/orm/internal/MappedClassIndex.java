package org.jalchemy.orm.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The build-time index of mapped classes: the annotation processor writes one file per module at
 * {@value #PATH}, one binary class name per line ({@code #} starts a comment); this reads the files
 * of every jar and folder a class loader sees.
 */
public final class MappedClassIndex {
  /** Where each module's index lives. */
  public static final String PATH = "META-INF/jalchemy/mapped-classes";

  private MappedClassIndex() {}

  /** The class names listed by every index visible to {@code loader}, in class path order. */
  public static Set<String> classNames(ClassLoader loader) {
    Set<String> names = new LinkedHashSet<>();
    try {
      Enumeration<URL> files = loader.getResources(PATH);
      while (files.hasMoreElements()) {
        read(files.nextElement(), names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the jalchemy mapped-class index " + PATH, e);
    }
    return names;
  }

  private static void read(URL url, Set<String> names) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    }
  }
}
