package org.jalchemy.orm.internal;

import java.lang.reflect.Field;

/**
 * A persistent field of a mapped class, classified: a column, or a relationship to
 * {@code target} (held in a {@code collectionType}, or singly when that is null).
 */
public record ScannedField(Field field, Class<?> target, Class<?> collectionType) {
  public boolean isRelationship() {
    return target != null;
  }

  public String name() {
    return field.getName();
  }
}
