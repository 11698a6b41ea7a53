package org.jalchemy.types;

import java.util.Arrays;
import java.util.List;

/**
 * A Java enum stored by name. Dialects with a native ENUM (MySQL/MariaDB) use it; others store a
 * VARCHAR as long as the longest name, guarded by a CHECK constraint listing the names.
 *
 * <pre>{@code
 * Column<Status> status = orders.column("status", Types.enumOf(Status.class));
 * }</pre>
 *
 * @param <E> the enum class
 */
public final class EnumType<E extends Enum<E>> extends SqlType<E> {
  private final List<String> names;

  EnumType(Class<E> enumClass) {
    super(TypeKind.ENUM, enumClass, longest(enumClass), null, null);
    this.names = Arrays.stream(enumClass.getEnumConstants()).map(Enum::name).toList();
  }

  private static <E extends Enum<E>> Integer longest(Class<E> enumClass) {
    int max = 1;
    for (E e : enumClass.getEnumConstants()) {
      max = Math.max(max, e.name().length());
    }
    return max;
  }

  /** The names of the enum's constants in declaration order: the values the column accepts. */
  public List<String> names() {
    return names;
  }

  /** The enum constant for a stored name. */
  public E fromName(String name) {
    return name == null ? null : Enum.valueOf(javaType(), name);
  }
}
