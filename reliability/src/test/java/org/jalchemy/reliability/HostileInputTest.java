package org.jalchemy.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.insert;
import static org.jalchemy.Jalchemy.select;
import static org.jalchemy.Jalchemy.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.exc.JalchemyException;
import org.jalchemy.orm.DeclarativeBase;
import org.jalchemy.orm.Mapper;
import org.jalchemy.orm.Session;
import org.jalchemy.orm.SessionMaker;
import org.jalchemy.reliability.model.Note;
import org.jalchemy.reliability.model.Note_;
import org.jalchemy.reliability.model.RelBase;
import org.jalchemy.schema.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 10,000 generated strings made of SQL's dangerous pieces (quotes, backslashes, comment and
 * statement markers, NUL, unicode edge cases, a 1 MB string) go in as values through Core and the
 * ORM and as LIKE patterns: each is stored and read back identical, or refused with a clear error,
 * and a canary table must survive (nothing was executed as SQL).
 */
class HostileInputTest {
  static final int COUNT = 10_000;
  static final String[] PIECES = {"'", "''", "\"", "\\", "\\'", ";", "--", "/*", "*/", "%", "_", "[", "]", "$1", "?", ":name",
      "drop table rel_canary;", "' or '1'='1", "\u0000", "é", "\u00A0", "\u200B", "\uFEFF", "😀", "\uD800", "ß", "İ", "\n", "\r\n",
      "\t", "NULL", "null", " ", "\u202E", "ｓｅｌｅｃｔ"};

  static List<Databases> databases() {
    return Databases.all();
  }

  /** The generated inputs (seeded, reproducible) and what each database can store of them. */
  static List<String> inputs(String db) {
    Random r = new Random(42);
    List<String> out = new ArrayList<>(COUNT);
    for (int i = 0; i < COUNT - 1; i++) {
      StringBuilder b = new StringBuilder();
      int parts = 1 + r.nextInt(6);
      for (int p = 0; p < parts; p++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
        if (r.nextBoolean()) {
          b.append((char) ('a' + r.nextInt(26)));
        }
      }
      out.add(b.toString());
    }
    out.add("x".repeat(1 << 20) + "'; drop table rel_canary; --");
    return out;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void everyValueIsStoredVerbatimOrRefusedAndNothingRunsAsSql(Databases db) throws Exception {
    Engine engine = db.engine(org.jalchemy.engine.Engine.Options.defaults());
    try {
      var md = DeclarativeBase.metadata(RelBase.class);
      md.dropAll(engine, true);
      md.createAll(engine);
      try (Connection c = engine.connect()) {
        c.execute(text("drop table if exists rel_canary"));
        c.execute(text("create table rel_canary (id integer)"));
        c.commit();
      }
      Table notes = Mapper.of(Note.class).table();
      List<String> inputs = inputs(db.name());
      int stored = 0;
      int refused = 0;
      List<String> refusals = new ArrayList<>();
      // Core: executemany in chunks; a chunk the database refuses (NUL, lone surrogates) goes row by row
      for (int from = 0; from < inputs.size() / 2; from += 500) {
        List<String> chunk = inputs.subList(from, Math.min(inputs.size() / 2, from + 500));
        try (Connection c = engine.connect()) {
          List<Map<String, Object>> rows = new ArrayList<>();
          for (String s : chunk) {
            Map<String, Object> m = new HashMap<>();
            m.put("body", s);
            rows.add(m);
          }
          c.execute(insert(notes), rows);
          c.commit();
          stored += chunk.size();
        } catch (JalchemyException e) {
          for (String s : chunk) {
            try (Connection c = engine.connect()) {
              c.execute(insert(notes).values(Map.of("body", s)));
              c.commit();
              stored++;
            } catch (JalchemyException one) {
              refused++;
              refusals.add(one.getClass().getSimpleName());
              assertThat(one.getMessage()).as("a refusal says what went wrong").isNotBlank();
            }
          }
        }
      }
      // ORM: the other half, a session per value (a refused one rolls back alone)
      SessionMaker sessions = SessionMaker.of(engine);
      for (String s : inputs.subList(inputs.size() / 2, inputs.size())) {
        try (Session session = sessions.open()) {
          session.add(new Note(s));
          session.commit();
          stored++;
        } catch (JalchemyException e) {
          refused++;
          refusals.add(e.getClass().getSimpleName());
        }
      }
      // read back: every stored value is one of the inputs, byte-identical, and each input stored is found as a LIKE pattern too
      List<String> back;
      try (Session session = sessions.open()) {
        back = session.scalars(select(Note_.body)).all();
      }
      assertThat(back).hasSize(stored);
      java.util.Set<String> given = new java.util.HashSet<>(inputs);
      List<String> altered = back.stream().filter(v -> !given.contains(v)).limit(5)
          .map(v -> v.length() > 80 ? v.substring(0, 80) + "…(" + v.length() + " chars)" : v)
          .map(v -> v.chars().mapToObj(ch -> ch < 32 || ch > 126 ? String.format("\\u%04x", ch) : String.valueOf((char) ch))
              .reduce("", String::concat)).toList();
      assertThat(altered).as("values read back that differ from every input").isEmpty();
      int likeChecked = 0;
      try (Session session = sessions.open()) {
        for (String s : back.subList(0, Math.min(300, back.size()))) {
          if (s.length() > 1000) {
            continue;
          }
          // as a LIKE pattern, escaped: matches itself literally
          List<String> found = session.scalars(select(Note_.body).where(Note_.body.contains(s))).all();
          assertThat(found).as("contains(" + s + ")").contains(s);
          likeChecked++;
        }
      }
      try (Connection c = engine.connect()) {
        assertThat(((Number) c.execute(text("select count(*) from rel_canary")).scalar()).longValue()).isZero();
      }
      Figures.report("hostile input (" + db.name() + ")", COUNT + " generated values: " + stored + " stored and read back "
          + "identical, " + refused + " refused with an error " + (refused == 0 ? "" : refusals.stream().distinct().toList())
          + ", " + likeChecked + " checked as LIKE patterns; canary table intact (0 executed as SQL)");
    } finally {
      engine.dispose();
    }
  }
}
