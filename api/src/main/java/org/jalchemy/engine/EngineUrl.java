package org.jalchemy.engine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jalchemy.exc.ArgumentError;

/**
 * A parsed database URL in SQLAlchemy's form {@code dialect[+driver]://user:password@host:port/database?key=value},
 * plus the short H2 form {@code h2:mem:name} and plain {@code jdbc:} URLs.
 *
 * <pre>{@code
 * EngineUrl u = EngineUrl.parse("postgresql+pgjdbc://scott:p%40ss@localhost:5432/test");
 * u.password();   // "p@ss"
 * u.toJdbcUrl();  // "jdbc:postgresql://localhost:5432/test"
 * }</pre>
 *
 * @param dialect the dialect name
 * @param driver the driver name after {@code +}, or null
 * @param username the user, or null
 * @param password the password (URL-decoded), or null
 * @param host the host, or null
 * @param port the port, or null
 * @param database the database (for SQLite the file path, {@code :memory:} for memory), or null
 * @param query the query parameters, passed to the driver as connection properties
 * @param jdbcUrl the JDBC URL as given, for {@code jdbc:} URLs; otherwise null
 */
public record EngineUrl(
    String dialect,
    String driver,
    String username,
    String password,
    String host,
    Integer port,
    String database,
    Map<String, String> query,
    String jdbcUrl) {

  private static final Pattern FULL =
      Pattern.compile(
          "(?<dialect>[A-Za-z0-9_]+)(\\+(?<driver>[A-Za-z0-9_]+))?://"
              + "((?<user>[^:@/]*)(:(?<password>[^@/]*))?@)?"
              + "(?<host>\\[[^]]*]|[^:/?]*)?(:(?<port>[^/?]*))?"
              + "(/(?<database>[^?]*))?(\\?(?<query>.*))?");

  /** Parses a URL; fails with the accepted forms when it is malformed. */
  public static EngineUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw malformed(url, "the URL is empty");
    }
    if (url.startsWith("jdbc:")) {
      return new EngineUrl(null, null, null, null, null, null, null, Map.of(), url);
    }
    if (url.startsWith("h2:") && !url.startsWith("h2://") && !url.startsWith("h2+")) {
      return new EngineUrl("h2", null, null, null, null, null, url.substring(3), Map.of(), null);
    }
    Matcher m = FULL.matcher(url);
    if (!m.matches()) {
      throw malformed(url, "it does not have the form dialect[+driver]://user:password@host:port/database");
    }
    Integer port = null;
    if (m.group("port") != null && !m.group("port").isEmpty()) {
      try {
        port = Integer.parseInt(m.group("port"));
      } catch (NumberFormatException e) {
        throw malformed(url, "the port '" + m.group("port") + "' is not a number");
      }
    }
    return new EngineUrl(
        m.group("dialect").toLowerCase(),
        m.group("driver"),
        decode(m.group("user")),
        decode(m.group("password")),
        emptyToNull(m.group("host")),
        port,
        decode(emptyToNull(m.group("database"))),
        parseQuery(m.group("query")),
        null);
  }

  private static ArgumentError malformed(String url, String why) {
    return new ArgumentError(
        "could not parse database URL '" + redact(url) + "': " + why + ". Accepted forms: "
            + "'sqlite+xerial:///relative.db', 'sqlite+xerial:////absolute/path.db', 'sqlite+xerial:///:memory:', "
            + "'h2:mem:name', 'postgresql+pgjdbc://user:password@host:5432/db', 'mysql+mariadb://user:password@host:3306/db', "
            + "'mariadb://…', or a plain 'jdbc:…' URL");
  }

  /**
   * The URL with its password replaced by ***, for messages and logs: the {@code user:password@}
   * part and any {@code password=} query or property parameter (as plain JDBC URLs carry it).
   */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    return url.replaceAll("(://[^:@/]*:)[^@/]*@", "$1***@")
        .replaceAll("(?i)([?&;:]password=)[^&;]*", "$1***");
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String decode(String s) {
    return s == null ? null : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static Map<String, String> parseQuery(String q) {
    if (q == null || q.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(decode(k), decode(v));
    }
    return Collections.unmodifiableMap(out);
  }

  /** True for an in-memory SQLite database, which exists only inside one connection. */
  public boolean isSqliteMemory() {
    if (jdbcUrl != null) {
      return jdbcUrl.equals("jdbc:sqlite:") || jdbcUrl.equals("jdbc:sqlite::memory:") || jdbcUrl.startsWith("jdbc:sqlite::memory:?");
    }
    return "sqlite".equals(dialect) && (database == null || database.equals(":memory:"));
  }

  /**
   * True for a database that exists only inside the one connection that opened it: in-memory
   * SQLite, and H2's unnamed {@code mem:}. Such an engine hands out one shared connection.
   */
  public boolean isPrivateMemory() {
    if (isSqliteMemory()) {
      return true;
    }
    String h2 = jdbcUrl != null ? jdbcUrl : "h2".equals(dialect) && host == null ? "jdbc:h2:" + database : null;
    return h2 != null && (h2.equals("jdbc:h2:mem:") || h2.startsWith("jdbc:h2:mem:;") || h2.equals("jdbc:h2:null"));
  }

  /** The JDBC URL for this database. */
  public String toJdbcUrl() {
    if (jdbcUrl != null) {
      return jdbcUrl;
    }
    return switch (dialect) {
      case "sqlite" -> "jdbc:sqlite:" + (database == null ? ":memory:" : database);
      case "h2" -> host == null ? "jdbc:h2:" + h2Database() : "jdbc:h2:tcp://" + hostPort() + "/" + database;
      case "postgresql", "postgres" -> "jdbc:postgresql://" + hostPort() + "/" + nullToEmpty(database);
      case "mysql", "mariadb" -> "jdbc:mariadb://" + hostPort() + "/" + nullToEmpty(database);
      default -> throw new ArgumentError("no JDBC URL form for dialect '" + dialect + "'");
    };
  }

  /**
   * A named in-memory H2 database is dropped when its last connection closes, which a pool does
   * whenever it retires idle connections; it is kept for the life of the JVM instead, unless the
   * URL sets DB_CLOSE_DELAY itself.
   */
  private String h2Database() {
    if (database == null) {
      return "mem:";
    }
    boolean namedMemory = database.startsWith("mem:") && database.length() > 4 && database.charAt(4) != ';';
    if (namedMemory && !database.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_DELAY")) {
      return database + ";DB_CLOSE_DELAY=-1";
    }
    return database;
  }

  private String hostPort() {
    return (host == null ? "localhost" : host) + (port == null ? "" : ":" + port);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The URL without its password (shown as ***), safe for logs and messages. */
  @Override
  public String toString() {
    if (jdbcUrl != null) {
      return redact(jdbcUrl);
    }
    StringBuilder sb = new StringBuilder(dialect);
    if (driver != null) {
      sb.append('+').append(driver);
    }
    sb.append("://");
    if (username != null) {
      sb.append(username);
      if (password != null) {
        sb.append(":***");
      }
      sb.append('@');
    }
    if (host != null) {
      sb.append(host);
    }
    if (port != null) {
      sb.append(':').append(port);
    }
    if (database != null) {
      sb.append('/').append(database);
    }
    return sb.toString();
  }
}
