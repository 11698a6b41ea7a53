package org.jalchemy.examples.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jalchemy.engine.Engine;
import org.jalchemy.examples.orm.database.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the ORM tutorial the README's main command runs and checks what it prints, and where. */
class OrmTutorialTest {
  private static String text;

  @BeforeAll
  static void runTutorial() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    try (Database db = Database.of(Engine.create("sqlite+xerial:///:memory:", Engine.Options.echo(true).echoTo(out)))) {
      new OrmTutorial(db, out).run();
    }
    text = buffer.toString(StandardCharsets.UTF_8);
  }

  /** The printed text of one step: from its "== title ==" line to the next step's. */
  private static String section(String title) {
    int start = text.indexOf("== " + title + " ==");
    assertThat(start).as("step %s printed", title).isNotNegative();
    int end = text.indexOf("\n== ", start + 1);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  /** The text strictly between two markers of a section, each of which must be there. */
  private static String between(String section, String from, String to) {
    int start = section.indexOf(from);
    int end = section.indexOf(to, start);
    assertThat(start).as("marker %s", from).isNotNegative();
    assertThat(end).as("marker %s after %s", to, from).isGreaterThan(start);
    return section.substring(start + from.length(), end);
  }

  @Test
  void schemaIsCreatedFromTheMappedClasses() {
    assertThat(section("Declaring mapped classes: emitting DDL"))
        .contains("CREATE TABLE user_account", "name VARCHAR(30) NOT NULL", "UNIQUE (name)")
        .contains("CREATE TABLE address", "email_address VARCHAR NOT NULL", "FOREIGN KEY(user_id) REFERENCES user_account (id)");
    assertThat(text.indexOf("CREATE TABLE user_account")).as("parents first").isLessThan(text.indexOf("CREATE TABLE address"));
  }

  @Test
  void addMakesPendingWithoutSqlAndFlushInsertsAndAssignsKeys() {
    String s = section("Adding objects: transient, pending, persistent");
    assertThat(s).contains(">>> spongebob is TRANSIENT", ">>> after add: spongebob is PENDING, pending [User(id=null, name='spongebob'")
        .contains(">>> after flush: spongebob is PERSISTENT, ids [1, 2, 3]");
    assertThat(between(s, ">>> spongebob is TRANSIENT", ">>> after add")).as("add emits no SQL").doesNotContain("[jalchemy]");
    String flush = between(s, ">>> after add", ">>> after flush");
    assertThat(flush.split("INSERT INTO user_account \\(name, fullname\\)", -1)).as("one executemany").hasSize(2);
    assertThat(flush).contains("[3 parameter sets]").contains("('patrick', 'Patrick Star')");
    assertThat(s.indexOf("[jalchemy] COMMIT")).isGreaterThan(s.indexOf(">>> after flush"));
  }

  @Test
  void rollbackUndoesTheFlushedInsert() {
    String s = section("Rolling back");
    assertThat(s).contains(">>> flushed: squidward is PERSISTENT with id 4", "[jalchemy] ROLLBACK",
        ">>> after rollback: squidward is TRANSIENT");
    assertThat(between(s, ">>> after rollback", "[jalchemy] ROLLBACK"))
        .as("the select finds nothing").contains("('squidward')").contains(">>> []");
  }

  @Test
  void getAnswersFromTheIdentityMapAndAChangeUpdatesOneColumn() {
    String s = section("Selecting objects and the identity map");
    assertThat(s).contains("WHERE user_account.name = ?", ">>> User(id=2, name='sandy', fullname='Sandy Cheeks')",
        ">>> same instance: true");
    assertThat(between(s, ">>> session.get(User.class, 2)", ">>> same instance")).as("get emits no SQL")
        .doesNotContain("[jalchemy]");

    String update = section("Changing an attribute: UPDATE of that column at the next flush");
    assertThat(update).contains(">>> dirty: [User(id=2, name='sandy', fullname='Sandy Squirrel')]")
        .contains("[jalchemy] UPDATE user_account SET fullname=? WHERE user_account.id = ?")
        .contains("('Sandy Squirrel', 2)");
    assertThat(update).as("only the changed column: one UPDATE, its SET clause just fullname")
        .containsOnlyOnce("[jalchemy] UPDATE").doesNotContain("SET name").doesNotContain("fullname=?,");
  }

  @Test
  void addressesLoadLazilyWhenFirstRead() {
    String s = section("Lazy loading");
    assertThat(s).contains(">>> not loaded yet: [addresses]");
    assertThat(between(s, "WHERE user_account.name = ?", ">>> spongebob.getAddresses()"))
        .as("loading the user does not load its addresses").doesNotContain("FROM address");
    assertThat(between(s, ">>> spongebob.getAddresses()", ">>> []"))
        .as("the SELECT runs at the access").contains("FROM address", "WHERE address.user_id = ?", "(1)");
  }

  @Test
  void backPopulatesKeepsBothSidesInStepBeforeAnyFlush() {
    String s = section("Back-populates: both sides in step before any flush");
    assertThat(s).startsWith("== Back-populates: both sides in step before any flush ==\n"
        + ">>> spongebob.getAddresses() [Address(id=null, emailAddress='spongebob@sqlalchemy.org')]\n"
        + ">>> address is PENDING\n");
    assertThat(s).contains(">>> first.getUser() User(id=2, name='sandy'")
        .contains("('spongebob@sqlalchemy.org', 1)", "('sandy@sqlalchemy.org', 2)", "('sandy@squirrelpower.org', 2)");
    assertThat(between(s, ">>> first.getUser()", "[jalchemy] COMMIT")).as("the collection's adds flushed at commit")
        .contains("INSERT INTO address (email_address, user_id)");
  }

  @Test
  void joinThroughTheRelationshipGivesTypedRows() {
    assertThat(section("Joining through a relationship: typed rows"))
        .contains("FROM user_account JOIN address ON user_account.id = address.user_id ORDER BY address.email_address")
        .contains(">>> [('sandy', 'sandy@sqlalchemy.org'), ('sandy', 'sandy@squirrelpower.org'), "
            + "('spongebob', 'spongebob@sqlalchemy.org')]")
        .contains(">>> sandy <sandy@sqlalchemy.org>", ">>> spongebob <spongebob@sqlalchemy.org>");
  }

  @Test
  void deleteFlushesADeleteAndCommitDetaches() {
    String s = section("Deleting");
    assertThat(between(s, "('patrick')", ">>> after flush: patrick is DELETED"))
        .contains("[jalchemy] DELETE FROM user_account WHERE user_account.id = ?", "[jalchemy] [generated in");
    assertThat(s).contains(">>> after commit: patrick is DETACHED", ">>> ['spongebob', 'sandy']");
  }
}
