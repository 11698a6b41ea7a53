package org.jalchemy.cdi;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Weld SE container for one test, with its own MicroProfile Config (the given keys, as a
 * server's variables would be) and, by default, full discovery of the test class path in the
 * default {@code annotated} mode: the extension, Narayana and SmallRye Config come from their jars'
 * META-INF/services. Public for the reliability suite, which uses this module's test jar.
 *
 * <pre>{@code
 * try (Container c = Container.boot(Map.of("jalchemy.url", "h2:mem:x"))) { c.select(Session.class) ... }
 * }</pre>
 */
public final class Container implements AutoCloseable {
  private final WeldContainer weld;
  private final Config config;

  private Container(WeldContainer weld, Config config) {
    this.weld = weld;
    this.config = config;
  }

  /** Boots with full discovery of the test class path. */
  public static Container boot(Map<String, String> settings) {
    return boot(settings, new Weld());
  }

  /** Boots the given Weld builder with these settings as the only configuration (besides defaults). */
  public static Container boot(Map<String, String> settings, Weld weld) {
    Config config = useConfig(settings);
    try {
      return new Container(weld.containerId("cdi-test-" + System.nanoTime()).initialize(), config);
    } catch (RuntimeException e) {
      release(config);
      throw e;
    }
  }

  /** Registers a Config holding {@code settings} for this thread's class loader, as the container will look it up. */
  public static Config useConfig(Map<String, String> settings) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ConfigProviderResolver resolver = ConfigProviderResolver.instance();
    try {
      resolver.releaseConfig(resolver.getConfig(loader));
    } catch (IllegalStateException none) {
      // nothing registered yet
    }
    Config config = new SmallRyeConfigBuilder().forClassLoader(loader).addDefaultInterceptors()
        .withSources(new PropertiesConfigSource(settings, "test settings", 500)).build();
    resolver.registerConfig(config, loader);
    return config;
  }

  private static void release(Config config) {
    ConfigProviderResolver.instance().releaseConfig(config);
  }

  public <T> T select(Class<T> type, java.lang.annotation.Annotation... qualifiers) {
    return weld.select(type, qualifiers).get();
  }

  public WeldContainer weld() {
    return weld;
  }

  @Override
  public void close() {
    try {
      weld.shutdown();
    } finally {
      release(config);
    }
  }
}
