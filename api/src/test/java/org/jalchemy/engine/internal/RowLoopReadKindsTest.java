package org.jalchemy.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jalchemy.dialect.Dialect;
import org.jalchemy.dialect.h2.H2Dialect;
import org.jalchemy.dialect.mysql.MySQLDialect;
import org.jalchemy.dialect.postgresql.PostgreSQLDialect;
import org.jalchemy.dialect.sqlite.SQLiteDialect;
import org.jalchemy.types.SqlType;
import org.jalchemy.types.Types;
import org.jalchemy.types.ValueCodec;
import org.jalchemy.types.internal.StandardCodecs;
import org.junit.jupiter.api.Test;

/**
 * The row loop reads string and integer columns with the driver's getter itself on every dialect,
 * and only other columns through their codec: a codec call per value is what made PostgreSQL's
 * streamed Core rows 1.07–1.22× raw JDBC streaming while its text codec was not recognised
 * (bench/README.md, ninth session).
 */
class RowLoopReadKindsTest {
  private static final List<Dialect> DIALECTS =
      List.of(new PostgreSQLDialect(), new MySQLDialect(), new SQLiteDialect(), new H2Dialect());

  private static byte kindOf(ValueCodec<?> codec) {
    return RowReaders.readKinds(new ValueCodec<?>[] {codec})[0];
  }

  private static byte kindOf(Dialect dialect, SqlType<?> type) {
    return kindOf(dialect.codec(type));
  }

  @Test
  void stringAndTextColumnsAreReadAsTheStandardStringOnEveryDialect() {
    byte string = kindOf(StandardCodecs.STRING);
    for (Dialect d : DIALECTS) {
      assertThat(kindOf(d, Types.STRING)).as(d.name() + " STRING").isEqualTo(string);
      assertThat(kindOf(d, Types.string(255))).as(d.name() + " VARCHAR(255)").isEqualTo(string);
      assertThat(kindOf(d, Types.TEXT)).as(d.name() + " TEXT").isEqualTo(string);
    }
  }

  @Test
  void integerColumnsAreReadAsTheStandardIntegerOnEveryDialect() {
    byte integer = kindOf(StandardCodecs.INTEGER);
    for (Dialect d : DIALECTS) {
      assertThat(kindOf(d, Types.INTEGER)).as(d.name()).isEqualTo(integer);
    }
  }

  @Test
  void aCodecOfItsOwnIsCalled() {
    byte other = kindOf(new PostgreSQLDialect().codec(Types.JSON));
    assertThat(other).isNotEqualTo(kindOf(StandardCodecs.STRING)).isNotEqualTo(kindOf(StandardCodecs.INTEGER));
    assertThat(kindOf(StandardCodecs.SMALL_INTEGER)).isEqualTo(other);
  }
}
