package org.jalchemy.types.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jalchemy.types.EnumType;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.ValueCodec;

/**
 * The JDBC 4.2 transfer of each type kind, which most drivers implement as the spec says. Dialects
 * replace single codecs where their driver or storage differs (see each dialect's codecs).
 */
public final class StandardCodecs {
  private StandardCodecs() {}

  /** The standard codec for a type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> ValueCodec<T> forType(SqlType<T> type) {
    ValueCodec<?> c =
        switch (type.kind()) {
          case INTEGER -> INTEGER;
          case BIG_INTEGER -> BIG_INTEGER;
          case SMALL_INTEGER -> SMALL_INTEGER;
          case STRING, TEXT, JSON -> STRING;
          case BOOLEAN -> BOOLEAN;
          case NUMERIC -> numeric(type.scale());
          case FLOAT -> FLOAT;
          case DOUBLE -> DOUBLE;
          case DATE -> objectOf(LocalDate.class, Types.DATE);
          case TIME -> objectOf(LocalTime.class, Types.TIME);
          case DATETIME -> objectOf(LocalDateTime.class, Types.TIMESTAMP);
          case DATETIME_TZ -> objectOf(OffsetDateTime.class, Types.TIMESTAMP_WITH_TIMEZONE);
          case LARGE_BINARY -> BYTES;
          case UUID -> objectOf(UUID.class, Types.OTHER);
          case ENUM -> enumByName((EnumType) type);
          case NULL -> OBJECT;
        };
    return (ValueCodec<T>) c;
  }

  /** Converts a value a driver returned into the type's Java class where the two differ. */
  @SuppressWarnings("unchecked")
  public static <T> T coerce(SqlType<T> type, Object value) {
    if (value == null || type.javaType().isInstance(value)) {
      return (T) value;
    }
    Object v = value;
    switch (type.kind()) {
      case INTEGER -> v = ((Number) value).intValue();
      case BIG_INTEGER -> v = ((Number) value).longValue();
      case SMALL_INTEGER -> v = ((Number) value).shortValue();
      case DOUBLE -> v = ((Number) value).doubleValue();
      case FLOAT -> v = ((Number) value).floatValue();
      case NUMERIC -> v = new BigDecimal(value.toString());
      case BOOLEAN -> v = value instanceof Number n ? n.intValue() != 0 : Boolean.parseBoolean(value.toString());
      case STRING, TEXT, JSON -> v = value.toString();
      case UUID -> v = UUID.fromString(value.toString());
      case ENUM -> v = ((EnumType<?>) type).fromName(value.toString());
      case DATETIME_TZ -> {
        if (value instanceof java.sql.Timestamp ts) {
          v = ts.toInstant().atOffset(ZoneOffset.UTC);
        }
      }
      default -> {}
    }
    return (T) v;
  }

