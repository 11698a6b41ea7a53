package org.jalchemy.examples.core;

import static org.jalchemy.Jalchemy.*;
import static org.jalchemy.examples.core.tables.Tables.*;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.examples.core.database.Database;
import org.jalchemy.result.Row;
import org.jalchemy.sql.Subquery;
import org.jalchemy.sql.TableAlias;
import org.jalchemy.types.Types;

/**
 * SQLAlchemy's Core tutorial, step by step, in jalchemy. Run it with
 * {@code mvn -q -pl examples -am compile exec:java}; with echo on it prints each statement, its
 * parameters and the rows that come back.
 */
public final class CoreTutorial {
  private final Engine engine;
  private final PrintStream out;

  public CoreTutorial(Engine engine, PrintStream out) {
    this.engine = engine;
    this.out = out;
  }

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : Database.DEFAULT_URL;
    try (Engine engine = Database.engine(url)) {
      new CoreTutorial(engine, System.out).run();
    }
  }

  /** Runs every step of the tutorial in order. */
  public void run() {
    workingWithTransactions();
    definingTables();
    insertingRows();
    selectingRows();
    updatingAndDeleting();
  }

  private void step(String title) {
    out.println();
    out.println("== " + title + " ==");
  }

  private void show(Object value) {
    out.println(">>> " + repr(value));
  }

  /** Python-like rendering, so the output reads like SQLAlchemy's tutorial: strings quoted in lists. */
  private static String repr(Object value) {
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(list.get(i) instanceof String s ? "'" + s + "'" : repr(list.get(i)));
      }
      return sb.append(']').toString();
    }
    return String.valueOf(value);
  }

  /** Connections, text(), commit as you go, begin once. */
  void workingWithTransactions() {
    step("Getting a connection");
    try (Connection conn = engine.connect()) {
      show(conn.execute(text("select 'hello world'")).all());
    }

    step("Committing changes");
    try (Connection conn = engine.connect()) {
      conn.execute(text("CREATE TABLE some_table (x int, y int)"));
      conn.execute(
          text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
          List.of(Map.of("x", 1, "y", 1), Map.of("x", 2, "y", 4)));
      conn.commit();
    }
    engine.transaction(
        conn ->
            conn.execute(
                text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
                List.of(Map.of("x", 6, "y", 8), Map.of("x", 9, "y", 10))));

    step("Fetching rows, sending parameters");
    try (Connection conn = engine.connect()) {
      for (Row row : conn.execute(text("SELECT x, y FROM some_table WHERE y > :y"), Map.of("y", 2))) {
        show("x: " + row.get("x") + "  y: " + row.get("y"));
      }
    }
  }

  /** MetaData, Table, Column; CREATE TABLE in dependency order. */
  void definingTables() {
    step("Emitting DDL to the database");
    METADATA.createAll(engine);
  }

  /** insert(): one row with its generated key, executemany, a scalar subquery as a value. */
  void insertingRows() {
    step("Inserting rows");
    try (Connection conn = engine.connect()) {
      var result =
          conn.execute(insert(USER_ACCOUNT).values(Map.of("name", "spongebob", "fullname", "Spongebob Squarepants")));
      show("inserted primary key " + result.insertedPrimaryKey());
      conn.execute(
          insert(USER_ACCOUNT),
          List.of(
              Map.of("name", "sandy", "fullname", "Sandy Cheeks"),
              Map.of("name", "patrick", "fullname", "Patrick Star")));
      var userId = select(USER_ID).where(USER_NAME.eq(bindparam("username", Types.STRING))).scalarSubquery();
      conn.execute(
          insert(ADDRESS).values(Map.of("user_id", userId, "email_address", bindparam("email_address", Types.STRING))),
          List.of(
              Map.of("username", "spongebob", "email_address", "spongebob@sqlalchemy.org"),
              Map.of("username", "sandy", "email_address", "sandy@sqlalchemy.org"),
              Map.of("username", "sandy", "email_address", "sandy@squirrelpower.org")));
      Integer squidward =
          conn.execute(insert(USER_ACCOUNT).value(USER_NAME, "squidward").returning(USER_ID)).scalarOne();
      show("squidward has id " + squidward);
      conn.commit();
    }
  }

  /** select(): where, joins, order/group by, functions, aliases, subqueries, CTEs, unions, EXISTS. */
  void selectingRows() {
    try (Connection conn = engine.connect()) {
      step("The select() construct");
      for (Row row : conn.execute(select(USER_ACCOUNT).where(USER_NAME.eq("spongebob")))) {
        show(row);
      }

      step("Joins");
      show(conn.execute(select(USER_NAME, ADDRESS_EMAIL).join(ADDRESS).orderBy(ADDRESS_EMAIL)).all());

      step("ORDER BY, GROUP BY, HAVING");
      show(
          conn.execute(
                  select(USER_NAME, func.count(ADDRESS_ID).label("count"))
                      .join(ADDRESS)
                      .groupBy(USER_NAME)
                      .having(func.count(ADDRESS_ID).gt(1L)))
              .all());

      step("Aliases");
      TableAlias u1 = USER_ACCOUNT.alias("u1");
      TableAlias u2 = USER_ACCOUNT.alias("u2");
      show(
          conn.execute(
                  select(u1.c(USER_NAME), u2.c(USER_NAME))
                      .joinFrom(u1, u2, u1.c(USER_ID).lt(u2.c(USER_ID)))
                      .where(u1.c(USER_NAME).eq("sandy")))
              .all());

      step("Subqueries and CTEs");
      Subquery counts =
          select(ADDRESS_USER_ID, func.count(ADDRESS_ID).label("count")).groupBy(ADDRESS_USER_ID).subquery();
      show(
          conn.execute(
                  select(USER_NAME, USER_FULLNAME, counts.c("count"))
                      .join(counts, USER_ID.eq(counts.c(ADDRESS_USER_ID)))
                      .orderBy(USER_NAME))
              .all());
      var withEmail = select(ADDRESS_USER_ID).distinct().cte("with_email");
      show(
          conn.execute(select(USER_NAME).join(withEmail, USER_ID.eq(withEmail.c(ADDRESS_USER_ID))).orderBy(USER_NAME))
              .scalars()
              .all());

      step("Scalar subqueries, EXISTS, UNION");
      var addressCount = select(func.count(ADDRESS_ID)).where(ADDRESS_USER_ID.eq(USER_ID)).scalarSubquery();
      show(conn.execute(select(USER_NAME, addressCount.label("address_count")).orderBy(USER_NAME)).all());
      var hasAddress = select(ADDRESS_ID).where(ADDRESS_USER_ID.eq(USER_ID)).exists();
      show(conn.execute(select(USER_NAME).where(hasAddress.not()).orderBy(USER_NAME)).scalars().all());
      show(
          conn.execute(
                  select(USER_NAME).where(USER_NAME.eq("sandy")).unionAll(select(USER_NAME).where(USER_NAME.eq("patrick"))))
              .scalars()
              .all());
    }
  }

  /** update() and delete(), with rowcount. */
  void updatingAndDeleting() {
    step("UPDATE and DELETE");
    try (Connection conn = engine.connect()) {
      var updated =
          conn.execute(update(USER_ACCOUNT).set(USER_FULLNAME, "Patrick the Star").where(USER_NAME.eq("patrick")));
      show("updated " + updated.rowcount() + " row(s)");
      var deleted = conn.execute(delete(USER_ACCOUNT).where(USER_NAME.eq("squidward")));
      show("deleted " + deleted.rowcount() + " row(s)");
      conn.commit();
      show(conn.execute(select(USER_NAME, USER_FULLNAME).orderBy(USER_ID)).all());
    }
  }
}
