package org.jalchemy.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.sql.Expression;
import org.jalchemy.sql.NamedColumn;

/**
 * The columns of a result, shared by all its rows: names for {@code row.get("name")} and the
 * selected expressions for {@code row.get(users.name)}. Built once per result.
 */
public final class RowMetadata {
  private static final int AMBIGUOUS = -2;

  private final List<String> keys;
  private final List<Expression<?>> columns;
  private final Map<String, Integer> byName = new HashMap<>();
  private final Map<Object, Integer> byExpression = new IdentityHashMap<>();

  /** Metadata from the selected expressions (null when only names are known, as for text()). */
  public RowMetadata(List<String> keys, List<Expression<?>> columns) {
    this.keys = List.copyOf(keys);
    this.columns = columns == null ? null : Collections.unmodifiableList(new ArrayList<>(columns));
    for (int i = 0; i < keys.size(); i++) {
      byName.merge(keys.get(i), i, (a, b) -> AMBIGUOUS);
    }
    if (columns != null) {
      for (int i = 0; i < columns.size(); i++) {
        Expression<?> e = columns.get(i);
        byExpression.putIfAbsent(e, i);
        if (e instanceof NamedColumn<?> n && n.origin() != n) {
          byExpression.putIfAbsent(n.origin(), i);
        }
      }
    }
  }

  /** Metadata for the given expressions, named by their key names. */
  public static RowMetadata of(List<Expression<?>> columns) {
    List<String> keys = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      String k = columns.get(i).keyName();
      keys.add(k == null ? "_col" + i : k);
    }
    return new RowMetadata(keys, columns);
  }

  /** The column names in order. */
  public List<String> keys() {
    return keys;
  }

  /** The number of columns. */
  public int size() {
    return keys.size();
  }

  /** The position of a column by name; fails when unknown or ambiguous. */
  public int indexOf(String name) {
    Integer i = byName.get(name);
    if (i == null) {
      i = ignoringCase(name);
    }
    if (i == null) {
      throw new ArgumentError("no column named '" + name + "' in this row; its columns are " + keys);
    }
    if (i == AMBIGUOUS) {
      throw new ArgumentError(
          "more than one column is named '" + name + "' in this row (" + keys + "); read it by position or by column object");
    }
    return i;
  }

  /**
   * H2 reports unquoted labels of text() queries in upper case, PostgreSQL in lower case: a name
   * that matches no key exactly is looked up ignoring case, when that finds exactly one.
   */
  private Integer ignoringCase(String name) {
    Integer found = null;
    for (int k = 0; k < keys.size(); k++) {
      if (keys.get(k).equalsIgnoreCase(name)) {
        if (found != null) {
          return AMBIGUOUS;
        }
        found = k;
      }
    }
    return found;
  }

  /** The position of a selected expression. */
  public int indexOf(Expression<?> column) {
    Integer i = byExpression.get(column);
    if (i == null && column instanceof NamedColumn<?> n) {
      i = byExpression.get(n.origin());
    }
    if (i == null) {
      throw new ArgumentError(column + " was not selected by this statement; the row's columns are " + keys);
    }
    return i;
  }
}
