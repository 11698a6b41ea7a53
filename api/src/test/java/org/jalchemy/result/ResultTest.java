package org.jalchemy.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jalchemy.Jalchemy.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.ArgumentError;
import org.jalchemy.exc.InvalidRequestError;
import org.jalchemy.exc.JalchemyException;
import org.jalchemy.exc.MultipleResultsFound;
import org.jalchemy.exc.NoResultFound;
import org.jalchemy.schema.Column;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.jalchemy.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way of reading a result, on every database. */
class ResultTest {
  private final MetaData md = new MetaData();
  private final Table users = md.table("eng_res_user");
  private final Column<Integer> id = users.column("id", Types.INTEGER).primaryKey();
  private final Column<String> name = users.column("name", Types.string(30)).notNull();
  private final Column<Long> score = users.column("score", Types.BIG_INTEGER);
  private final Table addresses = md.table("eng_res_address");
  private final Column<Integer> addressId = addresses.column("id", Types.INTEGER).primaryKey();
  private final Column<Integer> userId = addresses.column("user_id", Types.INTEGER).references("eng_res_user.id");
  private final Column<String> email = addresses.column("email", Types.string(50));

  private Engine engine;

  private Connection setUp(TestDatabase db) {
    engine = db.engine();
    md.dropAll(engine);
    md.createAll(engine);
    Connection conn = engine.connect();
    conn.execute(
        insert(users),
        List.of(
            Map.of("name", "sandy", "score", 10L),
            Map.of("name", "patrick", "score", 20L),
            Map.of("name", "squidward", "score", 30L),
            Map.of("name", "gary", "score", 40L),
            Map.of("name", "larry", "score", 50L)));
    conn.execute(insert(addresses).value(userId, 1).value(email, "sandy@x.org"));
    conn.commit();
    return conn;
  }

