package org.jalchemy.orm.model;

import jakarta.annotation.Nonnull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Supplier;
import org.jalchemy.orm.ColumnType;
import org.jalchemy.orm.MappedColumn;
import org.jalchemy.orm.Tablename;

/** One field of every supported Java type, and the column options. */
@Tablename("orm_sample")
public class Sample extends Audited {
  /** Count of Sample objects ever made: static, so not a column. */
  static int made;

  @MappedColumn(primaryKey = true)
  private Long id;

  private int count;
  private long total;
  private Short small;
  private boolean active;
  private Boolean flag;
  @MappedColumn(precision = 10, scale = 2)
  private BigDecimal price;
  private Double ratio;
  private Float weight;
  private LocalDate day;
  private LocalTime clock;
  private LocalDateTime localStamp;
  private OffsetDateTime zonedStamp;
  @MappedColumn(defaultFactory = RandomUuid.class)
  private UUID token;
  private byte[] payload;
  @MappedColumn(defaultValue = "NEW", nullable = false)
  private Status status;
  @MappedColumn(type = ColumnType.TEXT)
  private String body;
  @MappedColumn(name = "label_text", serverDefault = "'none'")
  @Nonnull
  private String label;
  @MappedColumn(version = true)
  private int version;
  private String httpURLValue;

  protected Sample() {
    made++;
  }

  /** A Java-side default computed per INSERT. */
  public static final class RandomUuid implements Supplier<UUID> {
    @Override
    public UUID get() {
      return UUID.randomUUID();
    }
  }
}
