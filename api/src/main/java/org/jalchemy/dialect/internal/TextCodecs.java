package org.jalchemy.dialect.internal;

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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.UUID;
import java.util.function.Function;
import org.jalchemy.types.ValueCodec;

/**
 * Codecs that store values as text, for databases without a native type (SQLite's dates, UUIDs
 * everywhere but PostgreSQL and H2). Dates use ISO-8601 so that text order is time order.
 */
public final class TextCodecs {
  private TextCodecs() {}

  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();

  /** {@code 2024-05-01 12:30:00.123456}: the form SQLite's own date functions produce and accept. */
  private static final DateTimeFormatter DATETIME =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart().appendLiteral(' ').optionalEnd()
          .optionalStart().appendLiteral('T').optionalEnd()
          .append(TIME)
          .toFormatter();

  private static final DateTimeFormatter DATETIME_TZ =
      new DateTimeFormatterBuilder().append(DATETIME).appendOffset("+HH:MM", "+00:00").toFormatter();

  /** A codec storing {@code T} as the text {@code format} makes and reading it back with {@code parse}. */
  public static <T> ValueCodec<T> of(Function<T, String> format, Function<String, T> parse) {
    return new ValueCodec<>() {
      @Override
      public void bind(PreparedStatement ps, int i, T v) throws SQLException {
        if (v == null) {
          ps.setNull(i, Types.VARCHAR);
        } else {
          ps.setString(i, format.apply(v));
        }
      }

      @Override
      public T read(ResultSet rs, int i) throws SQLException {
        String s = rs.getString(i);
        return s == null ? null : parse.apply(s);
      }
    };
  }

  public static final ValueCodec<LocalDate> DATE = of(LocalDate::toString, LocalDate::parse);
  public static final ValueCodec<LocalTime> TIME_OF_DAY = of(t -> TIME.format(t), s -> LocalTime.parse(s, TIME));
  public static final ValueCodec<LocalDateTime> LOCAL_DATETIME =
      of(t -> DATETIME.format(t).replace(" T", " "), s -> LocalDateTime.parse(s, DATETIME));
  public static final ValueCodec<OffsetDateTime> OFFSET_DATETIME =
      of(t -> DATETIME_TZ.format(t).replace(" T", " "), s -> OffsetDateTime.parse(s, DATETIME_TZ));
  public static final ValueCodec<UUID> UUID_TEXT = of(UUID::toString, UUID::fromString);

  /** Decimal as text in, read back through its string form at the declared scale. */
  public static ValueCodec<BigDecimal> decimal(Integer scale) {
    return of(
        BigDecimal::toPlainString,
        s -> {
          BigDecimal v = new BigDecimal(s);
          return scale == null ? v : v.setScale(scale, RoundingMode.HALF_EVEN);
        });
  }
}
