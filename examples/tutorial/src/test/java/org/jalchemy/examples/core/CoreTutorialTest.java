package org.jalchemy.examples.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jalchemy.engine.Engine;
import org.junit.jupiter.api.Test;

/** Runs the tutorial the README's main command runs and checks what it prints. */
class CoreTutorialTest {
  @Test
  void tutorialPrintsItsStatementsAndRows() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    try (Engine engine =
        Engine.create("sqlite+xerial:///:memory:", Engine.Options.echo(true).echoTo(out))) {
      new CoreTutorial(engine, out).run();
    }
    String text = buffer.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains(">>> [('hello world')]")
        .contains(">>> x: 2  y: 4", ">>> x: 6  y: 8", ">>> x: 9  y: 10")
        .contains("CREATE TABLE user_account")
        .contains(">>> inserted primary key [1]")
        .contains(">>> squidward has id 4")
        .contains(">>> [('sandy', 'sandy@sqlalchemy.org'), ('sandy', 'sandy@squirrelpower.org'), ('spongebob', 'spongebob@sqlalchemy.org')]")
        .contains(">>> [('sandy', 2)]")
        .contains(">>> [('sandy', 'patrick'), ('sandy', 'squidward')]")
        .contains(">>> [('patrick', 0), ('sandy', 2), ('spongebob', 1), ('squidward', 0)]")
        .contains(">>> ['patrick', 'squidward']")
        .contains(">>> updated 1 row(s)", ">>> deleted 1 row(s)")
        .contains("[jalchemy] BEGIN (implicit)", "[jalchemy] COMMIT")
        .contains("[generated in", "[cached since");
  }
}
