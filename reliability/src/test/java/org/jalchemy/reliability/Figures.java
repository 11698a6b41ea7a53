package org.jalchemy.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Each fault's figure: one line on standard output and in target/reliability-figures.txt. */
final class Figures {
  private Figures() {}

  static synchronized void report(String fault, String figure) {
    String line = "FAULT " + fault + ": " + figure;
    System.out.println(line);
    try {
      Files.writeString(Path.of("target", "reliability-figures.txt"), line + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the line is on standard output anyway
    }
  }
}
