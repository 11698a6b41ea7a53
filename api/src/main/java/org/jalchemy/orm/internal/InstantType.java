package org.jalchemy.orm.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.TypeKind;
import org.jalchemy.types.Types;
import org.jalchemy.types.ValueCodec;

/**
 * {@link Instant} values, stored as a timestamp with time zone ({@link Types#DATETIME_TZ}) at
 * offset UTC and read back as the same instant. Core has no Instant type; the ORM maps Instant
 * fields with this one, converting around the dialect's codec for DATETIME_TZ.
 */
public final class InstantType extends SqlType<Instant> {
  /** The one instance. */
  public static final InstantType INSTANCE = new InstantType();

  private InstantType() {
    super(TypeKind.DATETIME_TZ, Instant.class, null, null, null);
  }

  @Override
  public ValueCodec<Instant> codec(Dialect dialect) {
    return wrap(dialect.codec(Types.DATETIME_TZ));
  }

  @Override
  public ValueCodec<Instant> defaultCodec() {
    return wrap(Types.DATETIME_TZ.defaultCodec());
  }

  @Override
  public Instant coerce(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    OffsetDateTime o = Types.DATETIME_TZ.coerce(value);
    return o == null ? null : o.toInstant();
  }

  private static ValueCodec<Instant> wrap(ValueCodec<OffsetDateTime> inner) {
    return new ValueCodec<>() {
      @Override
      public void bind(PreparedStatement statement, int index, Instant value) throws SQLException {
        inner.bind(statement, index, value == null ? null : value.atOffset(ZoneOffset.UTC));
      }

      @Override
      public Instant read(ResultSet resultSet, int index) throws SQLException {
        OffsetDateTime o = inner.read(resultSet, index);
        return o == null ? null : o.toInstant();
      }
    };
  }
}
