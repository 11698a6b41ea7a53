package org.jalchemy.cdi.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.jalchemy.dialect.Dialects;
import org.jalchemy.engine.Engine;
import org.jalchemy.engine.EngineUrl;
import org.jalchemy.orm.SessionMaker;

/**
 * The MicroProfile Config keys of one database: {@code jalchemy.<key>} for the default one,
 * {@code jalchemy.<name>.<key>} for a named one. Values are read once, at boot.
 */
record DatabaseSettings(
    String name,
    String url,
    String datasource,
    String dialect,
    String username,
    String password,
    Integer poolSize,
    Duration poolTimeout,
    Boolean prePing,
    boolean echo,
    boolean autoflush,
    boolean expireOnCommit) {

  static final String PREFIX = "jalchemy.";

  /** The default database's name in messages and qualifiers. */
  static final String DEFAULT = "";

  /** The keys a database is configured by (after {@code jalchemy.} or {@code jalchemy.<name>.}). */
  static final List<String> KEYS = List.of("url", "datasource", "dialect", "username", "password", "pool.size",
      "pool.timeout", "pool.pre-ping", "echo", "session.autoflush", "session.expire-on-commit");

  /** The full key of {@code key} for database {@code name}. */
  static String key(String name, String key) {
    return name.isEmpty() ? PREFIX + key : PREFIX + name + "." + key;
  }

  /** Reads a database's keys; malformed values are added to {@code problems} (with the key and the fix). */
  static DatabaseSettings read(Config config, String name, List<String> problems) {
    Function<String, Optional<String>> get = k -> config.getOptionalValue(key(name, k), String.class)
        .map(String::strip).filter(v -> !v.isEmpty());
    return new DatabaseSettings(
        name,
        get.apply("url").orElse(null),
        get.apply("datasource").orElse(null),
        get.apply("dialect").orElse(null),
        get.apply("username").orElse(null),
        get.apply("password").orElse(null),
        integer(get, name, "pool.size", problems),
        duration(get, name, "pool.timeout", problems),
        bool(get, name, "pool.pre-ping", null, problems),
        bool(get, name, "echo", false, problems),
        bool(get, name, "session.autoflush", true, problems),
        bool(get, name, "session.expire-on-commit", true, problems));
  }

  /** True when the keys say where the database is. */
  boolean isConfigured() {
    return url != null || datasource != null;
  }

  /** "the default database" or "database 'reports'", for messages. */
  String describe() {
    return name.isEmpty() ? "the default database" : "database '" + name + "'";
  }

  /** Checks what can be checked without connecting: URL form, dialect name, one source only. */
  void validate(List<String> problems) {
    if (url != null && datasource != null) {
      problems.add(describe() + ": both " + key(name, "url") + " and " + key(name, "datasource")
          + " are set; keep one (url: a pool jalchemy owns; datasource: the container's JTA-enlisted pool)");
    }
    if (url != null) {
      try {
        EngineUrl u = EngineUrl.parse(url);
        if (u.jdbcUrl() != null) {
          Dialects.forJdbcUrl(u.jdbcUrl());
        } else {
          Dialects.forName(u.dialect());
        }
      } catch (RuntimeException e) {
        problems.add(key(name, "url") + " = '" + EngineUrl.redact(url) + "' is not a database URL jalchemy knows: "
            + e.getMessage() + "; write it as, e.g., h2:mem:app, postgresql+pgjdbc://user@host:5432/db or a jdbc: URL");
      }
    }
    if (dialect != null) {
      try {
        Dialects.forName(dialect);
      } catch (RuntimeException e) {
        problems.add(key(name, "dialect") + " = '" + dialect + "': " + e.getMessage()
            + "; use sqlite, h2, postgresql or mysql (or leave it out: it is detected on first connect)");
      }
    }
  }

  /** The engine options these keys ask for. */
  Engine.Options engineOptions() {
    Engine.Options o = Engine.Options.defaults().withEcho(echo);
    if (username != null || password != null) {
      o = o.credentials(username, password);
    }
    if (poolSize != null) {
      o = o.poolSize(poolSize);
    }
    if (poolTimeout != null) {
      o = o.poolTimeout(poolTimeout);
    }
    if (prePing != null) {
      o = o.prePing(prePing);
    }
    return o;
  }

  SessionMaker.Options sessionOptions() {
    return SessionMaker.Options.defaults().autoflush(autoflush).expireOnCommit(expireOnCommit);
  }

  private static Integer integer(Function<String, Optional<String>> get, String name, String key, List<String> problems) {
    Optional<String> v = get.apply(key);
    if (v.isEmpty()) {
      return null;
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(key(name, key) + " = '" + v.get() + "' is not a positive whole number; write, e.g., 10");
      return null;
    }
  }

  private static Duration duration(Function<String, Optional<String>> get, String name, String key, List<String> problems) {
    Optional<String> v = get.apply(key);
    if (v.isEmpty()) {
      return null;
    }
    String s = v.get();
    try {
      if (s.matches("\\d+")) {
        return Duration.ofSeconds(Long.parseLong(s));
      }
      if (s.matches("\\d+ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      }
      if (s.matches("\\d+s")) {
        return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
      }
      return Duration.parse(s);
    } catch (RuntimeException e) {
      problems.add(key(name, key) + " = '" + s + "' is not a duration; write seconds (30), 500ms, 30s or PT30S");
      return null;
    }
  }

  private static Boolean bool(Function<String, Optional<String>> get, String name, String key, Boolean absent,
      List<String> problems) {
    Optional<String> v = get.apply(key);
    if (v.isEmpty()) {
      return absent;
    }
    return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> {
        problems.add(key(name, key) + " = '" + v.get() + "' is not true or false");
        yield absent;
      }
    };
  }

  /** The names of the named databases the configuration mentions ({@code jalchemy.<name>.url} or {@code .datasource}). */
  static List<String> namedDatabases(Config config) {
    List<String> names = new ArrayList<>();
    for (String property : config.getPropertyNames()) {
      for (String suffix : List.of(".url", ".datasource")) {
        if (property.startsWith(PREFIX) && property.endsWith(suffix) && property.length() > PREFIX.length() + suffix.length()) {
          String middle = property.substring(PREFIX.length(), property.length() - suffix.length());
          if (!middle.isEmpty() && !middle.contains(".") && !names.contains(middle) && !isReservedName(middle)) {
            names.add(middle);
          }
        }
      }
    }
    return names;
  }

  /** Words that start keys of the default database, not database names. */
  private static boolean isReservedName(String name) {
    return List.of("pool", "session", "schema").contains(name);
  }
}
