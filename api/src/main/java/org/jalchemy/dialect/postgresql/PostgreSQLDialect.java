package org.jalchemy.dialect.postgresql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.IdentifierPreparer;
import org.jalchemy.dialect.ReservedWords;
import org.jalchemy.schema.Table;
import org.jalchemy.sql.compiler.SqlCompiler;
import org.jalchemy.sql.compiler.StatementKind;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.TypeKind;
import org.jalchemy.types.ValueCodec;
import org.jalchemy.types.internal.ReadsAsStandard;
import org.jalchemy.types.internal.StandardCodecs;

/** PostgreSQL through pgjdbc: native UUID, JSON, ILIKE, RETURNING and identity columns. */
public class PostgreSQLDialect extends Dialect {
  private static final IdentifierPreparer IDENTIFIERS =
      new IdentifierPreparer(
          '"',
          ReservedWords.plus(
              "analyse", "analyze", "array", "asymmetric", "authorization", "binary", "concurrently",
              "current_catalog", "current_role", "current_schema", "deferrable", "do", "freeze", "ilike",
              "initially", "isnull", "lateral", "localtime", "localtimestamp", "notnull", "only", "overlaps",
              "placing", "returning", "session_user", "similar", "symmetric", "tablesample", "variadic",
              "verbose"));

  /**
   * PostgreSQL text cannot hold U+0000. The server's own error ("invalid byte sequence for encoding
   * UTF8: 0x00") does not say which value or what to do, so strings are checked before binding.
   */
  static void requireNoNul(String v, int index) throws SQLException {
    if (v.indexOf('\0') >= 0) {
      throw new SQLException(
          "parameter " + index + " contains a NUL character (U+0000) at position " + v.indexOf('\0')
              + ", which PostgreSQL cannot store in text; remove it, or store the data as bytes in a"
              + " LargeBinary (BYTEA) column",
          "22021");
    }
  }

  private static final ValueCodec<String> TEXT_CODEC = new TextCodec();

  /**
   * Text bound with NUL characters refused (PostgreSQL stores none), read as the standard string
   * codec reads it, so that the row loop reads it so too ({@link ReadsAsStandard}): before, every
   * string column of a PostgreSQL result was a call into this codec per value, and Core rows
   * streamed with yieldPer took 1.07–1.22× raw JDBC streaming, 0.99–1.01× since (2026-12-07).
   */
  private static final class TextCodec implements ValueCodec<String>, ReadsAsStandard {
    @Override
    public void bind(PreparedStatement ps, int i, String v) throws SQLException {
      if (v == null) {
        ps.setNull(i, Types.VARCHAR);
      } else {
        requireNoNul(v, i);
        StandardCodecs.requireWellFormed(v);
        ps.setString(i, v);
      }
    }

    @Override
    public String read(ResultSet rs, int i) throws SQLException {
      return rs.getString(i);
    }

    @Override
    public ValueCodec<?> standardRead() {
      return StandardCodecs.STRING;
    }
  }

  private static final ValueCodec<String> JSON_CODEC =
      new ValueCodec<>() {
        @Override
        public void bind(java.sql.PreparedStatement ps, int i, String v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.OTHER);
          } else {
            requireNoNul(v, i);
            ps.setObject(i, v, Types.OTHER);
          }
        }

        @Override
        public String read(ResultSet rs, int i) throws SQLException {
          return rs.getString(i);
        }
      };

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public IdentifierPreparer identifiers() {
    return IDENTIFIERS;
  }

  @Override
  public SqlCompiler newCompiler() {
    return new PostgreSQLCompiler(this);
  }

  @Override
  public String typeName(SqlType<?> type) {
    return switch (type.kind()) {
      case INTEGER -> "INTEGER";
      case BIG_INTEGER -> "BIGINT";
      case SMALL_INTEGER -> "SMALLINT";
      case STRING, ENUM -> type.length() == null ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
      case TEXT -> "TEXT";
      case BOOLEAN -> "BOOLEAN";
      case NUMERIC -> type.precision() == null ? "NUMERIC" : "NUMERIC(" + type.precision() + ", " + type.scale() + ")";
      case FLOAT -> "REAL";
      case DOUBLE -> "DOUBLE PRECISION";
      case DATE -> "DATE";
      case TIME -> "TIME WITHOUT TIME ZONE";
      case DATETIME -> "TIMESTAMP WITHOUT TIME ZONE";
      case DATETIME_TZ -> "TIMESTAMP WITH TIME ZONE";
      case LARGE_BINARY -> "BYTEA";
      case UUID -> "UUID";
      case JSON -> "JSON";
      case NULL -> "NULL";
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ValueCodec<T> codec(SqlType<T> type) {
    if (type.kind() == TypeKind.JSON) {
      return (ValueCodec<T>) JSON_CODEC;
    }
    if (type.kind() == TypeKind.STRING || type.kind() == TypeKind.TEXT) {
      return (ValueCodec<T>) TEXT_CODEC;
    }
    return super.codec(type);
  }

  /** Pgjdbc appends returning to each statement of the batch and returns the rows in order. */
  @Override
  public boolean batchReturnsGeneratedKeys() {
    return true;
  }

  /**
   * 1,000 rows per INSERT, fewer when that would pass the protocol's 32,767 parameters: a batch of
   * single-row INSERTs costs pgjdbc a parse/bind/execute per row, a multi-row one a few per page.
   */
  @Override
  public int insertManyValuesRows(int parametersPerRow) {
    return rowsWithin(32767, parametersPerRow);
  }

  @Override
  public boolean insertManyValuesWithoutReturning() {
    return true;
  }

  @Override
  public boolean supportsReturning(StatementKind kind) {
    return true;
  }

  @Override
  public boolean hasTable(Connection connection, Table table) throws SQLException {
    String sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = COALESCE(?, current_schema()) AND table_name = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, table.schema());
      ps.setString(2, table.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
