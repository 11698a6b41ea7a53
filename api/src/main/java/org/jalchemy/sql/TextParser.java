package org.jalchemy.sql;

import java.util.ArrayList;
import java.util.List;

/** Cuts {@code text()} SQL at its {@code :name} parameters, skipping quoted text and {@code ::} casts. */
final class TextParser {
  record Param(String name) {}

  private TextParser() {}

  static List<Object> parse(String sql) {
    List<Object> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = sql.indexOf(c, i + 1);
        while (end > 0 && end + 1 < n && sql.charAt(end + 1) == c) {
          end = sql.indexOf(c, end + 2);
        }
        end = end < 0 ? n - 1 : end;
        cur.append(sql, i, end + 1);
        i = end + 1;
      } else if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == ':') {
        cur.append(':');
        i += 2;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        cur.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))
          && (i == 0 || sql.charAt(i - 1) != ':')) {
        int j = i + 1;
        while (j < n && Character.isJavaIdentifierPart(sql.charAt(j))) {
          j++;
        }
        parts.add(cur.toString());
        cur.setLength(0);
        parts.add(new Param(sql.substring(i + 1, j)));
        i = j;
      } else {
        cur.append(c);
        i++;
      }
    }
    parts.add(cur.toString());
    return List.copyOf(parts);
  }
}
