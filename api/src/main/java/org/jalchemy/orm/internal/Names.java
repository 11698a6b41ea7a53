package org.jalchemy.orm.internal;

/** Java names to SQL names. */
public final class Names {
  private Names() {}

  /**
   * camelCase to snake_case: {@code emailAddress} → {@code email_address}, {@code userID} →
   * {@code user_id}, {@code HTTPCode} → {@code http_code}, {@code line2Text} → {@code line2_text}.
   */
  public static String snakeCase(String javaName) {
    StringBuilder sb = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean prevLowerOrDigit = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1)) || Character.isDigit(javaName.charAt(i - 1)));
        boolean acronymEnd = i > 0 && Character.isUpperCase(javaName.charAt(i - 1))
            && i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        if ((prevLowerOrDigit || acronymEnd) && sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
