package org.jalchemy.examples.webapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores two users when the application starts on an empty database, and prints where to look.
 * A startup observer runs outside any HTTP request, so the work that needs the request-scoped
 * Session goes through {@link #seedIfEmpty()}, which activates a request context of its own (an
 * interceptor binding: it must be called on the bean, from another bean, to take effect).
 */
@ApplicationScoped
public class Seed {
  @Inject Directory directory;

  @ActivateRequestContext
  public void seedIfEmpty() {
    if (directory.all().isEmpty()) {
      directory.register("spongebob", "Spongebob Squarepants", List.of("spongebob@sqlalchemy.org"));
      directory.register("sandy", "Sandy Cheeks", List.of("sandy@sqlalchemy.org", "sandy@squirrelpower.org"));
    }
  }

  /** Runs at start: seeds through the Seed bean (so its interceptor applies), then prints the address. */
  @ApplicationScoped
  public static class OnStart {
    @Inject Seed seed;

    @Inject
    @ConfigProperty(name = "http.port", defaultValue = "9080")
    String port;

    void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
      seed.seedIfEmpty();
      System.out.println("jalchemy sample is running: open http://localhost:" + port + "/ (JSON: http://localhost:" + port
          + "/api/users)");
    }
  }
}
