package org.jalchemy.dialect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quotes identifiers when they need it, as SQLAlchemy's IdentifierPreparer: names that are all
 * lower case, start with a letter or underscore and are not reserved words stay bare (so they
 * fold to the database's default case); anything else is quoted, with the quote character doubled.
 */
public final class IdentifierPreparer {
  private static final Pattern LEGAL = Pattern.compile("[a-z_][a-z0-9_$]*");

  private final char quote;
  private final Set<String> reserved;

  public IdentifierPreparer(char quote, Set<String> reservedWords) {
    this.quote = quote;
    this.reserved = reservedWords;
  }

  /** {@code name} as it must appear in SQL. */
  public String quote(String name) {
    if (requiresQuotes(name)) {
      return forceQuote(name);
    }
    return name;
  }

  /** True when {@code name} must be quoted. */
  public boolean requiresQuotes(String name) {
    return !LEGAL.matcher(name).matches() || reserved.contains(name.toLowerCase(Locale.ROOT));
  }

  /** {@code name} quoted regardless. */
  public String forceQuote(String name) {
    String q = String.valueOf(quote);
    return q + name.replace(q, q + q) + q;
  }
}
