package org.jalchemy.engine;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.Dialects;
import org.jalchemy.engine.internal.EchoLog;
import org.jalchemy.engine.internal.ErrorTranslator;
import org.jalchemy.engine.internal.InsertPlans;
import org.jalchemy.engine.internal.PreparedStatementCache;
import org.jalchemy.engine.internal.PreparedStatementCaches;
import org.jalchemy.engine.internal.StatementCache;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.pool.ConnectionPool;
import org.jalchemy.pool.DataSourcePool;
import org.jalchemy.pool.HikariConnectionPool;
import org.jalchemy.pool.PoolOptions;
import org.jalchemy.pool.PoolStatus;
import org.jalchemy.pool.SingletonConnectionPool;

/**
 * The starting point of every database conversation: a dialect, a connection pool and a statement
 * cache. Creating an engine connects to nothing; the first {@link #connect()} does.
 *
 * <pre>{@code
 * Engine engine = createEngine("sqlite+xerial:///:memory:", Engine.Options.echo(true));
 * try (Connection conn = engine.connect()) {
 *   conn.execute(text("select 'hello world'")).scalar();
 * }
 * engine.dispose();
 * }</pre>
 */
public class Engine implements AutoCloseable {
  private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

  private final String description;
  private final ConnectionPool pool;
  private final Options options;
  private final boolean externallyManaged;
  private final StatementCache cache;
  private final InsertPlans insertPlans;
  /** Each pooled connection's open prepared statements; null for a container's DataSource, or when off. */
  private final PreparedStatementCaches statements;
  private final EchoLog log;
  private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Dialect dialect;
  private volatile boolean initialized;

  private Engine(String description, Dialect dialect, ConnectionPool pool, Options options, boolean external) {
    this.description = description;
    this.dialect = dialect;
    this.pool = pool;
    this.options = options;
    this.externallyManaged = external;
    this.cache = new StatementCache(options.cacheSize);
    this.insertPlans = new InsertPlans(options.cacheSize);
    // A container's pool caches statements itself (and owns its connections); without the
    // compiled-statement cache every execute compiles a new statement, so none would be reused.
    this.statements = external || options.preparedStatementCacheSize == 0 || options.cacheSize == 0
        ? null : new PreparedStatementCaches(options.preparedStatementCacheSize);
    this.log = new EchoLog(options.echo, options.hideParameters, options.echoStream);
  }

  /**
   * For CDI client proxies of an application-scoped Engine bean only (a proxy delegates every call
   * to the real engine); never use an engine made this way.
   */
  protected Engine() {
    this.description = null;
    this.pool = null;
    this.options = null;
    this.externallyManaged = false;
    this.cache = null;
    this.insertPlans = null;
    this.statements = null;
    this.log = null;
  }

  /** Creates an engine for a URL; see {@link EngineUrl} for the accepted forms. */
  public static Engine create(String url, Options options) {
    EngineUrl u = EngineUrl.parse(url);
    Dialect d = u.jdbcUrl() != null ? Dialects.forJdbcUrl(u.jdbcUrl()) : Dialects.forName(u.dialect());
    loadDriver(d);
    String jdbcUrl = u.toJdbcUrl();
    Map<String, String> props = new HashMap<>(u.query());
    props.putAll(options.connectArgs);
    if (d.name().equals("sqlite")) {
      // SQLite checks foreign keys only when asked, per connection; the other three always do.
      // "?foreign_keys=false" in the URL or connectArgs turns it off.
      props.putIfAbsent("foreign_keys", "true");
    }
    String user = options.username != null ? options.username : u.username();
    String password = options.password != null ? options.password : u.password();
    ConnectionPool pool;
    if (u.isPrivateMemory()) {
      Properties p = new Properties();
      p.putAll(props);
      pool = new SingletonConnectionPool(jdbcUrl, p, options.pool);
    } else {
      pool = new HikariConnectionPool(
          jdbcUrl, user, password, props, options.pool, "jalchemy-" + POOL_NUMBER.incrementAndGet());
    }
    return new Engine(u.toString(), d, pool, options, false);
  }

