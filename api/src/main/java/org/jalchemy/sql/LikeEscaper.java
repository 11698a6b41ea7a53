package org.jalchemy.sql;

/** Escapes LIKE wildcards so that startsWith/endsWith/contains match their argument literally. */
final class LikeEscaper {
  static final char ESCAPE = '/';

  private LikeEscaper() {}

  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c == '_' || c == ESCAPE) {
        sb.append(ESCAPE);
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
