package org.jalchemy.cdi.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;
import org.jalchemy.cdi.Rows;

/** The bean type {@code Rows<User>} of a mapped class, for the extension's synthetic beans. */
final class RowsType implements ParameterizedType {
  private final Class<?> mappedClass;

  RowsType(Class<?> mappedClass) {
    this.mappedClass = mappedClass;
  }

  @Override
  public Type[] getActualTypeArguments() {
    return new Type[] {mappedClass};
  }

  @Override
  public Type getRawType() {
    return Rows.class;
  }

  @Override
  public Type getOwnerType() {
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterizedType p && p.getRawType() == Rows.class && p.getOwnerType() == null
        && p.getActualTypeArguments().length == 1 && Objects.equals(p.getActualTypeArguments()[0], mappedClass);
  }

  @Override
  public int hashCode() {
    // as the JDK's ParameterizedTypeImpl: arguments ^ owner ^ raw
    return java.util.Arrays.hashCode(getActualTypeArguments()) ^ Objects.hashCode(null) ^ Rows.class.hashCode();
  }

  @Override
  public String toString() {
    return Rows.class.getName() + "<" + mappedClass.getName() + ">";
  }
}
