package org.jalchemy.dialect.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jalchemy.dialect.DdlCompiler;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.IdentifierPreparer;
import org.jalchemy.dialect.ReservedWords;
import org.jalchemy.dialect.internal.ConsecutiveAutoincrement;
import org.jalchemy.dialect.internal.MariaDbServerStatements;
import org.jalchemy.dialect.internal.TextCodecs;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.compiler.StatementKind;
import org.jalchemy.types.EnumType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.ValueCodec;

/**
 * MySQL and MariaDB through MariaDB Connector/J. Choices where the database has no exact type:
 * a String without length is VARCHAR(255); a Numeric without precision is DECIMAL(38, 10); a Float
 * is DOUBLE (FLOAT's 6-digit text transfer would lose precision); a
 * timestamp with time zone is stored in UTC as DATETIME(6) and read back at offset UTC; UUIDs are
 * CHAR(36). RETURNING exists on MariaDB 10.5+ for INSERT and DELETE only.
 */
public class MySQLDialect extends Dialect {
  private static final IdentifierPreparer IDENTIFIERS =
      new IdentifierPreparer(
          '`',
          ReservedWords.plus(
              "accessible", "add", "analyze", "before", "bigint", "binary", "blob", "call", "cascade", "change",
              "char", "character", "condition", "continue", "convert", "cume_dist", "database", "databases",
              "dec", "decimal", "declare", "delayed", "dense_rank", "describe", "div", "double", "each",
              "enclosed", "escaped", "exit", "explain", "first_value", "float", "force", "fulltext",
              "generated", "groups", "high_priority", "if", "ignore", "infile", "int", "integer", "interval",
              "iterate", "keys", "kill", "lag", "last_value", "lead", "leave", "lines", "load", "lock", "long",
              "loop", "match", "mod", "modifies", "nth_value", "ntile", "numeric", "optimize", "option",
              "outfile", "over", "partition", "percent_rank", "precision", "procedure", "purge", "range",
              "rank", "read", "real", "recursive", "regexp", "release", "rename", "repeat", "replace",
              "require", "restrict", "return", "returning", "revoke", "rlike", "row_number", "schema",
              "schemas", "separator", "show", "signal", "smallint", "spatial", "sql", "ssl", "starting",
              "stored", "straight_join", "system", "terminated", "tinyint", "trigger", "undo", "unlock",
              "unsigned", "usage", "use", "varchar", "varying", "virtual", "while", "write", "xor",
              "year_month", "zerofill"));

  /**
   * Instants are stored as UTC wall-clock time, since DATETIME has no zone. Values travel as
   * java.time objects both ways: Connector/J's getString on a DATETIME goes through the JVM's zone
   * and moves a wall-clock time in that zone's DST gap (02:30 on a spring-forward night reads as
   * 03:30), while getObject(LocalDateTime) returns what is stored.
   */
  private static final ValueCodec<OffsetDateTime> UTC_DATETIME =
      new ValueCodec<>() {
        @Override
        public void bind(PreparedStatement ps, int i, OffsetDateTime v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.TIMESTAMP);
          } else {
            ps.setObject(i, v.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
          }
        }

