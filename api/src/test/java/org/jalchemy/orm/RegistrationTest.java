package org.jalchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jalchemy.orm.internal.MappedClassIndex;
import org.junit.jupiter.api.Test;

/** Without the build-time index: explicit registration, plus the classes relationships reach. */
class RegistrationTest {

  /** Loads jalchemy and the test model afresh, and finds no index file. */
  private static final class NoIndexLoader extends URLClassLoader {
    NoIndexLoader(URL... urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return name.equals(MappedClassIndex.PATH) ? Collections.emptyEnumeration() : super.getResources(name);
    }
  }

  private static URL locationOf(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  @SuppressWarnings("unchecked")
  void registerAndRelationshipsFindTheClasses() throws Exception {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (NoIndexLoader loader = new NoIndexLoader(
        locationOf(DeclarativeBase.class), locationOf(RegistrationTest.class), locationOf(jakarta.annotation.Nonnull.class))) {
      Thread.currentThread().setContextClassLoader(loader);
      Class<?> scenario = loader.loadClass(RegistrationScenario.class.getName());
      assertThat(scenario.getClassLoader()).isSameAs(loader);
      List<String> result = ((Callable<List<String>>) scenario.getConstructor().newInstance()).call();
      // User and its association class were registered; Address and Keyword came through relationships;
      // Sample, OrderLine and TreeNode, never mentioned, are not mapped.
      assertThat(result).containsExactlyInAnyOrder(
          "orm_user_account", "orm_user_keyword", "orm_address", "orm_keyword",
          "late: NOT_MAPPED", "unknown: NOT_MAPPED true");
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