  @AfterEach
  void tearDown() {
    if (engine != null) {
      md.dropAll(engine);
      engine.dispose();
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void allFirstOneAndScalars(TestDatabase db) {
    try (Connection conn = setUp(db)) {
      List<Row> all = conn.execute(select(id, name).orderBy(id)).all();
      assertThat(all).hasSize(5);
      assertThat(all.get(0).get(name)).isEqualTo("sandy");

      Row first = conn.execute(select(id, name).orderBy(id.desc())).first();
      assertThat(first.get(id)).isEqualTo(5);
      assertThat(conn.execute(select(id).where(id.gt(100))).first()).isNull();

      assertThat(conn.execute(select(name).where(id.eq(2))).one().get(name)).isEqualTo("patrick");
      assertThatThrownBy(() -> conn.execute(select(name).where(id.gt(100))).one())
          .isInstanceOf(NoResultFound.class)
          .isInstanceOf(JalchemyException.class)
          .hasMessageContaining("no row was found");
      assertThatThrownBy(() -> conn.execute(select(name)).one())
          .isInstanceOf(MultipleResultsFound.class)
          .hasMessageContaining("multiple rows");
      assertThat(conn.execute(select(name).where(id.gt(100))).oneOrNull()).isNull();
      assertThat(conn.execute(select(name).where(id.eq(3))).oneOrNull().get(0)).isEqualTo("squidward");
      assertThatThrownBy(() -> conn.execute(select(name)).oneOrNull()).isInstanceOf(MultipleResultsFound.class);

      String scalar = conn.execute(select(name).orderBy(id)).scalar();
      assertThat(scalar).isEqualTo("sandy");
      assertThat(conn.execute(select(name).where(id.gt(100))).scalar()).isNull();
      Long one = conn.execute(select(score).where(id.eq(4))).scalarOne();
      assertThat(one).isEqualTo(40L);
      assertThatThrownBy(() -> conn.execute(select(score).where(id.gt(100))).scalarOne()).isInstanceOf(NoResultFound.class);
      assertThatThrownBy(() -> conn.execute(select(score)).scalarOne()).isInstanceOf(MultipleResultsFound.class);
      assertThat(conn.execute(select(score).where(id.gt(100))).scalarOneOrNull()).isNull();
      assertThat(conn.execute(select(score).where(id.eq(1))).scalarOneOrNull()).isEqualTo(10L);

      List<String> names = conn.execute(select(name).orderBy(id)).scalars().all();
      assertThat(names).containsExactly("sandy", "patrick", "squidward", "gary", "larry");
      assertThat(conn.execute(select(id, name).orderBy(id)).scalars(1).all()).first().isEqualTo("sandy");
      // A NULL value is still one row.
      conn.execute(update(users).set(score, (Long) null).where(id.eq(5)));
      assertThat(conn.execute(select(score).where(id.eq(5))).scalars().one()).isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void forEachAndMappedResultsReadEveryRowInOrderAndEndTheResult(TestDatabase db) {
    try (Connection conn = setUp(db)) {
      List<Object> names = new ArrayList<>();
      var rows = conn.execute(select(id, name).orderBy(id));
      rows.forEach(row -> names.add(row.get(name)));
      assertThat(names).containsExactly("sandy", "patrick", "squidward", "gary", "larry");
      assertThatThrownBy(rows::all).isInstanceOf(InvalidRequestError.class); // forEach read it, as iterating does

      // a mapped result's all() and forEach() run the mapping once per row, in order, NULLs kept
      conn.execute(insert(users).value(name, "plankton")); // score NULL
      assertThat(conn.execute(select(score).orderBy(id)).scalars().all()).containsExactly(10L, 20L, 30L, 40L, 50L, null);
      List<Object> scores = new ArrayList<>();
      conn.execute(select(score).orderBy(id)).scalars().forEach(scores::add);
      assertThat(scores).containsExactly(10L, 20L, 30L, 40L, 50L, null);
      conn.rollback();
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void aResultItsConnectionClosedUnreadFailsOnReadInsteadOfEndingShort(TestDatabase db) {
    try (Connection conn = setUp(db)) {
      var afterCommit = conn.execute(select(name).orderBy(id));
      var it = afterCommit.iterator();
      assertThat(it.next().get(name)).isEqualTo("sandy");
      conn.commit();
      assertThatThrownBy(it::hasNext).isInstanceOf(InvalidRequestError.class)
          .hasMessageContaining("closed by commit()").hasMessageContaining("read the rows first");

      var afterRollback = conn.execute(select(name).orderBy(id));
      conn.rollback();
      assertThatThrownBy(afterRollback::all).isInstanceOf(InvalidRequestError.class).hasMessageContaining("rollback()");

      // read to the end, or closed by its reader: nothing to report afterwards
      List<Row> kept = conn.execute(select(name)).all();
      var closedByReader = conn.execute(select(name));
      closedByReader.close();
      conn.commit();
      assertThat(kept).hasSize(5);
    }
    Connection other = engine.connect();
    var afterClose = other.execute(select(name));
    other.close();
    assertThatThrownBy(afterClose::first).isInstanceOf(InvalidRequestError.class).hasMessageContaining("close()");
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void mappingsFetchManyPartitionsAndStream(TestDatabase db) {
    try (Connection conn = setUp(db)) {
      List<Map<String, Object>> maps = conn.execute(select(id, name).where(id.le(2)).orderBy(id)).mappings().all();
      assertThat(maps).containsExactly(Map.of("id", 1, "name", "sandy"), Map.of("id", 2, "name", "patrick"));
      assertThat(new ArrayList<>(maps.get(0).keySet())).containsExactly("id", "name");

      var r = conn.execute(select(name).orderBy(id));
      assertThat(r.fetchMany(2)).extracting(row -> row.get(name)).containsExactly("sandy", "patrick");
      assertThat(r.fetchMany(2)).extracting(row -> row.get(name)).containsExactly("squidward", "gary");
      assertThat(r.all()).as("the rest after fetchMany").extracting(row -> row.get(name)).containsExactly("larry");

      List<List<String>> parts = new ArrayList<>();
      for (List<String> part : conn.execute(select(name).orderBy(id)).scalars().partitions(2)) {
        parts.add(part);
      }
      assertThat(parts).containsExactly(List.of("sandy", "patrick"), List.of("squidward", "gary"), List.of("larry"));

      try (Stream<Row> s = conn.execute(select(id, score).orderBy(id)).stream()) {
        assertThat(s.map(row -> row.get(score)).filter(v -> v > 15).collect(Collectors.toList()))
            .containsExactly(20L, 30L, 40L, 50L);
      }
      // A stream closed early releases its cursor; the connection stays usable.
      try (Stream<String> s = conn.execute(select(name).orderBy(id)).scalars().stream()) {
        assertThat(s.findFirst()).contains("sandy");
      }
      List<Integer> ids = new ArrayList<>();
      for (Row row : conn.execute(select(id).orderBy(id))) {
        ids.add(row.get(id));
      }
      assertThat(ids).containsExactly(1, 2, 3, 4, 5);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void rowsByPositionNameAndTypedColumn(TestDatabase db) {
    try (Connection conn = setUp(db)) {
      var result = conn.execute(select(id, name, score, name.label("nick")).where(id.eq(1)));
      assertThat(result.keys()).containsExactly("id", "name", "score", "nick");
      Row row = result.one();
      Integer i = row.get(id); // typed by the column: no cast
      String n = row.get(name);
      Long s = row.get(score);
      assertThat(i).isEqualTo(1);
      assertThat(n).isEqualTo("sandy");
      assertThat(s).isEqualTo(10L);
      assertThat(row.get(0)).isEqualTo(1);
      assertThat(row.get("name")).isEqualTo("sandy");
      assertThat(row.get("nick")).isEqualTo("sandy");
      assertThat(row.get("score", Long.class)).isEqualTo(10L);
      assertThat(row.keys()).containsExactly("id", "name", "score", "nick");
      assertThat(row.size()).isEqualTo(4);
      assertThat(row.asMap()).containsEntry("nick", "sandy");
      assertThatThrownBy(() -> row.get(7)).isInstanceOf(ArgumentError.class).hasMessageContaining("4 columns");
      assertThatThrownBy(() -> row.get("nope"))
          .isInstanceOf(ArgumentError.class)
          .hasMessageContaining("no column named 'nope'")
          .hasMessageContaining("[id, name, score, nick]");
      assertThatThrownBy(() -> row.get("name", Integer.class))
          .isInstanceOf(ArgumentError.class)
          .hasMessageContaining("java.lang.String, not a java.lang.Integer");
      assertThatThrownBy(() -> row.get(email)).isInstanceOf(ArgumentError.class).hasMessageContaining("was not selected");
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void ambiguousNamesNeedPositionOrColumn(TestDatabase db) {
    try (Connection conn = setUp(db)) {
      Row row = conn.execute(select(id, addressId, email).join(addresses)).one();
      assertThat(row.keys()).containsExactly("id", "id", "email");
      assertThatThrownBy(() -> row.get("id"))
          .isInstanceOf(ArgumentError.class)
          .hasMessageContaining("more than one column is named 'id'")
          .hasMessageContaining("read it by position or by column object");
      Integer user = row.get(id);
      Integer address = row.get(addressId);
      assertThat(user).isEqualTo(1);
      assertThat(address).isEqualTo(1);
      assertThat(row.get(email)).isEqualTo("sandy@x.org");
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void aConsumedResultRefusesToBeReadAgain(TestDatabase db) {
    try (Connection conn = setUp(db)) {
      var r = conn.execute(select(name).orderBy(id));
      assertThat(r.all()).hasSize(5);
      assertThatThrownBy(r::all)
          .isInstanceOf(InvalidRequestError.class)
          .hasMessageContaining("already consumed")
          .hasMessageContaining("execute the statement again");
      var s = conn.execute(select(name));
      s.scalars();
      assertThatThrownBy(s::first).isInstanceOf(InvalidRequestError.class).hasMessageContaining("already consumed");
      var c = conn.execute(select(name));
      c.close();
      assertThatThrownBy(() -> c.fetchMany(1)).isInstanceOf(InvalidRequestError.class);
      var it = conn.execute(select(name));
      it.iterator();
      assertThatThrownBy(it::iterator).isInstanceOf(InvalidRequestError.class);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void textResultsHaveKeysFromTheDriver(TestDatabase db) {
    try (Connection conn = setUp(db)) {
      var r = conn.execute(text("select name as who, score as pts from eng_res_user where id = :id"), Map.of("id", 2));
      assertThat(r.keys()).extracting(String::toLowerCase).containsExactly("who", "pts");
      Row row = r.one();
      assertThat(row.get(0)).isEqualTo("patrick");
      assertThat(((Number) row.get(1)).longValue()).isEqualTo(20L);
    }
  }

  /** all() of rows already in memory (an ORM query's objects) is a list of its own: changing it leaves the source alone. */
  @org.junit.jupiter.api.Test
  void allOfRowsInMemoryIsAListOfItsOwn() {
    List<String> source = new ArrayList<>(List.of("a", "b", "c"));
    Result<String> result = Result.of(source);
    List<String> all = result.all();
    assertThat(all).containsExactly("a", "b", "c").isNotSameAs(source);
    all.add("d");
    all.remove("a");
    assertThat(source).containsExactly("a", "b", "c");
    assertThatThrownBy(result::all).isInstanceOf(InvalidRequestError.class); // read once, as any result
  }
}
