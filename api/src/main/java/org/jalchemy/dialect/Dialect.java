package org.jalchemy.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.ClauseElement;
import org.jalchemy.sql.compiler.CacheKey;
import org.jalchemy.sql.compiler.CompiledStatement;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.compiler.StatementKind;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.ValueCodec;

/**
 * What jalchemy knows about one kind of database: how to write SQL for it (a compiler subclass),
 * how to name its types, how its driver moves values, and what it supports. One instance per
 * engine; {@link #initialize} adapts it to the server version found on first connect.
 *
 * <pre>{@code
 * Dialect d = engine.dialect();
 * d.name();                       // "postgresql"
 * d.compile(select(users.name)); // the SQL this database gets
 * }</pre>
 */
public abstract class Dialect {
  private volatile int[] serverVersion;

  /** The dialect name used in URLs: {@code sqlite}, {@code h2}, {@code postgresql}, {@code mysql}. */
  public abstract String name();

  /** The identifier quoting rules. */
  public abstract IdentifierPreparer identifiers();

  /** A fresh compiler for one statement. */
  public SqlCompiler newCompiler() {
    return new SqlCompiler(this);
  }

  /** Compiles a statement for this dialect, without the engine's cache (for tests and inspection). */
  public CompiledStatement compile(ClauseElement statement) {
    return newCompiler().compile(statement, CacheKey.of(statement));
  }

  /** A fresh DDL compiler. */
  public DdlCompiler newDdlCompiler() {
    return new DdlCompiler(this);
  }

  /** The DDL type name for {@code type} in a column definition. */
  public abstract String typeName(SqlType<?> type);

  /** The type name used in {@code CAST(x AS …)}; the DDL name unless the database differs. */
  public String castTypeName(SqlType<?> type) {
    return typeName(type);
  }

  /** The codec moving values of {@code type} through this database's driver. */
  public <T> ValueCodec<T> codec(SqlType<T> type) {
    return type.defaultCodec();
  }

  /** The parameter marker for a value of {@code type}; {@code ?} except where the SQL must say more. */
  public String bindMarker(SqlType<?> type) {
    return "?";
  }

  /** A SQL string literal (used only for LIKE escape characters and DDL). */
  public String stringLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** Whether RETURNING works for the statement kind on this server. */
  public abstract boolean supportsReturning(StatementKind kind);

  /**
   * Whether the JDBC driver returns the generated key of every row of an executemany INSERT
   * (getGeneratedKeys after executeBatch, in row order), so the ORM can batch rows whose keys the
   * database generates.
   */
  public boolean batchReturnsGeneratedKeys() {
    return false;
  }

  /**
   * The most rows an executemany INSERT sends per statement as one multi-row VALUES
   * ("insertmanyvalues"), given the parameters of one row; 0 where the JDBC batch is used as is.
   * Used for executemany that wants generated keys (read through RETURNING) and, where
   * {@link #insertManyValuesWithoutReturning} says so, for every executemany INSERT.
   */
  public int insertManyValuesRows(int parametersPerRow) {
    return 0;
  }

  /** 1,000 rows per statement, fewer when that would pass the server's limit on parameters per statement. */
  protected static int rowsWithin(int maxParameters, int parametersPerRow) {
    return Math.max(1, Math.min(1000, maxParameters / Math.max(1, parametersPerRow)));
  }

  /** A multi-row INSERT made to return the generated key of every row: {@code INSERT … RETURNING key}. */
  public String insertReturningKey(String insertSql, String quotedKeyColumn) {
    return insertSql + " RETURNING " + quotedKeyColumn;
  }

  /**
   * The most bytes of values one insertmanyvalues page may carry, 0 for no cap: a page of large
   * rows is cut short before the server would refuse the statement (MariaDB's max_allowed_packet).
   */
  public long insertManyValuesMaxBytes() {
    return 0;
  }

  /**
   * Whether the JDBC driver keeps parsed statements between {@code prepareStatement} calls itself
   * (pgjdbc and MariaDB Connector/J do); where it does not, the engine keeps each connection's
   * prepared statements open for reuse ({@code Engine.Options.preparedStatementCacheSize}).
   */
  public boolean driverCachesStatements() {
    return true;
  }

  /**
   * Whether a prepared statement holds on to the rows of its last query after its result set is
   * closed (embedded H2 keeps them to answer the same query again), so that one kept open for
   * reuse must not be one that read many rows.
   */
  public boolean statementsHoldLastResult() {
    return false;
  }

  /** Whether an executemany INSERT that needs no keys also goes as multi-row VALUES (faster than the driver's batch). */
  public boolean insertManyValuesWithoutReturning() {
    return false;
  }

  /**
   * Prepares a statement that will run several times with other values (the full pages of an
   * insertmanyvalues batch). The JDBC default here; a dialect may ask its driver to have the
   * server parse it once.
   */
  public java.sql.PreparedStatement prepareRepeated(java.sql.Connection connection, String sql, boolean generatedKeys)
      throws java.sql.SQLException {
    return generatedKeys ? connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS) : connection.prepareStatement(sql);
  }

  /**
   * The step between the autoincrement keys one multi-row INSERT into {@code table} is given,
   * where they are consecutive in VALUES order and the statement reports the first as its
   * generated key; 0 where that is not known (the default). Then insertmanyvalues reads one key
   * per page instead of a {@code RETURNING} of every key: MariaDB/MySQL with
   * {@code innodb_autoinc_lock_mode} 0 or 1 (see {@code ConsecutiveAutoincrement}).
   *
   * <pre>{@code
   * long step = dialect.consecutiveKeyStep(jdbc, table, table.c("id")); // 1 on a default MariaDB
   * }</pre>
   */
  public long consecutiveKeyStep(java.sql.Connection connection, Table table, org.jalchemy.schema.Column<?> key) {
    return 0;
  }

  /**
   * Told after {@code createAll}/{@code dropAll} created or dropped {@code table}: forget what was
   * learnt of it from the database (its storage engine, its key column).
   */
  public void tableChanged(Table table) {}

  /** Whether one INSERT with several VALUES rows can return generated keys for all of them. */
  public boolean supportsMultiRowInsertReturning() {
    return supportsReturning(StatementKind.INSERT);
  }

  /**
   * A SQL keyword replacing a function call, for functions the database spells differently
   * ({@code now()} → {@code CURRENT_TIMESTAMP}); null to render {@code name(args)}.
   */
  public String functionKeyword(String name, int argumentCount) {
    return null;
  }

  /** The database's name for a generic function. */
  public String functionName(String name) {
    return name;
  }

  /** What a SELECT without FROM needs (empty, or {@code FROM DUAL}). */
  public String emptyFromClause() {
    return "";
  }

  /** How INSERT of a row with only default values is written. */
  public String defaultValuesClause() {
    return " DEFAULT VALUES";
  }

  /** The JDBC driver class to load for URLs of this dialect, or null when the driver registers itself. */
  public String driverClassName() {
    return null;
  }

  /** Called once with the first connection: records the server version. */
  public void initialize(Connection connection) throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    serverVersion = new int[] {md.getDatabaseMajorVersion(), md.getDatabaseMinorVersion()};
  }

  /** The server's {major, minor} version, or null before the first connect. */
  public int[] serverVersion() {
    return serverVersion;
  }

  /** Whether a table exists, as create/drop with checkFirst needs to know. */
  public abstract boolean hasTable(Connection connection, Table table) throws SQLException;

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
