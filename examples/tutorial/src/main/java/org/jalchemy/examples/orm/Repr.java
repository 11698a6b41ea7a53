package org.jalchemy.examples.orm;

import java.util.Collection;

/**
 * Python-like rendering, so the output reads like SQLAlchemy's tutorial: strings quoted inside
 * collections. Usage: {@code Repr.of(List.of("sandy"))} gives {@code ['sandy']}.
 */
final class Repr {
  private Repr() {}

  static String of(Object value) {
    if (value instanceof Collection<?> items) {
      StringBuilder sb = new StringBuilder("[");
      String sep = "";
      for (Object item : items) {
        sb.append(sep).append(item instanceof String s ? "'" + s + "'" : of(item));
        sep = ", ";
      }
      return sb.append(']').toString();
    }
    return String.valueOf(value);
  }
}
