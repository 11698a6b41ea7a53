package org.jalchemy.examples;

import org.jalchemy.examples.core.CoreTutorial;
import org.jalchemy.examples.orm.OrmTutorial;

/**
 * What the README's main command runs: the Core tutorial, then the ORM tutorial, each on its own
 * in-memory SQLite database. Usage: {@code mvn -q -pl examples -am compile exec:java}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // No URL is forwarded: both tutorials create user_account, so they need separate databases.
    System.out.println("######## The Core tutorial ########");
    CoreTutorial.main(new String[0]);
    System.out.println();
    System.out.println("######## The ORM tutorial ########");
    OrmTutorial.main(new String[0]);
  }
}