  /** An engine over a DataSource someone else pools; the dialect is detected on first connect. */
  public static Engine of(DataSource dataSource) {
    return of(dataSource, (Dialect) null, Options.defaults());
  }

  /** An engine over a DataSource, naming the dialect ({@code "postgresql"}, …). */
  public static Engine of(DataSource dataSource, String dialectName) {
    return of(dataSource, Dialects.forName(dialectName), Options.defaults());
  }

  /** An engine over a DataSource with options (pool options do not apply: the owner pools). */
  public static Engine of(DataSource dataSource, Dialect dialect, Options options) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Engine("DataSource(" + dataSource.getClass().getSimpleName() + ")", dialect,
        new DataSourcePool(dataSource), options, true);
  }

  private static void loadDriver(Dialect d) {
    String cls = d.driverClassName();
    if (cls != null) {
      try {
        Class.forName(cls);
      } catch (ClassNotFoundException e) {
        throw new ArgumentError(
            "the JDBC driver " + cls + " for dialect '" + d.name() + "' is not on the class path; add it as a dependency", e);
      }
    }
  }

  /** Checks out a connection (the first one also detects the server version). */
  public Connection connect() {
    return checkout(false);
  }

  /**
   * For container integrations: a connection that works inside a transaction someone else owns
   * (a JTA transaction, with the container's DataSource enlisting the connection). It never
   * commits, rolls back or changes auto-commit; {@code commit()} and {@code rollback()} refuse,
   * naming the owner; closing only gives the connection back.
   *
   * <pre>{@code
   * Connection conn = engine.connectInExternalTransaction("the JTA transaction");
   * }</pre>
   */
  public Connection connectInExternalTransaction(String owner) {
    Objects.requireNonNull(owner, "owner");
    Connection c = checkout(true);
    c.joinExternalTransaction(owner);
    return c;
  }

  private Connection checkout(boolean external) {
    java.sql.Connection raw;
    boolean restoreAutoCommit = false;
    try {
      raw = pool.checkout();
    } catch (SQLException e) {
      throw ErrorTranslator.translate(e, null, List.of(), options.hideParameters);
    }
    boolean setUp = false;
    try {
      if (!initialized) {
        initialize(raw);
        setUp = true;
      }
      // A container's connection outside a global transaction comes in auto-commit; switching it
      // off gives the same commit-as-you-go transaction as a pool of ours (restored on release).
      if (!external && raw.getAutoCommit()) {
        raw.setAutoCommit(false);
        restoreAutoCommit = externallyManaged;
      }
    } catch (SQLException | RuntimeException e) {
      // Discard and give back: a singleton pool would otherwise stay locked by this thread.
      pool.invalidate(raw);
      try {
        pool.release(raw);
      } catch (SQLException ignored) {
        // the connection is being discarded anyway
      }
      if (e instanceof SQLException se) {
        throw ErrorTranslator.translate(se, null, List.of(), options.hideParameters);
      }
      throw (RuntimeException) e;
    }
    Connection c = new Connection(this, raw, restoreAutoCommit, statementCacheOf(raw));
    c.rawUsed = setUp; // the dialect's set-up queries ran on it, outside any transaction we track
    return c;
  }

  /** The prepared-statement cache of {@code raw}'s physical connection, when this engine keeps them. */
  private PreparedStatementCache statementCacheOf(java.sql.Connection raw) {
    PreparedStatementCaches caches = preparedStatements();
    if (caches == null) {
      return null;
    }
    try {
      return caches.of(raw);
    } catch (SQLException e) {
      return null; // a pool whose connections cannot be unwrapped: statements are prepared each time
    }
  }

  private synchronized void initialize(java.sql.Connection raw) throws SQLException {
    if (initialized) {
      return;
    }
    if (dialect == null) {
      dialect = Dialects.forProductName(raw.getMetaData().getDatabaseProductName());
    }
    dialect.initialize(raw);
    initialized = true;
  }

  /**
   * A connection with a transaction begun: commit it with {@code conn.commit()}; closing it
   * without a commit rolls back (SQLAlchemy's {@code engine.begin()}).
   */
  public Connection begin() {
    return connect();
  }

  /**
   * Runs {@code work} in a transaction that commits when it returns and rolls back when it throws.
   *
   * <pre>{@code
   * int n = engine.transaction(conn -> conn.execute(update(users).set(users.fullname, "x")).rowcount());
   * }</pre>
   */
  public <R> R transaction(java.util.function.Function<Connection, R> work) {
    try (Connection conn = connect()) {
      R result = work.apply(conn);
      conn.commit();
      return result;
    }
  }

  /** The dialect (its server version is known after the first connect). */
  public Dialect dialect() {
    return dialect;
  }

  /** Current pool figures. */
  public PoolStatus poolStatus() {
    return pool.status();
  }

  /** Registers a listener for every execution on this engine's connections. */
  public void addListener(ExecutionListener listener) {
    listeners.add(listener);
  }

  /** Removes a listener. */
  public void removeListener(ExecutionListener listener) {
    listeners.remove(listener);
  }

  /** Closes every pooled connection; the engine stays usable and reconnects on demand. */
  public void dispose() {
    if (statements != null) {
      statements.clear();
    }
    pool.dispose();
  }

  /** Same as {@link #dispose()}, for try-with-resources. */
  @Override
  public void close() {
    dispose();
  }

  /** True when connections come from a DataSource the engine does not own (a container's). */
  public boolean isExternallyManaged() {
    return externallyManaged;
  }

  ConnectionPool pool() {
    return pool;
  }

  StatementCache cache() {
    return cache;
  }

  /** The plans of plain INSERTs, for {@code insertRows} and single-row executes (as many as compiled statements are kept; none when those are not). */
  InsertPlans insertPlans() {
    return insertPlans;
  }

  /** The per-connection prepared statements, or null when this engine keeps none (its driver does, or they are off). */
  PreparedStatementCaches preparedStatements() {
    return statements != null && dialect != null && !dialect.driverCachesStatements() ? statements : null;
  }

  /** The number of distinct statement shapes compiled and cached so far. */
  public int cachedStatementCount() {
    return cache.size();
  }

  EchoLog log() {
    return log;
  }

  List<ExecutionListener> listeners() {
    return listeners;
  }

  Options options() {
    return options;
  }

  @Override
  public String toString() {
    return "Engine(" + description + ")";
  }

  /**
   * Engine settings, built fluently from {@link #defaults()} or {@link #echo(boolean)}:
   *
   * <pre>{@code
   * Engine.Options.echo(true).poolSize(10).poolTimeout(Duration.ofSeconds(5)).prePing(true)
   * }</pre>
   */
  public static final class Options {
    private boolean echo;
    private boolean hideParameters;
    private PoolOptions pool = PoolOptions.DEFAULT;
    private int cacheSize = 500;
    private int preparedStatementCacheSize = 64;
    private String username;
    private String password;
    private Map<String, String> connectArgs = Map.of();
    private PrintStream echoStream = System.out;

    private Options() {}

    private Options copy() {
      Options o = new Options();
      o.echo = echo;
      o.hideParameters = hideParameters;
      o.pool = pool;
      o.cacheSize = cacheSize;
      o.preparedStatementCacheSize = preparedStatementCacheSize;
      o.username = username;
      o.password = password;
      o.connectArgs = connectArgs;
      o.echoStream = echoStream;
      return o;
    }

    /** Default settings: no echo, a pool of 5, 30 s timeout. */
    public static Options defaults() {
      return new Options();
    }

    /** Default settings with echo on or off. */
    public static Options echo(boolean on) {
      return defaults().withEcho(on);
    }

    /** Prints every statement and its parameters when on. */
    public Options withEcho(boolean on) {
      Options o = copy();
      o.echo = on;
      return o;
    }

    /** Where echo prints (System.out by default). */
    public Options echoTo(PrintStream stream) {
      Options o = copy();
      o.echoStream = stream;
      return o;
    }

    /** Keeps parameter values out of logs and error messages. */
    public Options hideParameters(boolean hide) {
      Options o = copy();
      o.hideParameters = hide;
      return o;
    }

    /** The maximum number of pooled connections. */
    public Options poolSize(int size) {
      if (size < 1) {
        throw new ArgumentError("poolSize must be at least 1, got " + size);
      }
      Options o = copy();
      o.pool = new PoolOptions(size, pool.timeout(), pool.prePing(), pool.recycle(), pool.leakDetection());
      return o;
    }

    /** How long a checkout waits for a free connection (HikariCP's floor is 250 ms). */
    public Options poolTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative()) {
        throw new ArgumentError("poolTimeout must be zero or positive, got " + timeout);
      }
      Options o = copy();
      o.pool = new PoolOptions(pool.size(), timeout, pool.prePing(), pool.recycle(), pool.leakDetection());
      return o;
    }

    /** Tests each connection on checkout and replaces dead ones. */
    public Options prePing(boolean on) {
      Options o = copy();
      o.pool = new PoolOptions(pool.size(), pool.timeout(), on, pool.recycle(), pool.leakDetection());
      return o;
    }

    /** Replaces connections older than this. */
    public Options poolRecycle(Duration maxAge) {
      Options o = copy();
      o.pool = new PoolOptions(pool.size(), pool.timeout(), pool.prePing(), maxAge, pool.leakDetection());
      return o;
    }

    /** Reports (with the taking stack) connections held longer than this. */
    public Options leakDetection(Duration threshold) {
      Options o = copy();
      o.pool = new PoolOptions(pool.size(), pool.timeout(), pool.prePing(), pool.recycle(), threshold);
      return o;
    }

    /** How many compiled statement shapes to keep; 0 disables the cache. */
    public Options cacheSize(int size) {
      if (size < 0) {
        throw new ArgumentError("cacheSize must be 0 (no cache) or more, got " + size);
      }
      Options o = copy();
      o.cacheSize = size;
      return o;
    }

    /**
     * How many prepared statements each pooled connection keeps open for reuse, on drivers that
     * parse every {@code prepareStatement} anew (SQLite, embedded H2; default 64); 0 prepares
     * each execution afresh. Engines over a container's DataSource leave this to its pool.
     *
     * <pre>{@code
     * createEngine("sqlite+xerial:///app.db", Engine.Options.defaults().preparedStatementCacheSize(128))
     * }</pre>
     */
    public Options preparedStatementCacheSize(int size) {
      if (size < 0) {
        throw new ArgumentError("preparedStatementCacheSize must be 0 (prepare every time) or more, got " + size);
      }
      Options o = copy();
      o.preparedStatementCacheSize = size;
      return o;
    }

    /** Credentials that override the URL's. */
    public Options credentials(String user, String pass) {
      Options o = copy();
      o.username = user;
      o.password = pass;
      return o;
    }

    /** Driver properties, added to the URL's query parameters. */
    public Options connectArgs(Map<String, String> args) {
      Options o = copy();
      o.connectArgs = Map.copyOf(args);
      return o;
    }

    /** Whether echo is on. */
    public boolean echoEnabled() {
      return echo;
    }

    /** Whether parameter values are kept out of logs and messages. */
    public boolean parametersHidden() {
      return hideParameters;
    }

    /** The pool settings (ignored by engines over a DataSource). */
    public PoolOptions poolOptions() {
      return pool;
    }
  }
}