        @Override
        public OffsetDateTime read(ResultSet rs, int i) throws SQLException {
          LocalDateTime t = rs.getObject(i, LocalDateTime.class);
          return t == null ? null : t.atOffset(ZoneOffset.UTC);
        }
      };

  private volatile boolean mariadb = true;
  private final ConsecutiveAutoincrement consecutiveKeys = new ConsecutiveAutoincrement();

  @Override
  public String name() {
    return "mysql";
  }

  @Override
  public IdentifierPreparer identifiers() {
    return IDENTIFIERS;
  }

  @Override
  public SqlCompiler newCompiler() {
    return new MySQLCompiler(this);
  }

  @Override
  public DdlCompiler newDdlCompiler() {
    return new MySQLDdlCompiler(this);
  }

  @Override
  public void initialize(Connection connection) throws SQLException {
    super.initialize(connection);
    mariadb = connection.getMetaData().getDatabaseProductVersion().toLowerCase().contains("mariadb")
        || connection.getMetaData().getDatabaseProductName().toLowerCase().contains("mariadb");
    consecutiveKeys.initialize(connection);
    try (java.sql.Statement st = connection.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT @@max_allowed_packet")) {
      // Three quarters for the values: the rest is the statement's text and the protocol's framing.
      maxPageBytes = rs.next() ? rs.getLong(1) / 4 * 3 : 0;
    }
  }

  /** Three quarters of the server's max_allowed_packet, read once at the first connect. */
  private volatile long maxPageBytes;

  /**
   * A page of large rows is cut short of {@code max_allowed_packet}: the server refuses a larger
   * statement and drops the connection. Read once per engine (a global lowered later applies to engines made after it).
   */
  @Override
  public long insertManyValuesMaxBytes() {
    return maxPageBytes;
  }

  /** True when the server is MariaDB rather than MySQL. */
  public boolean isMariaDb() {
    return mariadb;
  }

  @Override
  public String typeName(SqlType<?> type) {
    return switch (type.kind()) {
      case INTEGER -> "INTEGER";
      case BIG_INTEGER -> "BIGINT";
      case SMALL_INTEGER -> "SMALLINT";
      case STRING -> "VARCHAR(" + (type.length() == null ? 255 : type.length()) + ")";
      case ENUM -> enumType((EnumType<?>) type);
      case TEXT -> "LONGTEXT";
      case BOOLEAN -> "BOOL";
      case NUMERIC -> type.precision() == null ? "DECIMAL(38, 10)" : "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
      // MySQL/MariaDB send FLOAT columns as 6-digit text over the text protocol, which loses bits of
      // a Java float; a DOUBLE holds every float exactly and its text form round-trips.
      case FLOAT, DOUBLE -> "DOUBLE";
      case DATE -> "DATE";
      case TIME -> "TIME(6)";
      case DATETIME, DATETIME_TZ -> "DATETIME(6)";
      case LARGE_BINARY -> type.length() == null ? "LONGBLOB" : "VARBINARY(" + type.length() + ")";
      case UUID -> "CHAR(36)";
      case JSON -> "JSON";
      case NULL -> "NULL";
    };
  }

  private String enumType(EnumType<?> type) {
    StringBuilder sb = new StringBuilder("ENUM(");
    for (int i = 0; i < type.names().size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(stringLiteral(type.names().get(i)));
    }
    return sb.append(')').toString();
  }

  @Override
  public String castTypeName(SqlType<?> type) {
    return switch (type.kind()) {
      case INTEGER, BIG_INTEGER, SMALL_INTEGER, BOOLEAN -> "SIGNED";
      case STRING, TEXT, ENUM, UUID, JSON -> "CHAR";
      case FLOAT, DOUBLE -> "DOUBLE";
      case DATETIME, DATETIME_TZ -> "DATETIME(6)";
      case LARGE_BINARY -> "BINARY";
      default -> typeName(type);
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ValueCodec<T> codec(SqlType<T> type) {
    return switch (type.kind()) {
      case DATETIME_TZ -> (ValueCodec<T>) UTC_DATETIME;
      case UUID -> (ValueCodec<T>) TextCodecs.UUID_TEXT;
      default -> super.codec(type);
    };
  }

  @Override
  public String stringLiteral(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  /** Mariadb connector/j returns the auto-increment value of every batched row. */
  @Override
  public boolean batchReturnsGeneratedKeys() {
    return true;
  }

  /**
   * MariaDB: executemany INSERTs that want their keys go 1,000 rows per INSERT … RETURNING (the
   * driver's batch then falls back to a round trip per row); MySQL has no RETURNING and keeps the batch.
   */
  @Override
  public int insertManyValuesRows(int parametersPerRow) {
    return mariadb ? rowsWithin(65535, parametersPerRow) : 0;
  }

  /**
   * MariaDB: an executemany without keys goes as pipelined 1,000-row pages too, which the server
   * takes in about 0.8 of the time of Connector/J's batch of single-row INSERTs (bench/README.md).
   */
  @Override
  public boolean insertManyValuesWithoutReturning() {
    return mariadb;
  }

  /** MariaDB: a page run again and again is parsed once by the server (see MariaDbServerStatements). */
  @Override
  public PreparedStatement prepareRepeated(Connection connection, String sql, boolean generatedKeys) throws SQLException {
    PreparedStatement onServer = mariadb ? MariaDbServerStatements.prepare(connection, sql, generatedKeys) : null;
    return onServer != null ? onServer : super.prepareRepeated(connection, sql, generatedKeys);
  }

  /**
   * The keys of a multi-row INSERT follow from its first where the server hands them out
   * consecutively: InnoDB with {@code innodb_autoinc_lock_mode} 0 or 1 (MariaDB's default is 1),
   * MyISAM, Aria; a real AUTO_INCREMENT column; not partitioned. Saves the server the RETURNING
   * of every row (about 5% of a 100,000-row insert).
   */
  @Override
  public long consecutiveKeyStep(Connection connection, Table table, Column<?> key) {
    return consecutiveKeys.step(connection, table, key);
  }

  @Override
  public void tableChanged(Table table) {
    consecutiveKeys.forget(table);
  }

  @Override
  public boolean supportsReturning(StatementKind kind) {
    return mariadb && (kind == StatementKind.INSERT || kind == StatementKind.DELETE);
  }

  @Override
  public String defaultValuesClause() {
    return " () VALUES ()";
  }

  @Override
  public String driverClassName() {
    return "org.mariadb.jdbc.Driver";
  }

  @Override
  public boolean hasTable(Connection connection, Table table) throws SQLException {
    String sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, table.schema());
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