  public static final ValueCodec<Integer> INTEGER =
      new ValueCodec<>() {
        @Override
        public void bind(PreparedStatement ps, int i, Integer v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.INTEGER);
          } else {
            ps.setInt(i, v);
          }
        }

        @Override
        public Integer read(ResultSet rs, int i) throws SQLException {
          int v = rs.getInt(i);
          // NULL reads as 0: only then ask wasNull (a native call per value on SQLite's driver).
          return v != 0 || !rs.wasNull() ? v : null;
        }
      };

  public static final ValueCodec<Long> BIG_INTEGER =
      new ValueCodec<>() {
        @Override
        public void bind(PreparedStatement ps, int i, Long v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.BIGINT);
          } else {
            ps.setLong(i, v);
          }
        }

        @Override
        public Long read(ResultSet rs, int i) throws SQLException {
          long v = rs.getLong(i);
          // NULL reads as 0: only then ask wasNull (a native call per value on SQLite's driver).
          return v != 0 || !rs.wasNull() ? v : null;
        }
      };

  public static final ValueCodec<Short> SMALL_INTEGER =
      new ValueCodec<>() {
        @Override
        public void bind(PreparedStatement ps, int i, Short v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.SMALLINT);
          } else {
            ps.setShort(i, v);
          }
        }

        @Override
        public Short read(ResultSet rs, int i) throws SQLException {
          short v = rs.getShort(i);
          // NULL reads as 0: only then ask wasNull (a native call per value on SQLite's driver).
          return v != 0 || !rs.wasNull() ? v : null;
        }
      };

  /**
   * Refuses a string with an unpaired UTF-16 surrogate: it has no UTF-8 form, and drivers would
   * otherwise store a '?' in its place without a word, so the row would not hold what was given.
   */
  public static void requireWellFormed(String v) throws SQLException {
    for (int k = 0; k < v.length(); k++) {
      char c = v.charAt(k);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && k + 1 < v.length() && Character.isLowSurrogate(v.charAt(k + 1))) {
          k++;
          continue;
        }
        throw new java.sql.SQLDataException("the string value has an unpaired UTF-16 surrogate (\\u"
            + Integer.toHexString(c) + ") at index " + k + ", which no database encoding can store; it would be "
            + "replaced by '?'. Fix the value (it is usually cut in the middle of a character such as an emoji)", "22021");
      }
    }
  }

  public static final ValueCodec<String> STRING =
      new ValueCodec<>() {
        @Override
        public void bind(PreparedStatement ps, int i, String v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.VARCHAR);
          } else {
            requireWellFormed(v);
            ps.setString(i, v);
          }
        }

        @Override
        public String read(ResultSet rs, int i) throws SQLException {
          return rs.getString(i);
        }
      };

  public static final ValueCodec<Boolean> BOOLEAN =
      new ValueCodec<>() {
        @Override
        public void bind(PreparedStatement ps, int i, Boolean v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.BOOLEAN);
          } else {
            ps.setBoolean(i, v);
          }
        }

        @Override
        public Boolean read(ResultSet rs, int i) throws SQLException {
          boolean v = rs.getBoolean(i);
          return rs.wasNull() ? null : v;
        }
      };

  public static final ValueCodec<Float> FLOAT =
      new ValueCodec<>() {
        @Override
        public void bind(PreparedStatement ps, int i, Float v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.REAL);
          } else {
            ps.setFloat(i, v);
          }
        }

        @Override
        public Float read(ResultSet rs, int i) throws SQLException {
          float v = rs.getFloat(i);
          return rs.wasNull() ? null : v;
        }
      };

  public static final ValueCodec<Double> DOUBLE =
      new ValueCodec<>() {
        @Override
        public void bind(PreparedStatement ps, int i, Double v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.DOUBLE);
          } else {
            ps.setDouble(i, v);
          }
        }

        @Override
        public Double read(ResultSet rs, int i) throws SQLException {
          double v = rs.getDouble(i);
          return rs.wasNull() ? null : v;
        }
      };

  public static final ValueCodec<byte[]> BYTES =
      new ValueCodec<>() {
        @Override
        public void bind(PreparedStatement ps, int i, byte[] v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.BINARY);
          } else {
            ps.setBytes(i, v);
          }
        }

        @Override
        public byte[] read(ResultSet rs, int i) throws SQLException {
          return rs.getBytes(i);
        }
      };

  /** Lets the driver choose: used for values whose type nobody declared. */
  public static final ValueCodec<Object> OBJECT =
      new ValueCodec<>() {
        @Override
        public void bind(PreparedStatement ps, int i, Object v) throws SQLException {
          if (v == null) {
            ps.setNull(i, Types.NULL);
          } else {
            ps.setObject(i, v);
          }
        }

        @Override
        public Object read(ResultSet rs, int i) throws SQLException {
          return rs.getObject(i);
        }
      };

  /** NUMERIC read back at the declared scale, so 1.10 stays 1.10 on every database. */
  public static ValueCodec<BigDecimal> numeric(Integer scale) {
    return new ValueCodec<>() {
      @Override
      public void bind(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
        if (v == null) {
          ps.setNull(i, Types.NUMERIC);
        } else {
          ps.setBigDecimal(i, v);
        }
      }

      @Override
      public BigDecimal read(ResultSet rs, int i) throws SQLException {
        BigDecimal v = rs.getBigDecimal(i);
        if (v == null) {
          return null;
        }
        if (scale == null) {
          // decimal floating point (H2's DECFLOAT) hands back 100 as 1E+2: same value, plain form
          return v.scale() < 0 ? v.setScale(0) : v;
        }
        return v.setScale(scale, RoundingMode.HALF_EVEN);
      }
    };
  }

  /** setObject/getObject(index, Class), the JDBC 4.2 way for java.time and UUID. */
  public static <T> ValueCodec<T> objectOf(Class<T> cls, int sqlType) {
    return new ValueCodec<>() {
      @Override
      public void bind(PreparedStatement ps, int i, T v) throws SQLException {
        if (v == null) {
          ps.setNull(i, sqlType);
        } else {
          ps.setObject(i, v);
        }
      }

      @Override
      public T read(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, cls);
      }
    };
  }

  /** Enums travel as their constant names. */
  public static <E extends Enum<E>> ValueCodec<E> enumByName(EnumType<E> type) {
    return new ValueCodec<>() {
      @Override
      public void bind(PreparedStatement ps, int i, E v) throws SQLException {
        if (v == null) {
          ps.setNull(i, Types.VARCHAR);
        } else {
          ps.setString(i, v.name());
        }
      }

      @Override
      public E read(ResultSet rs, int i) throws SQLException {
        return type.fromName(rs.getString(i));
      }
    };
  }
}
