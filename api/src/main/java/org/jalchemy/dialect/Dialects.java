package org.jalchemy.dialect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jalchemy.dialect.h2.H2Dialect;
import org.jalchemy.dialect.mysql.MySQLDialect;
import org.jalchemy.dialect.postgresql.PostgreSQLDialect;
import org.jalchemy.dialect.sqlite.SQLiteDialect;
import org.jalchemy.exc.ArgumentError;

/**
 * The registry of dialects by URL name.
 *
 * <pre>{@code
 * Dialect d = Dialects.forName("postgresql");
 * }</pre>
 */
public final class Dialects {
  private static final Map<String, Supplier<Dialect>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("sqlite", SQLiteDialect::new);
    BY_NAME.put("h2", H2Dialect::new);
    BY_NAME.put("postgresql", PostgreSQLDialect::new);
    BY_NAME.put("postgres", PostgreSQLDialect::new);
    BY_NAME.put("mysql", MySQLDialect::new);
    BY_NAME.put("mariadb", MySQLDialect::new);
  }

  private Dialects() {}

  /** A new dialect for {@code name}; fails listing the known names when there is none. */
  public static Dialect forName(String name) {
    Supplier<Dialect> s = BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (s == null) {
      throw new ArgumentError("unknown dialect '" + name + "'; known dialects: " + String.join(", ", BY_NAME.keySet()));
    }
    return s.get();
  }

  /** The dialect for a JDBC URL ({@code jdbc:postgresql:…}), by its sub-protocol. */
  public static Dialect forJdbcUrl(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:".length());
    int colon = rest.indexOf(':');
    String sub = colon < 0 ? rest : rest.substring(0, colon);
    return forName(sub);
  }

  /** The dialect for a database product name as JDBC metadata reports it. */
  public static Dialect forProductName(String productName) {
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.contains("postgres")) {
      return new PostgreSQLDialect();
    }
    if (p.contains("mariadb") || p.contains("mysql")) {
      return new MySQLDialect();
    }
    if (p.contains("sqlite")) {
      return new SQLiteDialect();
    }
    if (p.contains("h2")) {
      return new H2Dialect();
    }
    throw new ArgumentError(
        "no dialect for database '" + productName + "'; known dialects: " + String.join(", ", BY_NAME.keySet())
            + "; name one with Engine.of(dataSource, \"postgresql\")");
  }
}
