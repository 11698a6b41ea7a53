package org.jalchemy.examples.orm;

import static org.jalchemy.Jalchemy.inspect;
import static org.jalchemy.Jalchemy.select;

import java.io.PrintStream;
import java.util.List;
import org.jalchemy.examples.orm.database.Database;
import org.jalchemy.examples.orm.models.Address;
import org.jalchemy.examples.orm.models.Address_;
import org.jalchemy.examples.orm.models.Base;
import org.jalchemy.examples.orm.models.User;
import org.jalchemy.examples.orm.models.User_;
import org.jalchemy.examples.orm.services.Accounts;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.result.Row;

/**
 * SQLAlchemy's ORM tutorial, step by step, in jalchemy: object states, the unit of work, the
 * identity map, lazy loading and back-populates. Run it (after the Core tutorial) with
 * {@code mvn -q -pl examples -am compile exec:java}; echo is on, so each statement the session
 * sends is printed where it happens, between the {@code >>>} lines that show what the code sees.
 */
public final class OrmTutorial {
  private final Database db;
  private final SessionMaker sessions;
  private final PrintStream out;

  public OrmTutorial(Database db, PrintStream out) {
    this.db = db;
    this.sessions = db.sessions();
    this.out = out;
  }

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : Database.DEFAULT_URL;
    try (Database db = Database.connect(url)) {
      new OrmTutorial(db, System.out).run();
    }
  }

  /** Runs every step of the tutorial in order; each step opens its own session, as a service would. */
  public void run() {
    createSchema();
    addingObjects();
    rollingBack();
    selectingAndUpdating();
    lazyLoadingAndBackPopulates();
    joining();
    deleting();
  }

  private void step(String title) {
    out.println();
    out.println("== " + title + " ==");
  }

  private void show(Object value) {
    out.println(">>> " + Repr.of(value));
  }

  /** The mapped classes' tables, parents first. */
  void createSchema() {
    step("Declaring mapped classes: emitting DDL");
    DeclarativeBase.metadata(Base.class).createAll(db.engine());
  }

  /** add() makes objects pending without SQL; flush() inserts them and assigns their keys. */
  void addingObjects() {
    step("Adding objects: transient, pending, persistent");
    try (Session session = sessions.open()) {
      User spongebob = new User("spongebob", "Spongebob Squarepants");
      User sandy = new User("sandy", "Sandy Cheeks");
      User patrick = new User("patrick", "Patrick Star");
      show("spongebob is " + inspect(spongebob).state());
      session.addAll(List.of(spongebob, sandy, patrick));
      show("after add: spongebob is " + inspect(spongebob).state() + ", pending " + session.newObjects());
      session.flush();
      show("after flush: spongebob is " + inspect(spongebob).state() + ", ids "
          + List.of(spongebob.getId(), sandy.getId(), patrick.getId()));
      session.commit();
    }
  }

  /** A rollback undoes the flushed INSERT, in the database and in the object's state. */
  void rollingBack() {
    step("Rolling back");
    try (Session session = sessions.open()) {
      User squidward = new User("squidward", "Squidward Tentacles");
      session.add(squidward);
      session.flush();
      show("flushed: squidward is " + inspect(squidward).state() + " with id " + squidward.getId());
      session.rollback();
      show("after rollback: squidward is " + inspect(squidward).state());
      show(session.scalars(select(User.class).where(User_.name.eq("squidward"))).all());
    }
  }

  /** A select of the class, the identity map answering get() without SQL, a one-column UPDATE. */
  void selectingAndUpdating() {
    step("Selecting objects and the identity map");
    try (Session session = sessions.open()) {
      User sandy = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
      show(sandy);
      Integer id = sandy.getId();
      show("session.get(User.class, " + id + ")");
      User same = session.get(User.class, id);
      show("same instance: " + (same == sandy));

      step("Changing an attribute: UPDATE of that column at the next flush");
      sandy.setFullname("Sandy Squirrel");
      show("dirty: " + session.dirty());
      session.commit();
    }
  }

  /** A collection loads when first read; setting one side of a pair updates the other in memory. */
  void lazyLoadingAndBackPopulates() {
    step("Lazy loading");
    try (Session session = sessions.open()) {
      User spongebob = session.scalars(select(User.class).where(User_.name.eq("spongebob"))).one();
      show("not loaded yet: " + inspect(spongebob).unloadedRelationships());
      show("spongebob.getAddresses()");
      show(spongebob.getAddresses());

      step("Back-populates: both sides in step before any flush");
      Address address = new Address("spongebob@sqlalchemy.org");
      address.setUser(spongebob);
      show("spongebob.getAddresses() " + spongebob.getAddresses());
      // Added explicitly: the ORM does not yet cascade an object that is reached only through a
      // collection filled by back-populates (spongebob is not marked changed), so without this
      // line the address would silently not be inserted.
      session.add(address);
      show("address is " + inspect(address).state());

      User sandy = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
      Address first = new Address("sandy@sqlalchemy.org");
      Address second = new Address("sandy@squirrelpower.org");
      sandy.getAddresses().add(first);
      sandy.getAddresses().add(second);
      show("first.getUser() " + first.getUser());
      session.commit();
    }
  }

  /** Rows of two columns over the relationship's join, read back typed through the metamodel. */
  void joining() {
    step("Joining through a relationship: typed rows");
    List<Row> rows = new Accounts(sessions).emailAddresses();
    show(rows);
    for (Row row : rows) {
      String name = row.get(User_.name);
      String email = row.get(Address_.emailAddress);
      show(name + " <" + email + ">");
    }
  }

  /** delete() marks the object; the flush sends DELETE; commit detaches it. */
  void deleting() {
    step("Deleting");
    try (Session session = sessions.open()) {
      User patrick = session.scalars(select(User.class).where(User_.name.eq("patrick"))).one();
      session.delete(patrick);
      session.flush();
      show("after flush: patrick is " + inspect(patrick).state());
      session.commit();
      show("after commit: patrick is " + inspect(patrick).state());
    }
    show(new Accounts(sessions).names());
  }
}
