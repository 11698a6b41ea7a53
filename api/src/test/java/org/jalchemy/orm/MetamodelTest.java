package org.jalchemy.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jalchemy.Jalchemy.*;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jalchemy.engine.Connection;
import org.jalchemy.engine.Engine;
import org.jalchemy.orm.internal.MappedClassIndex;
import org.jalchemy.orm.model.Address;
import org.jalchemy.orm.model.Address_;
import org.jalchemy.orm.model.Keyword;
import org.jalchemy.orm.model.Keyword_;
import org.jalchemy.orm.model.OrmBase;
import org.jalchemy.orm.model.Sample;
import org.jalchemy.orm.model.Sample_;
import org.jalchemy.orm.model.TreeNode;
import org.jalchemy.orm.model.User;
import org.jalchemy.orm.model.UserKeyword;
import org.jalchemy.orm.model.User_;
import org.jalchemy.result.Row;
import org.jalchemy.schema.MetaData;
import org.jalchemy.schema.Table;
import org.jalchemy.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated metamodel in Core statements, against real rows on every database. */
class MetamodelTest {
  private static Table table(Class<?> c) {
    return Mapper.of(c).table();
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void attributesWorkInSelectWhereOrderByAndJoin(TestDatabase db) {
    MetaData md = DeclarativeBase.metadata(OrmBase.class);
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(table(User.class)), List.of(
            Map.of("name", "spongebob", "fullname", "Spongebob Squarepants"),
            Map.of("name", "sandy", "fullname", "Sandy Cheeks"),
            Map.of("name", "patrick", "fullname", "")));
        conn.execute(insert(table(Address.class)), List.of(
            Map.of("email_address", "spongebob@sqlalchemy.org", "user_id", 1),
            Map.of("email_address", "sandy@sqlalchemy.org", "user_id", 2),
            Map.of("email_address", "sandy@squirrelpower.org", "user_id", 2)));
        conn.commit();

        List<Row> rows = conn.execute(
            select(User_.name, Address_.emailAddress).join(User_.addresses).orderBy(Address_.emailAddress)).all();
        assertThat(rows).extracting(r -> r.get(User_.name) + " " + r.get(Address_.emailAddress)).containsExactly(
            "sandy sandy@sqlalchemy.org", "sandy sandy@squirrelpower.org", "spongebob spongebob@sqlalchemy.org");
        // The attribute and its column are interchangeable when reading a row.
        assertThat(rows.get(0).get(User_.name.column())).isEqualTo("sandy");

        assertThat(conn.execute(select(User_.id, User_.name).where(User_.id.gt(1)).orderBy(User_.id.desc()))
                .all().stream().map(r -> r.get(User_.name)).toList())
            .containsExactly("patrick", "sandy");
        assertThat(conn.execute(select(User_.fullname).where(User_.name.eq("spongebob"))).scalarOne())
            .isEqualTo("Spongebob Squarepants");

        // The many-to-one side joins the other way.
        assertThat(conn.execute(select(Address_.emailAddress).join(org.jalchemy.orm.model.Address_.user)
                .where(User_.name.eq("spongebob"))).scalars().all())
            .containsExactly("spongebob@sqlalchemy.org");
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void manyToManyJoinsThroughTheSecondaryTable(TestDatabase db) {
    MetaData md = DeclarativeBase.metadata(OrmBase.class);
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(table(User.class)), List.of(Map.of("name", "sandy"), Map.of("name", "patrick")));
        conn.execute(insert(table(Keyword.class)), List.of(Map.of("word", "karate"), Map.of("word", "science")));
        conn.execute(insert(table(UserKeyword.class)),
            List.of(Map.of("user_id", 1, "keyword_id", 1), Map.of("user_id", 1, "keyword_id", 2)));
        conn.commit();
        List<Row> rows = conn.execute(select(User_.name, Keyword_.word).join(User_.keywords)
            .orderBy(Keyword_.word)).all();
        assertThat(rows).extracting(r -> r.get(User_.name) + ":" + r.get(Keyword_.word))
            .containsExactly("sandy:karate", "sandy:science");
        List<String> words = conn.execute(select(Keyword_.word).selectFrom(table(User.class)).join(User_.keywords)
            .where(User_.name.eq("patrick"))).scalars().all();
        assertThat(words).isEmpty();
      }
      md.dropAll(engine);
    }
  }

  @ParameterizedTest
  @MethodSource("org.jalchemy.testing.TestDatabase#all")
  void instantAndEnumAttributesRoundTrip(TestDatabase db) {
    MetaData md = DeclarativeBase.metadata(OrmBase.class);
    Instant at = Instant.parse("2026-11-23T21:15:30.123456Z");
    try (Engine engine = db.engine()) {
      md.dropAll(engine);
      md.createAll(engine);
      try (Connection conn = engine.connect()) {
        conn.execute(insert(table(Sample.class))
            .value(Sample_.createdAt.column(), at)
            .value(Sample_.label.column(), "x")
            .value(Sample_.count.column(), 1).value(Sample_.total.column(), 2L)
            .value(Sample_.active.column(), true).value(Sample_.version.column(), 1));
        conn.commit();
        Row row = conn.execute(select(Sample_.createdAt, Sample_.status, Sample_.token)
            .where(Sample_.createdAt.eq(at))).one();
        assertThat(row.get(Sample_.createdAt)).isEqualTo(at);
        assertThat(row.get(Sample_.status)).isEqualTo(org.jalchemy.orm.model.Status.NEW);  // Java-side default
        assertThat(row.get(Sample_.token)).isNotNull();                                     // defaultFactory
        assertThat(conn.execute(select(Sample_.label).where(Sample_.createdAt.gt(at.minusSeconds(1)))).scalarOne())
            .isEqualTo("x");
      }
      md.dropAll(engine);
    }
  }

  @Test
  void attributeSharesTheColumnsCompiledStatement() {
    Engine engine = createEngine("sqlite+xerial:///:memory:");
    try (engine) {
      String viaAttribute = engine.dialect().compile(select(User_.name).where(User_.id.eq(1))).sql();
      String viaColumn = engine.dialect().compile(select(User_.name.column()).where(User_.id.column().eq(1))).sql();
      assertThat(viaAttribute).isEqualTo(viaColumn).contains("orm_user_account.name");
      assertThat(org.jalchemy.sql.compiler.CacheKey.of(select(User_.name).where(User_.id.eq(1))).structure())
          .isEqualTo(org.jalchemy.sql.compiler.CacheKey.of(select(User_.name.column()).where(User_.id.column().eq(2))).structure());
    }
  }

  @Test
  void joinsRenderTheRelationshipsCondition() {
    try (Engine engine = createEngine("sqlite+xerial:///:memory:")) {
      assertThat(engine.dialect().compile(select(User_.name, Address_.emailAddress).join(User_.addresses)).sql())
          .contains("FROM orm_user_account JOIN orm_address ON orm_user_account.id = orm_address.user_id");
      assertThat(engine.dialect().compile(select(User_.name, Keyword_.word).join(User_.keywords)).sql())
          .contains("FROM orm_user_account JOIN (orm_user_keyword JOIN orm_keyword ON orm_keyword.id = "
              + "orm_user_keyword.keyword_id) ON orm_user_account.id = orm_user_keyword.user_id")
          .satisfies(sql -> assertThat(sql.substring(sql.indexOf("FROM"))).doesNotContain(","));
    }
  }

  @Test
  void generatedClassesCarryGeneratedAnnotation() throws Exception {
    Path source = generatedSource("org/jalchemy/orm/model/User_.java");
    String text = Files.readString(source);
    assertThat(text).contains("@jakarta.annotation.Generated(value = \"org.jalchemy.processor.MetamodelProcessor\"");
    assertThat(text).contains("ColumnAttribute<org.jalchemy.orm.model.User, java.lang.String> name");
    assertThat(text).contains("RelationshipAttribute<org.jalchemy.orm.model.User, org.jalchemy.orm.model.Address> addresses");
    // Primitive fields are boxed; transient and static fields are left out; mixin fields are in.
    String sample = Files.readString(generatedSource("org/jalchemy/orm/model/Sample_.java"));
    assertThat(sample).contains("java.lang.Integer> count", "byte[]> payload", "java.time.Instant> createdAt")
        .doesNotContain("scratch", " made");
    // Nested mapped classes get a flattened metamodel name.
    assertThat(generatedSource("org/jalchemy/orm/MappingErrorsTest_NoPrimaryKey_.java")).exists();
  }

  @Test
  void indexListsTheModulesMappedClasses() {
    assertThat(MappedClassIndex.classNames(getClass().getClassLoader())).contains(
        User.class.getName(), Address.class.getName(), Keyword.class.getName(), UserKeyword.class.getName(),
        Sample.class.getName(), TreeNode.class.getName(),
        MappingErrorsTest.NoPrimaryKey.class.getName());
    // The base found them through the index, without any register() call.
    assertThat(DeclarativeBase.mappers(OrmBase.class)).extracting(m -> m.mappedClass().getSimpleName())
        .containsExactlyInAnyOrder("Address", "Keyword", "OrderLine", "Sample", "TreeNode", "User", "UserKeyword");
  }

  private static Path generatedSource(String relative) throws URISyntaxException {
    Path testClasses = Path.of(MetamodelTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return testClasses.resolveSibling("generated-test-sources").resolve("test-annotations").resolve(relative);
  }
}
