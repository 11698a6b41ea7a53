package org.jalchemy.dialect;

import java.util.HashSet;
import java.util.Set;

/** Reserved words: the SQL standard's core set, plus what each database adds. */
public final class ReservedWords {
  private ReservedWords() {}

  /** Words reserved in (nearly) every database. */
  public static final Set<String> COMMON =
      Set.of(
          "all", "alter", "and", "any", "as", "asc", "between", "both", "by", "case", "cast", "check",
          "collate", "column", "constraint", "create", "cross", "current_date", "current_time",
          "current_timestamp", "current_user", "default", "delete", "desc", "distinct", "drop", "else",
          "end", "except", "exists", "false", "fetch", "for", "foreign", "from", "full", "grant", "group",
          "having", "in", "index", "inner", "insert", "intersect", "into", "is", "join", "key", "leading",
          "left", "like", "limit", "natural", "not", "null", "offset", "on", "or", "order", "outer",
          "primary", "references", "right", "row", "rows", "select", "set", "some", "table", "then", "to",
          "trailing", "true", "union", "unique", "update", "user", "using", "values", "when", "where",
          "window", "with");

  /** {@link #COMMON} plus {@code extra}. */
  public static Set<String> plus(String... extra) {
    Set<String> all = new HashSet<>(COMMON);
    all.addAll(Set.of(extra));
    return Set.copyOf(all);
  }
}
